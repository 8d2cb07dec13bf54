-- Infrastructure reserve pool (基础设施项目储备), from reserve-pool sheets.
--
-- The pool of a city at report month m: for each region of the city, its latest reserve
-- sheet of the same year up to m (pools are revised now and then, not every month). Counted per
-- category against dw.policy_target (reserve_count, reserve_total_wan, reserve_upper_funds_wan);
-- every configured category gets a row, also with no project. Report months: every month of a
-- year from the city's first reserve sheet of it (pools are quarterly: the months between
-- carry the latest), up to the latest month loaded.

CREATE VIEW analyst.reserve_project AS
SELECT f.region_key, r.region_code, r.name AS region, r.sort_order, rc.city_key,
       p.project_code, p.project_name, f.reserve_category,
       f.month_key, to_char(m.month_start, 'YYYY-MM') AS month, m.year,
       f.total_investment_wan, f.upper_funds_wan, f.batch_key, f.line_no
FROM dw.fact_reserve_project_month f
JOIN dw.dim_project p ON p.region_key = f.region_key AND p.project_key = f.project_key
JOIN dw.dim_region r ON r.region_key = f.region_key
JOIN dw.dim_month m ON m.month_key = f.month_key
LEFT JOIN analyst.region_city rc ON rc.region_key = f.region_key;
COMMENT ON VIEW analyst.reserve_project IS '储备项目：每个储备项目、报告期一行 / Projects in the reserve pool, one row per project and reporting month';
COMMENT ON COLUMN analyst.reserve_project.region_key IS '地区代理键 / Region key';
COMMENT ON COLUMN analyst.reserve_project.region_code IS '地区代码 / Region code';
COMMENT ON COLUMN analyst.reserve_project.region IS '地区 / Region';
COMMENT ON COLUMN analyst.reserve_project.sort_order IS '地区排列顺序 / Region order';
COMMENT ON COLUMN analyst.reserve_project.city_key IS '所属市代理键 / City key';
COMMENT ON COLUMN analyst.reserve_project.project_code IS '统一项目代码 / Project code';
COMMENT ON COLUMN analyst.reserve_project.project_name IS '项目名称 / Project name';
COMMENT ON COLUMN analyst.reserve_project.reserve_category IS '储备类别 / Reserve category';
COMMENT ON COLUMN analyst.reserve_project.month_key IS '报告期 YYYYMM / Reporting month key';
COMMENT ON COLUMN analyst.reserve_project.month IS '报告期 YYYY-MM / Reporting month';
COMMENT ON COLUMN analyst.reserve_project.year IS '年 / Year';
COMMENT ON COLUMN analyst.reserve_project.total_investment_wan IS '总投资（万元） / Total investment, 10k CNY';
COMMENT ON COLUMN analyst.reserve_project.upper_funds_wan IS '拟争取上级资金（万元） / Upper-level funds to secure, 10k CNY';
COMMENT ON COLUMN analyst.reserve_project.batch_key IS '来源批次 / Source batch';
COMMENT ON COLUMN analyst.reserve_project.line_no IS '源文件行号 / Line in the source file';

CREATE VIEW analyst.reserve_pool_category AS
WITH report AS (
    -- every month from the city's first reserve sheet of a year to December, up to the latest
    -- month the warehouse has loaded anything for (a quarterly pool was "no data" in between)
    SELECT y.city_key, m.month_key
    FROM (SELECT rc.city_key, f.month_key / 100 AS year, min(f.month_key) AS first_month_key
          FROM dw.fact_reserve_project_month f JOIN analyst.region_city rc ON rc.region_key = f.region_key
          GROUP BY rc.city_key, f.month_key / 100) y
    JOIN dw.dim_month m ON m.month_key BETWEEN y.first_month_key AND y.year * 100 + 12
    WHERE m.month_key <= (SELECT max(b.month_key) FROM etl.load_batch b WHERE b.status = 'loaded')
),
snapshot AS (
    SELECT o.city_key, o.month_key, f.region_key, max(f.month_key) AS snapshot_month_key
    FROM report o
    JOIN analyst.region_city rc ON rc.city_key = o.city_key
    JOIN dw.fact_reserve_project_month f ON f.region_key = rc.region_key
         AND f.month_key <= o.month_key AND f.month_key / 100 = o.month_key / 100
    GROUP BY o.city_key, o.month_key, f.region_key
),
pool AS (
    SELECT s.city_key, s.month_key, f.reserve_category,
           count(*)::integer AS project_count,
           coalesce(sum(f.total_investment_wan), 0) AS total_investment_wan,
           coalesce(sum(f.upper_funds_wan), 0) AS upper_funds_wan
    FROM snapshot s
    JOIN dw.fact_reserve_project_month f ON f.region_key = s.region_key AND f.month_key = s.snapshot_month_key
    GROUP BY s.city_key, s.month_key, f.reserve_category
),
target AS (
    SELECT t.year, t.category,
           max(t.value) FILTER (WHERE t.target_code = 'reserve_count') AS target_count,
           max(t.value) FILTER (WHERE t.target_code = 'reserve_total_wan') AS target_total_wan,
           max(t.value) FILTER (WHERE t.target_code = 'reserve_upper_funds_wan') AS target_upper_funds_wan,
           bool_and(t.from_policy) AS from_policy
    FROM analyst.policy_target t
    WHERE t.target_code IN ('reserve_count', 'reserve_total_wan', 'reserve_upper_funds_wan') AND t.category <> ''
    GROUP BY t.year, t.category
),
category_order AS (
    SELECT category, min(policy_target_key) AS ord FROM dw.policy_target WHERE target_code = 'reserve_count' GROUP BY category
)
SELECT o.city_key, c.region_code AS city_code, c.name AS city, o.month_key, to_char(m.month_start, 'YYYY-MM') AS month,
       m.year, t.category, co.ord AS sort_order,
       coalesce(p.project_count, 0) AS project_count,
       coalesce(p.total_investment_wan, 0) AS total_investment_wan,
       coalesce(p.upper_funds_wan, 0) AS upper_funds_wan,
       t.target_count, t.target_total_wan, t.target_upper_funds_wan, t.from_policy,
       coalesce(p.project_count, 0) >= t.target_count AS meets_count,
       coalesce(p.total_investment_wan, 0) >= t.target_total_wan AS meets_total,
       coalesce(p.upper_funds_wan, 0) >= t.target_upper_funds_wan AS meets_upper_funds,
       coalesce(p.project_count, 0) >= t.target_count AND coalesce(p.total_investment_wan, 0) >= t.target_total_wan
           AND coalesce(p.upper_funds_wan, 0) >= t.target_upper_funds_wan AS meets_all,
       greatest(t.target_count - coalesce(p.project_count, 0), 0)::integer AS count_gap,
       greatest(t.target_total_wan - coalesce(p.total_investment_wan, 0), 0) AS total_gap_wan,
       greatest(t.target_upper_funds_wan - coalesce(p.upper_funds_wan, 0), 0) AS upper_funds_gap_wan
FROM report o
JOIN dw.dim_month m ON m.month_key = o.month_key
JOIN dw.dim_region c ON c.region_key = o.city_key
JOIN target t ON t.year = m.year
LEFT JOIN category_order co ON co.category = t.category
LEFT JOIN pool p ON p.city_key = o.city_key AND p.month_key = o.month_key AND p.reserve_category = t.category;
COMMENT ON VIEW analyst.reserve_pool_category IS '基础设施项目储备按类别对照政策目标（每个市、报告期、类别一行；各县区取本年截至当月最近一期储备表） / Reserve pool per category against the policy targets, per city and month (each region''s latest reserve sheet of the year up to the month)';
COMMENT ON COLUMN analyst.reserve_pool_category.city_key IS '市代理键 / City key';
COMMENT ON COLUMN analyst.reserve_pool_category.city_code IS '市代码 / City code';
COMMENT ON COLUMN analyst.reserve_pool_category.city IS '市 / City';
COMMENT ON COLUMN analyst.reserve_pool_category.month_key IS '报告期 YYYYMM / Reporting month key';
COMMENT ON COLUMN analyst.reserve_pool_category.month IS '报告期 YYYY-MM / Reporting month';
COMMENT ON COLUMN analyst.reserve_pool_category.year IS '年 / Year';
COMMENT ON COLUMN analyst.reserve_pool_category.category IS '储备类别 / Reserve category';
COMMENT ON COLUMN analyst.reserve_pool_category.sort_order IS '类别排列顺序 / Category order';
COMMENT ON COLUMN analyst.reserve_pool_category.project_count IS '储备项目个数 / Projects in reserve';
COMMENT ON COLUMN analyst.reserve_pool_category.total_investment_wan IS '储备项目总投资（万元） / Total investment, 10k CNY';
COMMENT ON COLUMN analyst.reserve_pool_category.upper_funds_wan IS '拟争取上级资金（万元） / Upper-level funds to secure, 10k CNY';
COMMENT ON COLUMN analyst.reserve_pool_category.target_count IS '目标个数 / Target number of projects';
COMMENT ON COLUMN analyst.reserve_pool_category.target_total_wan IS '目标总投资（万元） / Target total investment';
COMMENT ON COLUMN analyst.reserve_pool_category.target_upper_funds_wan IS '目标上级资金（万元） / Target upper-level funds';
COMMENT ON COLUMN analyst.reserve_pool_category.from_policy IS '目标由政策明确给出（否则为暂定值） / Targets stated by the policy (else placeholders)';
COMMENT ON COLUMN analyst.reserve_pool_category.meets_count IS '个数达标 / Count meets the target';
COMMENT ON COLUMN analyst.reserve_pool_category.meets_total IS '总投资达标 / Total investment meets the target';
COMMENT ON COLUMN analyst.reserve_pool_category.meets_upper_funds IS '上级资金达标 / Upper-level funds meet the target';
COMMENT ON COLUMN analyst.reserve_pool_category.meets_all IS '三项均达标 / All three met';
COMMENT ON COLUMN analyst.reserve_pool_category.count_gap IS '个数缺口 / Projects short of the target';
COMMENT ON COLUMN analyst.reserve_pool_category.total_gap_wan IS '总投资缺口（万元） / Total investment short of the target';
COMMENT ON COLUMN analyst.reserve_pool_category.upper_funds_gap_wan IS '上级资金缺口（万元） / Upper-level funds short of the target';
