-- Key projects (重点项目): for an as-of month A of year y (June by default, key_project_as_of_month),
-- the top N projects of each city (N = key_project_count, 20) by YTD completed investment at A
-- (ties: project code), with one row for every later month of y the project reported (A included).
-- Each region's top N at a month is read from the fact index (region_key, month_key,
-- ytd_completed_wan DESC) by dw.top_projects_by_ytd (V008) and the city's top N is taken from those (the city's top N by (YTD
-- desc, code) is, region by region, a prefix of each region's order). The ranking is computed per
-- progress month too (month_key and as_of_month_key are both window partitions), so a filter on
-- either reaches the index instead of ranking every month of every year.

CREATE VIEW analyst.key_project AS
WITH ranked AS (
    SELECT m.month_key, am.month_key AS as_of_month_key, am.month_start AS as_of_month_start, n.value AS n,
           rc.city_key, rc.region_key, t.project_key, t.ytd_completed_wan AS as_of_ytd_wan,
           row_number() OVER (PARTITION BY m.month_key, am.month_key, rc.city_key
                              ORDER BY t.ytd_completed_wan DESC, t.project_code) AS key_rank
    FROM dw.dim_month m
    JOIN dw.dim_month am ON am.year = m.year AND am.month_key <= m.month_key
    JOIN analyst.policy_target n ON n.target_code = 'key_project_count' AND n.category = '' AND n.year = am.year
    CROSS JOIN analyst.region_city rc
    CROSS JOIN LATERAL dw.top_projects_by_ytd(rc.region_key, am.month_key, ceil(n.value)::bigint) t
)
SELECT k.as_of_month_key, to_char(k.as_of_month_start, 'YYYY-MM') AS as_of_month, k.key_rank, k.city_key,
       k.region_key, r.region_code, r.name AS region, p.project_code, p.project_name, d.name AS department,
       p.category, k.as_of_ytd_wan,
       f.month_key, to_char(m.month_start, 'YYYY-MM') AS month, m.year, m.month AS month_no,
       f.ytd_completed_wan, f.month_completed_wan, f.annual_plan_wan,
       round(f.ytd_completed_wan / nullif(f.annual_plan_wan, 0) * 100, 2) AS plan_completion_pct,
       f.ytd_completed_wan - k.as_of_ytd_wan AS since_as_of_wan,
       f.status
FROM ranked k
JOIN dw.fact_project_month f ON f.region_key = k.region_key AND f.project_key = k.project_key AND f.month_key = k.month_key
JOIN dw.dim_month m ON m.month_key = f.month_key
JOIN dw.dim_project p ON p.region_key = k.region_key AND p.project_key = k.project_key
JOIN dw.dim_region r ON r.region_key = k.region_key
LEFT JOIN dw.dim_department d ON d.department_key = p.department_key
WHERE k.key_rank <= k.n;
COMMENT ON VIEW analyst.key_project IS '重点项目：每个市按选定月份（默认6月）累计完成投资排名前 N（默认20）的项目，及其此后各月进度 / Key projects: each city''s top N (20) projects by YTD completed investment at the as-of month (June by default), with their progress in every later month of the year';
COMMENT ON COLUMN analyst.key_project.as_of_month_key IS '排名依据月份 YYYYMM / Month the ranking is taken at';
COMMENT ON COLUMN analyst.key_project.as_of_month IS '排名依据月份 YYYY-MM / As-of month';
COMMENT ON COLUMN analyst.key_project.key_rank IS '排名（1 为累计完成投资最多） / Rank, 1 = largest YTD completed';
COMMENT ON COLUMN analyst.key_project.city_key IS '市代理键 / City key';
COMMENT ON COLUMN analyst.key_project.region_key IS '地区代理键 / Region key';
COMMENT ON COLUMN analyst.key_project.region_code IS '地区代码 / Region code';
COMMENT ON COLUMN analyst.key_project.region IS '地区 / Region';
COMMENT ON COLUMN analyst.key_project.project_code IS '统一项目代码 / Project code';
COMMENT ON COLUMN analyst.key_project.project_name IS '项目名称 / Project name';
COMMENT ON COLUMN analyst.key_project.department IS '责任单位 / Responsible department';
COMMENT ON COLUMN analyst.key_project.category IS '项目类别 / Category';
COMMENT ON COLUMN analyst.key_project.as_of_ytd_wan IS '排名月份累计完成投资（万元） / YTD completed at the as-of month, 10k CNY';
COMMENT ON COLUMN analyst.key_project.month_key IS '进度月份 YYYYMM（不早于排名月份） / Month of this progress row';
COMMENT ON COLUMN analyst.key_project.month IS '进度月份 YYYY-MM / Month of this progress row';
COMMENT ON COLUMN analyst.key_project.year IS '年 / Year';
COMMENT ON COLUMN analyst.key_project.month_no IS '月 / Month number';
COMMENT ON COLUMN analyst.key_project.ytd_completed_wan IS '本年累计完成投资（万元） / YTD completed, 10k CNY';
COMMENT ON COLUMN analyst.key_project.month_completed_wan IS '本月完成投资（万元） / Completed in the month, 10k CNY';
COMMENT ON COLUMN analyst.key_project.annual_plan_wan IS '年度计划投资（万元） / Annual plan, 10k CNY';
COMMENT ON COLUMN analyst.key_project.plan_completion_pct IS '年度计划完成率（%） / Annual plan completion, percent';
COMMENT ON COLUMN analyst.key_project.since_as_of_wan IS '排名月份以来新增完成投资（万元） / Completed since the as-of month, 10k CNY';
COMMENT ON COLUMN analyst.key_project.status IS '项目状态 / Status';
