-- Bench only (etl/bench/run.sh): grows dw.fact_project_month to :target facts for the
-- report-latency test, after the large sample corpus has been loaded by the loader.
--
-- Extra projects ('BENCH-…') are added to every region that has project-progress batches and
-- get a fact in every month those batches cover, attributed to the batch of that region and
-- month (as if the county files had listed more projects). Then the loader's own
-- dw.refresh_project_aggregates and dw.refresh_report_summaries recompute the summaries of every
-- (region, month): the summaries the reports read are exactly what the loader maintains.
--
-- Foreign-key triggers are skipped for the bulk insert (session_replication_role = replica):
-- every key is taken from existing rows above, and it saves minutes on a bench machine.
\set ON_ERROR_STOP 1

CREATE TEMP TABLE bench_scope AS
SELECT b.region_key, b.month_key, max(b.batch_key) AS batch_key
FROM etl.load_batch b
WHERE b.layout = 'project-progress' AND b.status = 'loaded'
GROUP BY b.region_key, b.month_key;

SELECT greatest(0, ceil((:target - (SELECT count(*) FROM dw.fact_project_month))::numeric
                        / (SELECT count(*) FROM bench_scope)))::int AS per_pair \gset
\echo adding :per_pair projects per region-month pair

CREATE TEMP TABLE bench_department AS
SELECT row_number() OVER (ORDER BY department_key) - 1 AS n, department_key FROM dw.dim_department;
SELECT count(*) AS departments FROM bench_department \gset

SET session_replication_role = replica;

INSERT INTO dw.dim_project
    (region_key, project_code, project_name, department_key, industry, category,
     is_industrial, is_manufacturing, is_private, is_infrastructure, infrastructure_type, is_real_estate,
     nature, total_investment_wan, start_date, first_batch_key, last_batch_key)
SELECT r.region_key, 'BENCH-' || r.region_key || '-' || g, '基准测试项目' || g,
       (SELECT department_key FROM bench_department WHERE n = g % :departments),
       (ARRAY['制造业', '交通运输', '市政公用', '房地产业', '信息技术'])[1 + g % 5],
       (ARRAY['工业项目', '交通基础设施项目', '市政基础设施项目', '房地产开发项目', '服务业项目'])[1 + g % 5],
       g % 5 = 0, g % 5 = 0, g % 3 = 0, g % 5 IN (1, 2),
       CASE g % 5 WHEN 1 THEN '交通' WHEN 2 THEN '市政' END, g % 5 = 3,
       CASE WHEN g % 2 = 0 THEN '新建' ELSE '续建' END, (g % 9973) * 10 + 500, DATE '2020-03-01',
       r.batch_key, r.batch_key
FROM (SELECT region_key, min(batch_key) AS batch_key FROM bench_scope GROUP BY region_key) r
CROSS JOIN generate_series(1, :per_pair) g;

INSERT INTO dw.fact_project_month
    (region_key, project_key, month_key, ytd_completed_wan, month_completed_wan, annual_plan_wan,
     status, stall_reason, batch_key, line_no)
SELECT s.region_key, p.project_key, s.month_key,
       ((p.project_key % 997) * (s.month_key % 100) * 1.25)::numeric(18, 4),
       ((p.project_key % 997) * 1.25)::numeric(18, 4),
       ((p.project_key % 997) * 15)::numeric(18, 4),
       CASE WHEN p.project_key % 31 = 0 THEN '停工' ELSE '在建' END, NULL,
       s.batch_key, 100000 + (p.project_key % 1000000)::int
FROM bench_scope s
JOIN dw.dim_project p ON p.region_key = s.region_key AND p.project_code LIKE 'BENCH-%';

SET session_replication_role = DEFAULT;
ANALYZE dw.dim_project;
ANALYZE dw.fact_project_month;

\timing on
SELECT count(*) AS pairs_refreshed FROM (
    SELECT dw.refresh_project_aggregates(region_key, month_key) FROM bench_scope) t;
-- and the report summaries built on them (V008), as the loader's Merge.refreshAggregates does
SELECT dw.refresh_report_summaries(NULL, array_agg(region_key), array_agg(month_key)) FROM bench_scope;
\timing off
ANALYZE dw.agg_project_region_month;
ANALYZE dw.agg_project_department_month;
ANALYZE dw.agg_project_category_month;
ANALYZE dw.agg_ytd_region_month;
ANALYZE dw.agg_stalled_project_month;
SELECT count(*) AS facts FROM dw.fact_project_month;
