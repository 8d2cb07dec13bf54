-- Target tracking (DESIGN §6), per region and indicator with a growth target.
--
-- rate: the targets sheet's rate (dw.fact_target month_no 0) if given, else the per-year rate,
--       else the indicator default.
-- T (annual_target_wan): the targets sheet's annual amount if given, else ytd(y−1, 12) × (1 + rate/100).
-- YTD target: the sheet's cumulative target for month m ('monthly decomposition'); else
--       T × ytd(y−1, m) / ytd(y−1, 12) ('last year seasonal profile'); else T × m / 12 ('linear m/12').
-- Percentages rounded to 2 decimals, money to 4, from exact intermediate values.

CREATE VIEW analyst.target_progress AS
SELECT b.region_key, b.region_code, b.region, b.level, b.parent_key, b.sort_order,
       b.indicator_key, b.indicator_code, b.indicator_name,
       b.month_key, b.month, b.year, b.month_no,
       b.rate_pct, b.rate_source, b.last_year_total_wan,
       round(b.t, 4) AS annual_target_wan, b.annual_target_basis,
       round(b.yt, 4) AS ytd_target_wan, b.ytd_target_basis,
       b.ytd_value_wan,
       round(b.v / nullif(b.yt, 0) * 100, 2) AS progress_pct,
       round(b.v / nullif(b.t, 0) * 100, 2) AS annual_completion_pct,
       round(b.month_no::numeric / 12 * 100, 2) AS time_progress_pct,
       round(b.v / nullif(b.t, 0) * 100 - b.month_no::numeric / 12 * 100, 2) AS ahead_of_time_pp,
       round(b.yt - b.v, 4) AS gap_wan,
       CASE WHEN b.month_no < 12 THEN round((b.t - b.v) / (12 - b.month_no), 4) END AS required_monthly_wan,
       b.missing_subregions
FROM (
    SELECT a.*,
           -- A city summed from part of its sub-regions is not measured against its target.
           CASE WHEN a.missing_subregions IS NULL THEN a.ytd_value_wan END AS v,
           CASE WHEN a.sheet_month_target IS NOT NULL THEN a.sheet_month_target
                WHEN a.t IS NOT NULL AND a.last_year_same_month_wan IS NOT NULL AND a.last_year_total_wan <> 0
                    THEN a.t * a.last_year_same_month_wan / a.last_year_total_wan
                WHEN a.t IS NOT NULL THEN a.t * a.month_no / 12 END AS yt,
           CASE WHEN a.sheet_month_target IS NOT NULL THEN 'monthly decomposition'
                WHEN a.t IS NOT NULL AND a.last_year_same_month_wan IS NOT NULL AND a.last_year_total_wan <> 0
                    THEN 'last year seasonal profile'
                WHEN a.t IS NOT NULL THEN 'linear m/12' END AS ytd_target_basis
    FROM (
        SELECT c.region_key, c.region_code, c.region, c.level, c.parent_key, c.sort_order,
               c.indicator_key, c.indicator_code, c.indicator_name,
               c.month_key, c.month, c.year, c.month_no, c.ytd_value_wan, c.missing_subregions,
               coalesce(ta.rate_pct, ir.rate_pct) AS rate_pct,
               CASE WHEN ta.rate_pct IS NOT NULL THEN 'targets sheet' ELSE ir.rate_source END AS rate_source,
               ly12.ytd_value_wan AS last_year_total_wan,
               lym.ytd_value_wan AS last_year_same_month_wan,
               coalesce(ta.target_wan, ly12.ytd_value_wan * (1 + coalesce(ta.rate_pct, ir.rate_pct) / 100)) AS t,
               CASE WHEN ta.target_wan IS NOT NULL THEN 'targets sheet'
                    WHEN ly12.ytd_value_wan IS NOT NULL AND coalesce(ta.rate_pct, ir.rate_pct) IS NOT NULL
                        THEN 'last year × (1 + rate)' END AS annual_target_basis,
               tm.target_wan AS sheet_month_target
        FROM analyst.ytd_series c
        JOIN analyst.indicator_rate ir ON ir.indicator_key = c.indicator_key AND ir.year = c.year
        LEFT JOIN dw.fact_target ta
               ON ta.region_key = c.region_key AND ta.department_key IS NULL
              AND ta.indicator_key = c.indicator_key AND ta.year = c.year AND ta.month_no = 0
        LEFT JOIN dw.fact_target tm
               ON tm.region_key = c.region_key AND tm.department_key IS NULL
              AND tm.indicator_key = c.indicator_key AND tm.year = c.year AND tm.month_no = c.month_no
        LEFT JOIN analyst.ytd_series ly12
               ON ly12.region_key = c.region_key AND ly12.indicator_key = c.indicator_key
              AND ly12.month_key = (c.year - 1) * 100 + 12
        LEFT JOIN analyst.ytd_series lym
               ON lym.region_key = c.region_key AND lym.indicator_key = c.indicator_key
              AND lym.month_key = c.month_key - 100
        WHERE c.indicator_code <> 'transfer_payment'
          AND (ir.rate_pct IS NOT NULL OR ta.region_key IS NOT NULL OR tm.region_key IS NOT NULL)
    ) a
) b;
COMMENT ON VIEW analyst.target_progress IS '年度目标跟踪（按地区、指标）：年度目标、累计目标及其依据、完成进度、时间进度、差额、每月需完成 / Target tracking by region and indicator';
COMMENT ON COLUMN analyst.target_progress.region_key IS '地区代理键 / Region key';
COMMENT ON COLUMN analyst.target_progress.region_code IS '地区代码 / Region code';
COMMENT ON COLUMN analyst.target_progress.region IS '地区名称 / Region name';
COMMENT ON COLUMN analyst.target_progress.level IS '层级 / Level';
COMMENT ON COLUMN analyst.target_progress.parent_key IS '上级地区代理键 / Parent region key';
COMMENT ON COLUMN analyst.target_progress.sort_order IS '报表排列顺序 / Order in reports';
COMMENT ON COLUMN analyst.target_progress.indicator_key IS '指标代理键 / Indicator key';
COMMENT ON COLUMN analyst.target_progress.indicator_code IS '指标代码 / Indicator code';
COMMENT ON COLUMN analyst.target_progress.indicator_name IS '指标名称 / Indicator name';
COMMENT ON COLUMN analyst.target_progress.month_key IS '月份键 / Month key';
COMMENT ON COLUMN analyst.target_progress.month IS '月份 YYYY-MM / Month';
COMMENT ON COLUMN analyst.target_progress.year IS '年 / Year';
COMMENT ON COLUMN analyst.target_progress.month_no IS '月 / Month number';
COMMENT ON COLUMN analyst.target_progress.rate_pct IS '年度增长目标（%） / Annual growth target, percent';
COMMENT ON COLUMN analyst.target_progress.rate_source IS '目标增速来源：targets sheet 目标表 / per-year rate 按年配置 / indicator default 默认 / Source of the rate';
COMMENT ON COLUMN analyst.target_progress.last_year_total_wan IS '上年全年累计 ytd(y−1,12)（万元） / Last year''s full-year value';
COMMENT ON COLUMN analyst.target_progress.annual_target_wan IS '年度目标 T（万元） / Annual target T, 10k CNY';
COMMENT ON COLUMN analyst.target_progress.annual_target_basis IS '年度目标依据：targets sheet 目标表 / last year × (1 + rate) 上年×(1+目标增速) / Basis of T';
COMMENT ON COLUMN analyst.target_progress.ytd_target_wan IS '截至本月累计目标（万元） / Cumulative target to this month';
COMMENT ON COLUMN analyst.target_progress.ytd_target_basis IS '累计目标依据：monthly decomposition 按月分解 / last year seasonal profile 上年进度 / linear m/12 平均 / Basis of the YTD target';
COMMENT ON COLUMN analyst.target_progress.ytd_value_wan IS '本年累计（万元） / YTD value';
COMMENT ON COLUMN analyst.target_progress.progress_pct IS '累计目标完成率 ytd/累计目标×100 / Progress against the YTD target, percent';
COMMENT ON COLUMN analyst.target_progress.annual_completion_pct IS '年度目标完成率 ytd/T×100 / Completion of the annual target, percent';
COMMENT ON COLUMN analyst.target_progress.time_progress_pct IS '时间进度 m/12×100 / Time progress, percent';
COMMENT ON COLUMN analyst.target_progress.ahead_of_time_pp IS '超过(+)/落后(−)时间进度的百分点 / Percentage points ahead of (+) or behind (−) time progress';
COMMENT ON COLUMN analyst.target_progress.gap_wan IS '累计目标减累计完成（万元），正数为欠 / YTD target minus YTD value; positive = short';
COMMENT ON COLUMN analyst.target_progress.required_monthly_wan IS '完成年度目标剩余每月需完成（万元），12月为空 / Needed per remaining month to reach T; null in December';
COMMENT ON COLUMN analyst.target_progress.missing_subregions IS '由下级地区加总时尚未报送的下级地区；此时不计完成进度 / For a value summed from sub-regions: those not reported this month (no progress measures then)';
