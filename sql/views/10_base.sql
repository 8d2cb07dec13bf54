-- Analyst dimension views and the YTD series ytd(r, i, y, m) of DESIGN §6.
--
-- ytd(r, i, y, m) rule (documented in docs/analyst-guide.md):
--   1. the region's own indicator-summary row (dw.fact_region_indicator_month) when it has a value;
--   2. else the region's own projects (dw.agg_project_region_month) plus, for each direct
--      sub-region, that sub-region's indicator-summary value, or when it has none the sum of all
--      projects in that sub-region and below it. Only cities roll up their sub-regions: a
--      province holds one city's data at most here, so a province total would mislead.
-- So a county without a summary row is the sum of its projects, and a city without a summary
-- row is the sum of the rows shown under it. The rule is computed by the loader for every month it
-- touches (dw.refresh_ytd_summary, migration V008) into dw.agg_ytd_region_month, which this view
-- reads: the series and everything built on it (yoy, targets, alerts) are index probes.

CREATE VIEW analyst.region AS
SELECT r.region_key, r.region_code, r.name AS region, r.name_en AS region_en, r.level,
       r.parent_key, p.region_code AS parent_code, p.name AS parent_region, r.sort_order
FROM dw.dim_region r
LEFT JOIN dw.dim_region p ON p.region_key = r.parent_key;
COMMENT ON VIEW analyst.region IS '地区（省、市、县区、园区） / Regions: province, city, county, functional zone';
COMMENT ON COLUMN analyst.region.region_key IS '地区代理键 / Surrogate key';
COMMENT ON COLUMN analyst.region.region_code IS '行政区划代码或园区代码 / GB/T 2260 code, or a stable code for zones';
COMMENT ON COLUMN analyst.region.region IS '地区名称 / Region name';
COMMENT ON COLUMN analyst.region.region_en IS '英文名 / English name';
COMMENT ON COLUMN analyst.region.level IS '层级 province/city/county/zone / Level';
COMMENT ON COLUMN analyst.region.parent_key IS '上级地区代理键 / Parent surrogate key';
COMMENT ON COLUMN analyst.region.parent_code IS '上级地区代码 / Parent code';
COMMENT ON COLUMN analyst.region.parent_region IS '上级地区名称 / Parent name';
COMMENT ON COLUMN analyst.region.sort_order IS '报表排列顺序 / Order in reports';

CREATE VIEW analyst.region_alias AS
SELECT a.alias_normalized, a.alias, a.region_key, r.region_code, r.name AS region
FROM dw.dim_region_alias a JOIN dw.dim_region r ON r.region_key = a.region_key;
COMMENT ON VIEW analyst.region_alias IS '地区别名（名称、代码、简称均可查） / Region aliases: names, codes and short forms';
COMMENT ON COLUMN analyst.region_alias.alias_normalized IS '规范化别名 / Normalised alias';
COMMENT ON COLUMN analyst.region_alias.alias IS '别名原文 / Alias as written';
COMMENT ON COLUMN analyst.region_alias.region_key IS '地区代理键 / Region key';
COMMENT ON COLUMN analyst.region_alias.region_code IS '地区代码 / Region code';
COMMENT ON COLUMN analyst.region_alias.region IS '地区名称 / Region name';

CREATE VIEW analyst.department AS
SELECT d.department_key, d.name AS department, d.name_en AS department_en, d.is_seeded
FROM dw.dim_department d;
COMMENT ON VIEW analyst.department IS '责任单位 / Responsible departments';
COMMENT ON COLUMN analyst.department.department_key IS '单位代理键 / Surrogate key';
COMMENT ON COLUMN analyst.department.department IS '单位名称 / Department name';
COMMENT ON COLUMN analyst.department.department_en IS '英文名 / English name';
COMMENT ON COLUMN analyst.department.is_seeded IS '是否预置 / Seeded (else created by the loader on first sight)';

CREATE VIEW analyst.indicator AS
SELECT i.indicator_key, i.indicator_code, i.name_zh AS indicator_name, i.name_en AS indicator_en,
       i.unit, i.growth_target_pct AS default_rate_pct, i.sort_order
FROM dw.dim_indicator i;
COMMENT ON VIEW analyst.indicator IS '指标 / Indicators';
COMMENT ON COLUMN analyst.indicator.indicator_key IS '指标代理键 / Surrogate key';
COMMENT ON COLUMN analyst.indicator.indicator_code IS '指标代码 fai/industrial/… / Indicator code';
COMMENT ON COLUMN analyst.indicator.indicator_name IS '指标中文名 / Chinese name';
COMMENT ON COLUMN analyst.indicator.indicator_en IS '英文名 / English name';
COMMENT ON COLUMN analyst.indicator.unit IS '单位 / Unit';
COMMENT ON COLUMN analyst.indicator.default_rate_pct IS '默认年度增长目标（%） / Default annual growth target, percent';
COMMENT ON COLUMN analyst.indicator.sort_order IS '报表排列顺序 / Order in reports';

CREATE VIEW analyst.report_month AS
SELECT m.month_key, to_char(m.month_start, 'YYYY-MM') AS month, m.year, m.month AS month_no,
       m.quarter, m.half, m.period_label, m.label, m.january_merged,
       NOT (m.month = 1 AND m.january_merged) AS is_report_month
FROM dw.dim_month m;
COMMENT ON VIEW analyst.report_month IS '月份（键 YYYYMM） / Months, key YYYYMM';
COMMENT ON COLUMN analyst.report_month.month_key IS '月份键 YYYYMM / Month key';
COMMENT ON COLUMN analyst.report_month.month IS '月份 YYYY-MM / Month as YYYY-MM';
COMMENT ON COLUMN analyst.report_month.year IS '年 / Year';
COMMENT ON COLUMN analyst.report_month.month_no IS '月（1-12） / Month number';
COMMENT ON COLUMN analyst.report_month.quarter IS '季度 / Quarter';
COMMENT ON COLUMN analyst.report_month.half IS '半年 / Half year';
COMMENT ON COLUMN analyst.report_month.period_label IS '累计期，如 1-6月 / Cumulative period, e.g. 1-6月';
COMMENT ON COLUMN analyst.report_month.label IS '完整标签，如 2022年1-6月 / Full label';
COMMENT ON COLUMN analyst.report_month.january_merged IS '1月并入1-2月报告 / January merged into the 1-2月 report';
COMMENT ON COLUMN analyst.report_month.is_report_month IS '是否单独报告的月份（1月并入时1月不是） / Whether the month has its own report (not January when merged)';

CREATE VIEW analyst.region_closure AS
WITH RECURSIVE t (ancestor_key, descendant_key, depth) AS (
    SELECT region_key, region_key, 0 FROM dw.dim_region
    UNION ALL
    SELECT t.ancestor_key, r.region_key, t.depth + 1
    FROM t JOIN dw.dim_region r ON r.parent_key = t.descendant_key
)
SELECT ancestor_key, descendant_key, depth FROM t;
COMMENT ON VIEW analyst.region_closure IS '地区层级闭包：每个地区与其自身及所有下级 / Region hierarchy closure: every region with itself and all regions below it';
COMMENT ON COLUMN analyst.region_closure.ancestor_key IS '上级（含自身） / Ancestor (or the region itself)';
COMMENT ON COLUMN analyst.region_closure.descendant_key IS '下级（含自身） / Descendant (or the region itself)';
COMMENT ON COLUMN analyst.region_closure.depth IS '相差层数，0 为自身 / Levels between them, 0 = itself';

CREATE VIEW analyst.indicator_rate AS
SELECT i.indicator_key, i.indicator_code, y.year,
       coalesce(r.rate_pct, i.growth_target_pct) AS rate_pct,
       CASE WHEN r.rate_pct IS NOT NULL THEN 'per-year rate'
            WHEN i.growth_target_pct IS NOT NULL THEN 'indicator default' END AS rate_source
FROM dw.dim_indicator i
CROSS JOIN (SELECT DISTINCT year FROM dw.dim_month) y
LEFT JOIN dw.indicator_target_rate r ON r.indicator_key = i.indicator_key AND r.year = y.year;
COMMENT ON VIEW analyst.indicator_rate IS '各指标各年的增长目标（按年配置优先，否则默认） / Growth target per indicator and year (per-year setting, else the default)';
COMMENT ON COLUMN analyst.indicator_rate.indicator_key IS '指标代理键 / Indicator key';
COMMENT ON COLUMN analyst.indicator_rate.indicator_code IS '指标代码 / Indicator code';
COMMENT ON COLUMN analyst.indicator_rate.year IS '年份 / Year';
COMMENT ON COLUMN analyst.indicator_rate.rate_pct IS '年度增长目标（%），无目标为空 / Annual growth target in percent; null when none';
COMMENT ON COLUMN analyst.indicator_rate.rate_source IS '来源：per-year rate 按年配置 / indicator default 默认 / Source of the rate';

CREATE VIEW analyst.ytd_series AS
SELECT v.region_key, r.region_code, r.name AS region, r.level, r.parent_key, r.sort_order,
       v.indicator_key, i.indicator_code, i.name_zh AS indicator_name,
       v.month_key, m.year, m.month AS month_no, to_char(m.month_start, 'YYYY-MM') AS month,
       v.ytd_value_wan, v.reported_prior_ytd_wan, v.reported_yoy_pct, v.source, v.missing_subregions
FROM dw.agg_ytd_region_month v
JOIN dw.dim_region r ON r.region_key = v.region_key
JOIN dw.dim_indicator i ON i.indicator_key = v.indicator_key
JOIN dw.dim_month m ON m.month_key = v.month_key;
COMMENT ON VIEW analyst.ytd_series IS '本年累计值序列 ytd(地区, 指标, 月)：本地区指标汇总表数值；无则为本地区项目合计，市再加各下级地区数值（下级有汇总表用汇总表，否则用其全部项目合计） / YTD series: the region''s own indicator-summary value; else its own projects, and for a city plus each sub-region''s summary value (or, without one, all projects in it)';
COMMENT ON COLUMN analyst.ytd_series.region_key IS '地区代理键 / Region key';
COMMENT ON COLUMN analyst.ytd_series.region_code IS '地区代码 / Region code';
COMMENT ON COLUMN analyst.ytd_series.region IS '地区名称 / Region name';
COMMENT ON COLUMN analyst.ytd_series.level IS '层级 / Level';
COMMENT ON COLUMN analyst.ytd_series.parent_key IS '上级地区代理键 / Parent region key';
COMMENT ON COLUMN analyst.ytd_series.sort_order IS '报表排列顺序 / Order in reports';
COMMENT ON COLUMN analyst.ytd_series.indicator_key IS '指标代理键 / Indicator key';
COMMENT ON COLUMN analyst.ytd_series.indicator_code IS '指标代码 / Indicator code';
COMMENT ON COLUMN analyst.ytd_series.indicator_name IS '指标名称 / Indicator name';
COMMENT ON COLUMN analyst.ytd_series.month_key IS '月份键 YYYYMM / Month key';
COMMENT ON COLUMN analyst.ytd_series.year IS '年 / Year';
COMMENT ON COLUMN analyst.ytd_series.month_no IS '月 / Month number';
COMMENT ON COLUMN analyst.ytd_series.month IS '月份 YYYY-MM / Month';
COMMENT ON COLUMN analyst.ytd_series.ytd_value_wan IS '本年累计（万元） / YTD value, 10k CNY';
COMMENT ON COLUMN analyst.ytd_series.reported_prior_ytd_wan IS '报表所填上年同期可比数（万元） / Reported comparable prior-year YTD';
COMMENT ON COLUMN analyst.ytd_series.missing_subregions IS '由下级地区加总时尚未报送的下级地区（此前报过，本月无数）；此时本值不全 / For a value summed from sub-regions: those that reported before but not this month (the value is then incomplete)';
COMMENT ON COLUMN analyst.ytd_series.reported_yoy_pct IS '报表所填同比增速（%） / Reported YoY, percent';
COMMENT ON COLUMN analyst.ytd_series.source IS '数值来源：indicator-summary 指标汇总表 / project-progress 项目合计 / sub-regions 下级地区合计 / Where the value comes from';
