-- Year-on-year growth (DESIGN §6) by region, by responsible department, by project category.
--
-- yoy_pct = (ytd − prior) / prior × 100, prior = the reported comparable prior-year value when
-- the sheet gave one, else ytd(y − 1, m). No prior, or prior = 0: null with yoy_null_reason.
-- official_yoy_pct = reported_yoy_pct when reported, else yoy_pct. Percentages are rounded to
-- 2 decimals, the flag compares the unrounded computed value with the reported one.
-- Ranking: peers = same level and same parent, official_yoy_pct desc, ties by ytd desc; rank 1
-- best; regions without an official rate are not ranked. month_key is in every window
-- partition, so `WHERE month_key = …` is pushed below the windows.

CREATE VIEW analyst.yoy_region AS
SELECT z.region_key, z.region_code, z.region, z.level, z.parent_key, z.sort_order,
       z.indicator_key, z.indicator_code, z.indicator_name,
       z.month_key, z.month, z.year, z.month_no,
       z.ytd_value_wan, z.prior_ytd_value_wan, z.prior_source, z.last_year_ytd_value_wan,
       z.yoy_pct, z.yoy_null_reason, z.reported_yoy_pct, z.yoy_diff_pp, z.yoy_diff_flag,
       z.official_yoy_pct, z.official_source,
       CASE WHEN z.official_yoy_pct IS NOT NULL THEN z.rank_raw END AS rank,
       z.peer_count,
       -- Not last while a peer that reported before has not reported this month: it may rank
       -- below (钦南区 was interviewed as 3rd of 3, then 3rd of 4 once 浦北县 reported).
       (z.official_yoy_pct IS NOT NULL AND z.peer_count > 1 AND z.peers_not_reported IS NULL
        AND z.rank_raw = max(CASE WHEN z.official_yoy_pct IS NOT NULL THEN z.rank_raw END)
                         OVER (PARTITION BY z.parent_key, z.level, z.indicator_key, z.month_key)) AS is_last,
       z.source, z.missing_subregions, z.peers_not_reported
FROM (
    SELECT y.*,
           rank() OVER (PARTITION BY y.parent_key, y.level, y.indicator_key, y.month_key
                        ORDER BY y.official_yoy_pct DESC NULLS LAST, y.ytd_value_wan DESC) AS rank_raw,
           count(y.official_yoy_pct) OVER (PARTITION BY y.parent_key, y.level, y.indicator_key, y.month_key) AS peer_count
    FROM (
        SELECT b.*,
               round(b.yoy_exact, 2) AS yoy_pct,
               CASE WHEN b.missing_subregions IS NOT NULL THEN 'sub-regions not reported: ' || b.missing_subregions
                    WHEN b.last_year_missing_subregions IS NOT NULL AND b.reported_prior_ytd_wan IS NULL
                        THEN 'prior year''s sub-regions not reported: ' || b.last_year_missing_subregions
                    WHEN b.subregions_without_prior IS NOT NULL
                        THEN 'sub-regions without a prior-year figure: ' || b.subregions_without_prior
                    WHEN b.prior_ytd_value_wan IS NULL THEN 'no prior-year value'
                    WHEN b.prior_ytd_value_wan = 0 THEN 'prior-year value is zero' END AS yoy_null_reason,
               round(b.yoy_exact - b.reported_yoy_pct, 2) AS yoy_diff_pp,
               coalesce(abs(b.yoy_exact - b.reported_yoy_pct)
                        > (SELECT value FROM dw.report_setting WHERE name = 'yoy_flag_pp'), false) AS yoy_diff_flag,
               coalesce(b.reported_yoy_pct, round(b.yoy_exact, 2)) AS official_yoy_pct,
               CASE WHEN b.reported_yoy_pct IS NOT NULL THEN 'reported'
                    WHEN b.yoy_exact IS NOT NULL THEN 'computed' END AS official_source
        FROM (
            SELECT c.region_key, c.region_code, c.region, c.level, c.parent_key, c.sort_order,
                   c.indicator_key, c.indicator_code, c.indicator_name,
                   c.month_key, c.month, c.year, c.month_no,
                   c.ytd_value_wan, c.reported_yoy_pct, c.source, c.missing_subregions,
                   c.reported_prior_ytd_wan, ly.missing_subregions AS last_year_missing_subregions,
                   coalesce(c.reported_prior_ytd_wan, ly.ytd_value_wan) AS prior_ytd_value_wan,
                   CASE WHEN c.reported_prior_ytd_wan IS NOT NULL THEN 'reported comparable'
                        WHEN ly.ytd_value_wan IS NOT NULL THEN 'last year' END AS prior_source,
                   ly.ytd_value_wan AS last_year_ytd_value_wan, nw.names AS subregions_without_prior,
                   np.names AS peers_not_reported,
                   -- No growth of a city on part of its sub-regions (this year's or last year's).
                   CASE WHEN c.missing_subregions IS NULL AND nw.names IS NULL
                             AND (ly.missing_subregions IS NULL OR c.reported_prior_ytd_wan IS NOT NULL) THEN
                   (c.ytd_value_wan - coalesce(c.reported_prior_ytd_wan, ly.ytd_value_wan))
                       / nullif(coalesce(c.reported_prior_ytd_wan, ly.ytd_value_wan), 0) * 100 END AS yoy_exact
            FROM analyst.ytd_series c
            LEFT JOIN analyst.ytd_series ly
                   ON ly.region_key = c.region_key AND ly.indicator_key = c.indicator_key
                  AND ly.month_key = c.month_key - 100
            -- A city summed from its sub-regions against last year's sum of fewer of them (a
            -- county's sheets loaded for this year only): 6 regions over 1 gave +2075.9 %.
            LEFT JOIN LATERAL (
                SELECT string_agg(s.region, '、' ORDER BY s.sort_order, s.region_code) AS names
                FROM analyst.ytd_series s
                WHERE c.source = 'sub-regions' AND c.reported_prior_ytd_wan IS NULL AND ly.ytd_value_wan IS NOT NULL
                  AND s.parent_key = c.region_key AND s.indicator_key = c.indicator_key AND s.month_key = c.month_key
                  AND NOT EXISTS (SELECT 1 FROM dw.agg_ytd_region_month p
                                  WHERE p.region_key = s.region_key AND p.indicator_key = s.indicator_key
                                    AND p.month_key = c.month_key - 100)
            ) nw ON true
            -- Peers (same parent and level) with a figure earlier in the year or this month last
            -- year and none this month (V020's rule for a city's sub-regions).
            LEFT JOIN LATERAL (
                SELECT string_agg(r.name, '、' ORDER BY r.sort_order, r.region_code) AS names
                FROM dw.dim_region r
                WHERE r.parent_key = c.parent_key AND r.level = c.level AND r.region_key <> c.region_key
                  AND EXISTS (SELECT 1 FROM dw.agg_ytd_region_month e
                              WHERE e.region_key = r.region_key AND e.indicator_key = c.indicator_key
                                AND (e.month_key / 100 = c.month_key / 100 AND e.month_key < c.month_key
                                     OR e.month_key = c.month_key - 100))
                  AND NOT EXISTS (SELECT 1 FROM dw.agg_ytd_region_month n
                                  WHERE n.region_key = r.region_key AND n.indicator_key = c.indicator_key
                                    AND n.month_key = c.month_key)
            ) np ON true
        ) b
    ) y
) z;
COMMENT ON VIEW analyst.yoy_region IS '按地区的同比增速与排名（各指标） / Year-on-year growth and ranking by region, every indicator';
COMMENT ON COLUMN analyst.yoy_region.region_key IS '地区代理键 / Region key';
COMMENT ON COLUMN analyst.yoy_region.region_code IS '地区代码 / Region code';
COMMENT ON COLUMN analyst.yoy_region.region IS '地区名称 / Region name';
COMMENT ON COLUMN analyst.yoy_region.level IS '层级 / Level';
COMMENT ON COLUMN analyst.yoy_region.parent_key IS '上级地区代理键 / Parent region key';
COMMENT ON COLUMN analyst.yoy_region.sort_order IS '报表排列顺序 / Order in reports';
COMMENT ON COLUMN analyst.yoy_region.indicator_key IS '指标代理键 / Indicator key';
COMMENT ON COLUMN analyst.yoy_region.indicator_code IS '指标代码 / Indicator code';
COMMENT ON COLUMN analyst.yoy_region.indicator_name IS '指标名称 / Indicator name';
COMMENT ON COLUMN analyst.yoy_region.month_key IS '月份键 YYYYMM / Month key';
COMMENT ON COLUMN analyst.yoy_region.month IS '月份 YYYY-MM / Month';
COMMENT ON COLUMN analyst.yoy_region.year IS '年 / Year';
COMMENT ON COLUMN analyst.yoy_region.month_no IS '月 / Month number';
COMMENT ON COLUMN analyst.yoy_region.ytd_value_wan IS '本年累计（万元） / YTD value, 10k CNY';
COMMENT ON COLUMN analyst.yoy_region.prior_ytd_value_wan IS '同比基数（万元）：报表可比数优先，否则上年同月累计 / Prior-year base: the reported comparable value, else last year''s YTD at the same month';
COMMENT ON COLUMN analyst.yoy_region.prior_source IS '基数来源：reported comparable 报表可比数 / last year 上年同期 / Source of the base';
COMMENT ON COLUMN analyst.yoy_region.last_year_ytd_value_wan IS '库中上年同月累计（万元），供对照 / Stored last-year YTD at the same month, for reference';
COMMENT ON COLUMN analyst.yoy_region.yoy_pct IS '计算同比增速（%，两位小数） / Computed YoY growth, percent, 2 decimals';
COMMENT ON COLUMN analyst.yoy_region.yoy_null_reason IS '同比为空的原因 / Why yoy_pct is null: no prior-year value, prior-year value is zero, sub-regions not reported: … (a city summed from its sub-regions while some have not reported this month, or had not last year), sub-regions without a prior-year figure: … (summed from sub-regions some of which have no figure last year)';
COMMENT ON COLUMN analyst.yoy_region.missing_subregions IS '由下级地区加总时尚未报送的下级地区；此时不计同比 / For a value summed from sub-regions: those not reported this month (no YoY then)';
COMMENT ON COLUMN analyst.yoy_region.reported_yoy_pct IS '报表所填同比增速（%） / Reported YoY, percent';
COMMENT ON COLUMN analyst.yoy_region.yoy_diff_pp IS '计算减报表同比（百分点） / Computed minus reported YoY, percentage points';
COMMENT ON COLUMN analyst.yoy_region.yoy_diff_flag IS '计算与报表同比相差超过阈值（dw.report_setting yoy_flag_pp） / Computed and reported YoY differ by more than yoy_flag_pp';
COMMENT ON COLUMN analyst.yoy_region.official_yoy_pct IS '官方增速：有报表同比用报表，否则用计算值；排名与通报依此 / Official rate: reported when present, else computed; rankings and alerts use it';
COMMENT ON COLUMN analyst.yoy_region.official_source IS '官方增速来源 reported/computed / Source of the official rate';
COMMENT ON COLUMN analyst.yoy_region.rank IS '同级同上级地区中的名次（官方增速降序，相同按累计值降序），1 为最好 / Rank among regions of the same level and parent; 1 is best';
COMMENT ON COLUMN analyst.yoy_region.peer_count IS '参与排名的地区数 / Number of ranked peers';
COMMENT ON COLUMN analyst.yoy_region.is_last IS '是否排名末位（至少两个参评地区，且此前报过的同级地区本月均已报送） / Ranks last (with at least two ranked peers, and no peer that reported before missing this month)';
COMMENT ON COLUMN analyst.yoy_region.peers_not_reported IS '此前报过、本月未报的同级地区（此时不判末位） / Peers that reported before but not this month (no last place then)';
COMMENT ON COLUMN analyst.yoy_region.source IS '累计值来源 / Where the YTD value comes from';

-- Departments and categories: sums of project summaries over a scope region and everything
-- below it (scope_region_*), so a department's total can be read for the city or a county.
CREATE VIEW analyst.yoy_department AS
-- One set of scope sums, joined to itself a year earlier (NOT MATERIALIZED: filters reach both sides).
-- A county's bureau named without its county (县水利局, 区教育局: every county has one) is one
-- unit per county at a wider scope (`灵山县·县水利局`), as transfer units are: three counties'
-- 县水利局 summed into one city "department".
WITH sums AS NOT MATERIALIZED (
    SELECT c.ancestor_key AS scope_region_key, a.department_key,
           CASE WHEN d.name ~ '^[县区]' AND a.region_key <> c.ancestor_key THEN a.region_key END AS unit_region_key,
           a.indicator_key, a.month_key,
           sum(a.ytd_completed_wan) AS ytd_value_wan, sum(a.project_count)::integer AS project_count
    FROM dw.agg_project_department_month a
    JOIN analyst.region_closure c ON c.descendant_key = a.region_key
    JOIN dw.dim_department d ON d.department_key = a.department_key
    GROUP BY c.ancestor_key, a.department_key, 3, a.indicator_key, a.month_key
)
SELECT z.*, CASE WHEN z.yoy_pct IS NOT NULL THEN
           rank() OVER (PARTITION BY z.scope_region_key, z.indicator_key, z.month_key
                        ORDER BY z.yoy_pct DESC NULLS LAST, z.ytd_value_wan DESC) END AS rank
FROM (
    SELECT b.scope_region_key, sr.region_code AS scope_region_code, sr.name AS scope_region, sr.level AS scope_level,
           b.department_key, CASE WHEN ur.name IS NULL THEN d.name ELSE ur.name || '·' || d.name END AS department,
           b.indicator_key, i.indicator_code, i.name_zh AS indicator_name,
           b.month_key, to_char(m.month_start, 'YYYY-MM') AS month, m.year, m.month AS month_no,
           b.ytd_value_wan, b.project_count, ly.ytd_value_wan AS prior_ytd_value_wan,
           round((b.ytd_value_wan - ly.ytd_value_wan) / nullif(ly.ytd_value_wan, 0) * 100, 2) AS yoy_pct,
           CASE WHEN ly.ytd_value_wan IS NULL THEN 'no prior-year value'
                WHEN ly.ytd_value_wan = 0 THEN 'prior-year value is zero' END AS yoy_null_reason
    FROM sums b
    LEFT JOIN sums ly ON ly.scope_region_key = b.scope_region_key AND ly.department_key = b.department_key
        AND ly.unit_region_key IS NOT DISTINCT FROM b.unit_region_key
        AND ly.indicator_key = b.indicator_key AND ly.month_key = b.month_key - 100
    JOIN dw.dim_region sr ON sr.region_key = b.scope_region_key
    LEFT JOIN dw.dim_region ur ON ur.region_key = b.unit_region_key
    JOIN dw.dim_department d ON d.department_key = b.department_key
    JOIN dw.dim_indicator i ON i.indicator_key = b.indicator_key
    JOIN dw.dim_month m ON m.month_key = b.month_key
) z;
COMMENT ON VIEW analyst.yoy_department IS '按责任单位的同比增速（项目合计，范围为某地区及其下级） / YoY growth by responsible department: project sums within a scope region and below it';
COMMENT ON COLUMN analyst.yoy_department.scope_region_key IS '统计范围地区代理键 / Scope region key';
COMMENT ON COLUMN analyst.yoy_department.scope_region_code IS '统计范围地区代码 / Scope region code';
COMMENT ON COLUMN analyst.yoy_department.scope_region IS '统计范围地区（含下级） / Scope region (with everything below it)';
COMMENT ON COLUMN analyst.yoy_department.scope_level IS '统计范围层级 / Scope level';
COMMENT ON COLUMN analyst.yoy_department.department_key IS '单位代理键 / Department key';
COMMENT ON COLUMN analyst.yoy_department.department IS '责任单位；县区的无县名部门（县水利局）在更大范围内前加县区名（灵山县·县水利局） / Department; a county bureau named without its county is prefixed with it at a wider scope';
COMMENT ON COLUMN analyst.yoy_department.indicator_key IS '指标代理键 / Indicator key';
COMMENT ON COLUMN analyst.yoy_department.indicator_code IS '指标代码 / Indicator code';
COMMENT ON COLUMN analyst.yoy_department.indicator_name IS '指标名称 / Indicator name';
COMMENT ON COLUMN analyst.yoy_department.month_key IS '月份键 / Month key';
COMMENT ON COLUMN analyst.yoy_department.month IS '月份 YYYY-MM / Month';
COMMENT ON COLUMN analyst.yoy_department.year IS '年 / Year';
COMMENT ON COLUMN analyst.yoy_department.month_no IS '月 / Month number';
COMMENT ON COLUMN analyst.yoy_department.ytd_value_wan IS '本年累计完成投资（万元） / YTD completed, 10k CNY';
COMMENT ON COLUMN analyst.yoy_department.project_count IS '项目个数 / Number of projects';
COMMENT ON COLUMN analyst.yoy_department.prior_ytd_value_wan IS '上年同月累计（万元） / Last year''s YTD at the same month';
COMMENT ON COLUMN analyst.yoy_department.yoy_pct IS '同比增速（%） / YoY growth, percent';
COMMENT ON COLUMN analyst.yoy_department.yoy_null_reason IS '同比为空的原因 / Why yoy_pct is null';
COMMENT ON COLUMN analyst.yoy_department.rank IS '范围内各单位按同比增速排名 / Rank of departments within the scope by YoY';

CREATE VIEW analyst.yoy_category AS
WITH sums AS NOT MATERIALIZED (
    SELECT c.ancestor_key AS scope_region_key, a.category AS category_code, a.indicator_key, a.month_key,
           sum(a.ytd_completed_wan) AS ytd_value_wan, sum(a.project_count)::integer AS project_count
    FROM dw.agg_project_category_month a
    JOIN analyst.region_closure c ON c.descendant_key = a.region_key
    GROUP BY c.ancestor_key, a.category, a.indicator_key, a.month_key
)
SELECT z.*, CASE WHEN z.yoy_pct IS NOT NULL THEN
           rank() OVER (PARTITION BY z.scope_region_key, z.indicator_key, z.month_key
                        ORDER BY z.yoy_pct DESC NULLS LAST, z.ytd_value_wan DESC) END AS rank
FROM (
    SELECT b.scope_region_key, sr.region_code AS scope_region_code, sr.name AS scope_region, sr.level AS scope_level,
           b.category_code, CASE WHEN b.category_code = '' THEN '未分类' ELSE b.category_code END AS category,
           b.indicator_key, i.indicator_code, i.name_zh AS indicator_name,
           b.month_key, to_char(m.month_start, 'YYYY-MM') AS month, m.year, m.month AS month_no,
           b.ytd_value_wan, b.project_count, ly.ytd_value_wan AS prior_ytd_value_wan,
           round((b.ytd_value_wan - ly.ytd_value_wan) / nullif(ly.ytd_value_wan, 0) * 100, 2) AS yoy_pct,
           CASE WHEN ly.ytd_value_wan IS NULL THEN 'no prior-year value'
                WHEN ly.ytd_value_wan = 0 THEN 'prior-year value is zero' END AS yoy_null_reason
    FROM sums b
    LEFT JOIN sums ly ON ly.scope_region_key = b.scope_region_key AND ly.category_code = b.category_code
        AND ly.indicator_key = b.indicator_key AND ly.month_key = b.month_key - 100
    JOIN dw.dim_region sr ON sr.region_key = b.scope_region_key
    JOIN dw.dim_indicator i ON i.indicator_key = b.indicator_key
    JOIN dw.dim_month m ON m.month_key = b.month_key
) z;
COMMENT ON VIEW analyst.yoy_category IS '按项目类别的同比增速（项目合计，范围为某地区及其下级） / YoY growth by project category: project sums within a scope region and below it';
COMMENT ON COLUMN analyst.yoy_category.scope_region_key IS '统计范围地区代理键 / Scope region key';
COMMENT ON COLUMN analyst.yoy_category.scope_region_code IS '统计范围地区代码 / Scope region code';
COMMENT ON COLUMN analyst.yoy_category.scope_region IS '统计范围地区（含下级） / Scope region (with everything below it)';
COMMENT ON COLUMN analyst.yoy_category.scope_level IS '统计范围层级 / Scope level';
COMMENT ON COLUMN analyst.yoy_category.category_code IS '类别原值（空串为未分类） / Category as stored, empty when unknown';
COMMENT ON COLUMN analyst.yoy_category.category IS '项目类别 / Project category';
COMMENT ON COLUMN analyst.yoy_category.indicator_key IS '指标代理键 / Indicator key';
COMMENT ON COLUMN analyst.yoy_category.indicator_code IS '指标代码 / Indicator code';
COMMENT ON COLUMN analyst.yoy_category.indicator_name IS '指标名称 / Indicator name';
COMMENT ON COLUMN analyst.yoy_category.month_key IS '月份键 / Month key';
COMMENT ON COLUMN analyst.yoy_category.month IS '月份 YYYY-MM / Month';
COMMENT ON COLUMN analyst.yoy_category.year IS '年 / Year';
COMMENT ON COLUMN analyst.yoy_category.month_no IS '月 / Month number';
COMMENT ON COLUMN analyst.yoy_category.ytd_value_wan IS '本年累计完成投资（万元） / YTD completed, 10k CNY';
COMMENT ON COLUMN analyst.yoy_category.project_count IS '项目个数 / Number of projects';
COMMENT ON COLUMN analyst.yoy_category.prior_ytd_value_wan IS '上年同月累计（万元） / Last year''s YTD at the same month';
COMMENT ON COLUMN analyst.yoy_category.yoy_pct IS '同比增速（%） / YoY growth, percent';
COMMENT ON COLUMN analyst.yoy_category.yoy_null_reason IS '同比为空的原因 / Why yoy_pct is null';
COMMENT ON COLUMN analyst.yoy_category.rank IS '范围内各类别按同比增速排名 / Rank of categories within the scope by YoY';
