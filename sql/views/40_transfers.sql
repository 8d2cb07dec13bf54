-- Upper-level transfer payments (DESIGN §6): per receiving unit (a region, or a department
-- receiving in the name of the region whose sheet lists it), the YTD amount summed over fund
-- categories against the same month last year; target rate from indicator transfer_payment for
-- the year (default 6). prior = the reported prior-year amounts when every row of the unit
-- gives one, else the unit's stored amount at the same month last year.
-- One total row per city ('total') sums the units under it, each counted once: a county that
-- reports its own row (department NULL) is counted by that row, not again by its departments;
-- so is the city when its own part is reported (市本级, 市直部门: the city receiving in its name).
-- Its prior is the units' priors plus last year's amounts of units that have no row this month
-- (renamed or gone), so a unit missing on one side cannot inflate the city's growth.

CREATE VIEW analyst.transfer_growth AS
WITH unit AS NOT MATERIALIZED (
    SELECT u.region_key, u.department_key, u.month_key, u.ytd_amount_wan, u.reported_yoy_pct,
           coalesce(u.reported_prior_wan, ly.ytd_amount_wan) AS prior_ytd_amount_wan,
           CASE WHEN u.reported_prior_wan IS NOT NULL THEN 'reported comparable'
                WHEN ly.ytd_amount_wan IS NOT NULL THEN 'last year' END AS prior_source,
           u.category_count
    FROM (
        SELECT f.region_key, f.department_key, f.month_key,
               sum(f.ytd_amount_wan) AS ytd_amount_wan,
               CASE WHEN count(*) = count(f.prior_ytd_amount_wan) THEN sum(f.prior_ytd_amount_wan) END AS reported_prior_wan,
               CASE WHEN count(*) = 1 THEN max(f.reported_yoy_pct) END AS reported_yoy_pct,
               count(*)::integer AS category_count
        FROM dw.fact_transfer_payment_month f
        GROUP BY f.region_key, f.department_key, f.month_key
    ) u
    LEFT JOIN (
        SELECT f.region_key, f.department_key, f.month_key, sum(f.ytd_amount_wan) AS ytd_amount_wan
        FROM dw.fact_transfer_payment_month f
        GROUP BY f.region_key, f.department_key, f.month_key
    ) ly ON ly.region_key = u.region_key AND ly.department_key IS NOT DISTINCT FROM u.department_key
        AND ly.month_key = u.month_key - 100
),
city_of AS NOT MATERIALIZED (
    -- the city a unit belongs to (a city is its own city)
    SELECT c.descendant_key AS region_key, c.ancestor_key AS city_key
    FROM analyst.region_closure c JOIN dw.dim_region r ON r.region_key = c.ancestor_key
    WHERE r.level = 'city'
),
counted AS NOT MATERIALIZED (
    -- the units a city total adds up: all but the departments of a region that reports its
    -- own row that month — a county's, or the city's own part (市本级, 市直部门), which is the
    -- sum of the city's departments as a county's row is of its own
    SELECT u.*, co.city_key
    FROM unit u
    JOIN city_of co ON co.region_key = u.region_key
    WHERE u.department_key IS NULL
       OR NOT EXISTS (SELECT 1 FROM dw.fact_transfer_payment_month o
                      WHERE o.region_key = u.region_key AND o.department_key IS NULL AND o.month_key = u.month_key)
),
orphan AS NOT MATERIALIZED (
    -- last year's amounts of units with no row this year, by city and this year's month
    SELECT co.city_key, f.month_key + 100 AS month_key, sum(f.ytd_amount_wan) AS ytd_amount_wan
    FROM dw.fact_transfer_payment_month f
    JOIN city_of co ON co.region_key = f.region_key
    WHERE NOT EXISTS (SELECT 1 FROM dw.fact_transfer_payment_month t
                      WHERE t.region_key = f.region_key AND t.department_key IS NOT DISTINCT FROM f.department_key
                        AND t.month_key = f.month_key + 100)
      AND (f.department_key IS NULL
           OR NOT EXISTS (SELECT 1 FROM dw.fact_transfer_payment_month o
                          WHERE o.region_key = f.region_key AND o.department_key IS NULL AND o.month_key = f.month_key))
    GROUP BY co.city_key, f.month_key
),
rows AS NOT MATERIALIZED (
    SELECT 'unit' AS row_kind,
           CASE WHEN u.department_key IS NULL THEN 'region' ELSE 'department' END AS unit_kind,
           -- a county's department carries the county's name (`灵山县·县教育局`)
           CASE WHEN d.name IS NULL THEN r.name WHEN r.level = 'city' THEN d.name ELSE r.name || '·' || d.name END AS unit,
           u.region_key, r.region_code, r.name AS region,
           u.department_key, d.name AS department, co.city_key,
           u.month_key, u.ytd_amount_wan, u.prior_ytd_amount_wan, u.prior_source, u.reported_yoy_pct,
           u.category_count, CASE WHEN u.department_key IS NULL THEN r.sort_order ELSE 1000 END AS sort_order
    FROM unit u
    JOIN dw.dim_region r ON r.region_key = u.region_key
    LEFT JOIN dw.dim_department d ON d.department_key = u.department_key
    LEFT JOIN city_of co ON co.region_key = u.region_key
    UNION ALL
    SELECT 'total', 'total', cr.name || '合计', cr.region_key, cr.region_code, cr.name,
           NULL, NULL, cr.region_key,
           u.month_key, sum(u.ytd_amount_wan),
           CASE WHEN count(u.prior_ytd_amount_wan) > 0 OR max(o.ytd_amount_wan) IS NOT NULL
                THEN coalesce(sum(u.prior_ytd_amount_wan), 0) + coalesce(max(o.ytd_amount_wan), 0) END,
           CASE WHEN count(u.prior_ytd_amount_wan) > 0 OR max(o.ytd_amount_wan) IS NOT NULL THEN 'sum of units' END, NULL,
           sum(u.category_count)::integer, 9999
    FROM counted u
    JOIN dw.dim_region cr ON cr.region_key = u.city_key
    LEFT JOIN orphan o ON o.city_key = u.city_key AND o.month_key = u.month_key
    GROUP BY cr.region_key, cr.region_code, cr.name, u.month_key
)
SELECT x.row_kind, x.unit_kind, x.unit, x.region_key, x.region_code, x.region,
       x.department_key, x.department, x.city_key,
       x.month_key, to_char(m.month_start, 'YYYY-MM') AS month, m.year, m.month AS month_no,
       x.ytd_amount_wan, x.prior_ytd_amount_wan, x.prior_source,
       round((x.ytd_amount_wan - x.prior_ytd_amount_wan) / nullif(x.prior_ytd_amount_wan, 0) * 100, 2) AS yoy_pct,
       CASE WHEN x.prior_ytd_amount_wan IS NULL THEN 'no prior-year value'
            WHEN x.prior_ytd_amount_wan = 0 THEN 'prior-year value is zero' END AS yoy_null_reason,
       x.reported_yoy_pct,
       ir.rate_pct AS target_pct,
       (x.ytd_amount_wan - x.prior_ytd_amount_wan) / nullif(x.prior_ytd_amount_wan, 0) * 100 >= ir.rate_pct AS meets_target,
       x.category_count, x.sort_order
FROM rows x
JOIN dw.dim_month m ON m.month_key = x.month_key
LEFT JOIN analyst.indicator_rate ir ON ir.indicator_code = 'transfer_payment' AND ir.year = m.year;
COMMENT ON VIEW analyst.transfer_growth IS '上级转移支付资金同比及 6% 目标（每个接收单位一行，另有全市合计行） / Transfer payments: YoY per receiving unit against the target, plus a city total row';
COMMENT ON COLUMN analyst.transfer_growth.row_kind IS '行类型 unit 单位 / total 合计 / Row kind';
COMMENT ON COLUMN analyst.transfer_growth.unit_kind IS '接收单位类型 region 地区 / department 部门 / total 合计 / Kind of receiving unit';
COMMENT ON COLUMN analyst.transfer_growth.unit IS '接收单位名称（县区的部门前加县区名：灵山县·县教育局） / Receiving unit (a county''s department prefixed with the county)';
COMMENT ON COLUMN analyst.transfer_growth.region_key IS '地区代理键（部门为其报表所属地区） / Region key (for a department, the region whose sheet lists it)';
COMMENT ON COLUMN analyst.transfer_growth.region_code IS '地区代码 / Region code';
COMMENT ON COLUMN analyst.transfer_growth.region IS '地区名称 / Region name';
COMMENT ON COLUMN analyst.transfer_growth.department_key IS '部门代理键（地区为空） / Department key, null for a region';
COMMENT ON COLUMN analyst.transfer_growth.department IS '部门名称 / Department name';
COMMENT ON COLUMN analyst.transfer_growth.city_key IS '所属市代理键 / Key of the city the unit belongs to';
COMMENT ON COLUMN analyst.transfer_growth.month_key IS '月份键 / Month key';
COMMENT ON COLUMN analyst.transfer_growth.month IS '月份 YYYY-MM / Month';
COMMENT ON COLUMN analyst.transfer_growth.year IS '年 / Year';
COMMENT ON COLUMN analyst.transfer_growth.month_no IS '月 / Month number';
COMMENT ON COLUMN analyst.transfer_growth.ytd_amount_wan IS '本年累计争取到位（万元，各资金类别合计） / YTD amount secured, all fund categories';
COMMENT ON COLUMN analyst.transfer_growth.prior_ytd_amount_wan IS '上年同期（万元）：报表数优先，否则库中上年同月 / Prior-year YTD: reported when given, else stored';
COMMENT ON COLUMN analyst.transfer_growth.prior_source IS '上年同期来源 / Source of the prior-year amount';
COMMENT ON COLUMN analyst.transfer_growth.yoy_pct IS '同比增速（%） / YoY growth, percent';
COMMENT ON COLUMN analyst.transfer_growth.yoy_null_reason IS '同比为空的原因 / Why yoy_pct is null';
COMMENT ON COLUMN analyst.transfer_growth.reported_yoy_pct IS '报表所填同比（%，仅单一资金类别时） / Reported YoY (only when the unit has one row)';
COMMENT ON COLUMN analyst.transfer_growth.target_pct IS '目标增速（%） / Target growth rate, percent';
COMMENT ON COLUMN analyst.transfer_growth.meets_target IS '是否达到目标增速 yoy ≥ 目标 / Whether YoY reaches the target';
COMMENT ON COLUMN analyst.transfer_growth.category_count IS '资金类别行数 / Number of fund-category rows';
COMMENT ON COLUMN analyst.transfer_growth.sort_order IS '报表排列顺序 / Order in reports';
