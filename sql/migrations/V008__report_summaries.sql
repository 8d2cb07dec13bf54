-- V008: report summaries (issue 6 point 3: every report ≤ 100 ms at ten million facts).
--
-- The reports that missed at 10M facts evaluated, per report, either the YTD series for every
-- month (targets, alerts: the previous-month and last-year lookups could not reach an index)
-- or project facts themselves (key projects, stalled projects). Two summaries, maintained by
-- the loader in the file's transaction next to dw.refresh_project_aggregates, and two indexes:
--
-- 1. dw.agg_ytd_region_month: ytd(r, i, y, m) of DESIGN §6 (the rule of analyst.ytd_series),
--    recomputed for a whole month: a city's value depends on every region below it, and a
--    month is a few hundred summary rows (≈ 3 ms). analyst.ytd_series and everything built on
--    it read this table; yoy, targets and alerts become index probes.
-- 2. dw.agg_stalled_project_month: the stalled-project list (analyst.stalled_project's rule),
--    one row per project and reported month from the first 停工 month of the year, recomputed
--    per (region, year): a month's stall changes the rows of the later months of that year.
-- 3. A partial index on the 停工 facts, so that refresh finds a region-year's stalled
--    projects without reading the region's other facts.
-- 4. fact_project_month (region_key, month_key, ytd_completed_wan DESC) replaces (month_key,
--    region_key): it serves the summary refresh (region and month equal) as before, and gives
--    analyst.key_project each region's top N of a month by reading N index entries. Same
--    number of indexes on the fact table, so the loader's insert cost does not grow; the
--    region key leads (Citus: the distribution column).
--
-- dw.refresh_report_summaries(batch, regions[], months[]) is the one entry point the loader
-- (Merge.refreshAggregates, used by load and by batch revert) calls after the project
-- summaries: stalled lists for every touched (region, year), the YTD series for every touched
-- month and, for an indicator-summary batch, the batch's month (and its superseded batch's).
-- etl/bench/xl_facts.sql calls it after its bulk insert. No trigger on facts (Citus).

CREATE TABLE dw.agg_ytd_region_month (
    region_key             bigint  NOT NULL REFERENCES dw.dim_region (region_key),
    indicator_key          bigint  NOT NULL REFERENCES dw.dim_indicator (indicator_key),
    month_key              integer NOT NULL REFERENCES dw.dim_month (month_key),
    ytd_value_wan          numeric NOT NULL,
    reported_prior_ytd_wan numeric,
    reported_yoy_pct       numeric,
    source                 text    NOT NULL,
    PRIMARY KEY (region_key, indicator_key, month_key)
);
CREATE INDEX agg_ytd_region_month_month_idx ON dw.agg_ytd_region_month (month_key);
COMMENT ON TABLE dw.agg_ytd_region_month IS '本年累计值序列 ytd(地区, 指标, 月)（装载程序按月维护；analyst.ytd_series 读取） / YTD series per region, indicator and month, maintained by the loader per month; read by analyst.ytd_series';
COMMENT ON COLUMN dw.agg_ytd_region_month.region_key IS '地区 / Region';
COMMENT ON COLUMN dw.agg_ytd_region_month.indicator_key IS '指标 / Indicator';
COMMENT ON COLUMN dw.agg_ytd_region_month.month_key IS '报告期 YYYYMM / Month';
COMMENT ON COLUMN dw.agg_ytd_region_month.ytd_value_wan IS '本年累计（万元） / YTD value, 10k CNY';
COMMENT ON COLUMN dw.agg_ytd_region_month.reported_prior_ytd_wan IS '报表所填上年同期可比数（万元） / Reported comparable prior-year YTD';
COMMENT ON COLUMN dw.agg_ytd_region_month.reported_yoy_pct IS '报表所填同比增速（%） / Reported YoY, percent';
COMMENT ON COLUMN dw.agg_ytd_region_month.source IS '数值来源 indicator-summary / project-progress / sub-regions / Where the value comes from';

CREATE TABLE dw.agg_stalled_project_month (
    region_key             bigint  NOT NULL REFERENCES dw.dim_region (region_key),
    project_key            bigint  NOT NULL,
    month_key              integer NOT NULL REFERENCES dw.dim_month (month_key),
    listed_month_key       integer NOT NULL,
    last_stalled_month_key integer NOT NULL,
    status                 text,
    is_stalled             boolean NOT NULL,
    stall_reason           text,
    planned_restart        date,
    restarted_month_key    integer,
    PRIMARY KEY (region_key, month_key, project_key)
);
CREATE INDEX agg_stalled_project_month_month_idx ON dw.agg_stalled_project_month (month_key);
COMMENT ON TABLE dw.agg_stalled_project_month IS '停工项目清单（装载程序按地区、年份维护；analyst.stalled_project 读取）：本年报过停工的项目自列入月起每个报告月一行 / Stalled-project list maintained by the loader per region and year: one row per project and reported month from its first 停工 month of the year';
COMMENT ON COLUMN dw.agg_stalled_project_month.region_key IS '地区 / Region';
COMMENT ON COLUMN dw.agg_stalled_project_month.project_key IS '项目 / Project';
COMMENT ON COLUMN dw.agg_stalled_project_month.month_key IS '报告期 YYYYMM / Reporting month';
COMMENT ON COLUMN dw.agg_stalled_project_month.listed_month_key IS '列入清单月份（本年首次报停工） / Month put on the list';
COMMENT ON COLUMN dw.agg_stalled_project_month.last_stalled_month_key IS '截至报告期最近一次报停工的月份 / Latest 停工 month up to this month';
COMMENT ON COLUMN dw.agg_stalled_project_month.status IS '本报告期状态 / Status this month';
COMMENT ON COLUMN dw.agg_stalled_project_month.is_stalled IS '本报告期仍停工 / Still stalled this month';
COMMENT ON COLUMN dw.agg_stalled_project_month.stall_reason IS '停工原因（最近一次停工时所填） / Reason given at the latest stall';
COMMENT ON COLUMN dw.agg_stalled_project_month.planned_restart IS '计划复工时间（最近一次停工时所填） / Planned restart given at the latest stall';
COMMENT ON COLUMN dw.agg_stalled_project_month.restarted_month_key IS '最近一次停工后首个非停工报告月（截至报告期），未复工为空 / First month after the latest stall with another status, up to this month; null when not restarted';

CREATE INDEX fact_project_month_stalled_idx ON dw.fact_project_month (region_key, month_key, project_key)
    WHERE status = '停工';
CREATE INDEX fact_project_month_region_month_ytd_idx
    ON dw.fact_project_month (region_key, month_key, ytd_completed_wan DESC);
DROP INDEX dw.fact_project_month_month_idx;

-- One region's top N projects of a month by YTD completed (ties: project code), read from the
-- index above: N index entries instead of the region's month. analyst.key_project calls it per
-- region and month. A function rather than an inline LIMIT so that the planner knows it returns
-- a handful of rows (with a LIMIT it cannot see, it assumes 10% of the region's month and plans
-- hash joins over whole tables and JIT compilation: 0.5–1.4 s instead of a few ms). Inside, the
-- N-th largest value is found first (LIMIT 1 on the index), then the rows at or above it (ties
-- included) are ordered by (YTD desc, code): the generic plan stays on the index whatever N is.
-- No parallel workers (starting them costs more than the scan). Security definer because
-- analysts read facts only through views; it returns nothing the view does not.
CREATE FUNCTION dw.top_projects_by_ytd(p_region_key bigint, p_month_key integer, p_count bigint)
RETURNS TABLE (project_key bigint, ytd_completed_wan numeric, project_code text)
LANGUAGE sql STABLE SECURITY DEFINER ROWS 20
SET search_path = pg_catalog SET max_parallel_workers_per_gather = 0 SET jit = off AS $$
    WITH cut AS (
        SELECT coalesce(
            (SELECT f.ytd_completed_wan FROM dw.fact_project_month f
             WHERE f.region_key = p_region_key AND f.month_key = p_month_key
             ORDER BY f.ytd_completed_wan DESC OFFSET greatest(p_count, 1) - 1 LIMIT 1),
            (SELECT f.ytd_completed_wan FROM dw.fact_project_month f
             WHERE f.region_key = p_region_key AND f.month_key = p_month_key
             ORDER BY f.ytd_completed_wan LIMIT 1)) AS ytd
    )
    SELECT f.project_key, f.ytd_completed_wan, p.project_code
    FROM cut
    JOIN dw.fact_project_month f
      ON f.region_key = p_region_key AND f.month_key = p_month_key AND f.ytd_completed_wan >= cut.ytd
    JOIN dw.dim_project p ON p.region_key = f.region_key AND p.project_key = f.project_key
    ORDER BY f.ytd_completed_wan DESC, p.project_code
    LIMIT greatest(p_count, 0)
$$;
COMMENT ON FUNCTION dw.top_projects_by_ytd(bigint, integer, bigint) IS '某地区某月本年累计完成投资前 N 的项目（重点项目视图调用） / A region''s top N projects of a month by YTD completed (used by analyst.key_project)';

-- ytd(r, i, y, m) for every region and indicator of one month (the rule documented in
-- sql/views/10_base.sql and docs/analyst-guide.md).
CREATE FUNCTION dw.refresh_ytd_summary(p_month_key integer)
RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    DELETE FROM dw.agg_ytd_region_month WHERE month_key = p_month_key;
    INSERT INTO dw.agg_ytd_region_month
        (region_key, indicator_key, month_key, ytd_value_wan, reported_prior_ytd_wan, reported_yoy_pct, source)
    WITH RECURSIVE closure (ancestor_key, descendant_key) AS (
        SELECT region_key, region_key FROM dw.dim_region
        UNION ALL
        SELECT c.ancestor_key, r.region_key FROM closure c JOIN dw.dim_region r ON r.parent_key = c.descendant_key
    ),
    s AS (SELECT * FROM dw.fact_region_indicator_month WHERE month_key = p_month_key),
    a AS (SELECT * FROM dw.agg_project_region_month WHERE month_key = p_month_key)
    SELECT v.region_key, v.indicator_key, v.month_key, v.ytd_value_wan, v.reported_prior_ytd_wan,
           v.reported_yoy_pct, v.source
    FROM (
        SELECT x.region_key, x.indicator_key, x.month_key,
               CASE WHEN bool_or(x.kind = 's' AND x.v IS NOT NULL) THEN max(x.v) FILTER (WHERE x.kind = 's')
                    ELSE sum(x.v) FILTER (WHERE x.kind IN ('p', 'c')) END AS ytd_value_wan,
               max(x.prior) FILTER (WHERE x.kind = 's') AS reported_prior_ytd_wan,
               max(x.yoy) FILTER (WHERE x.kind = 's') AS reported_yoy_pct,
               CASE WHEN bool_or(x.kind = 's' AND x.v IS NOT NULL) THEN 'indicator-summary'
                    WHEN bool_or(x.kind = 'c') THEN 'sub-regions'
                    ELSE 'project-progress' END AS source
        FROM (
            SELECT f.region_key, f.indicator_key, f.month_key, 's' AS kind, f.ytd_value_wan AS v,
                   f.prior_ytd_value_wan AS prior, f.reported_yoy_pct AS yoy
            FROM s f
            UNION ALL
            SELECT a.region_key, a.indicator_key, a.month_key, 'p', a.ytd_completed_wan, NULL, NULL
            FROM a
            UNION ALL
            SELECT r.parent_key, f.indicator_key, f.month_key, 'c', f.ytd_value_wan, NULL, NULL
            FROM s f
            JOIN dw.dim_region r ON r.region_key = f.region_key
            JOIN dw.dim_region p ON p.region_key = r.parent_key AND p.level = 'city'
            WHERE f.ytd_value_wan IS NOT NULL
            UNION ALL
            SELECT r.parent_key, a.indicator_key, a.month_key, 'c', a.ytd_completed_wan, NULL, NULL
            FROM a
            JOIN closure c ON c.descendant_key = a.region_key
            JOIN dw.dim_region r ON r.region_key = c.ancestor_key
            JOIN dw.dim_region p ON p.region_key = r.parent_key AND p.level = 'city'
            WHERE NOT EXISTS (
                  SELECT 1 FROM s
                  WHERE s.region_key = c.ancestor_key AND s.indicator_key = a.indicator_key
                    AND s.ytd_value_wan IS NOT NULL)
        ) x
        GROUP BY x.region_key, x.indicator_key, x.month_key
    ) v
    WHERE v.ytd_value_wan IS NOT NULL;
END
$$;
COMMENT ON FUNCTION dw.refresh_ytd_summary(integer) IS '重算某月全部地区的本年累计值序列（装载程序调用） / Recompute the YTD series of every region for one month (called by the loader)';

-- The stalled-project list of one region and year (the rule documented in
-- sql/views/64_policy_stalled.sql).
CREATE FUNCTION dw.refresh_stalled_projects(p_region_key bigint, p_year integer)
RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
    DELETE FROM dw.agg_stalled_project_month
    WHERE region_key = p_region_key AND month_key BETWEEN p_year * 100 AND p_year * 100 + 99;
    INSERT INTO dw.agg_stalled_project_month
        (region_key, project_key, month_key, listed_month_key, last_stalled_month_key, status, is_stalled,
         stall_reason, planned_restart, restarted_month_key)
    WITH h AS (
        SELECT f.region_key, f.project_key, f.month_key, f.status, f.stall_reason, f.planned_restart,
               coalesce(f.status = '停工', false) AS stalled
        FROM dw.fact_project_month f
        WHERE f.region_key = p_region_key AND f.month_key BETWEEN p_year * 100 AND p_year * 100 + 99
          AND f.project_key IN (SELECT s.project_key FROM dw.fact_project_month s
                                WHERE s.region_key = p_region_key AND s.status = '停工'
                                  AND s.month_key BETWEEN p_year * 100 AND p_year * 100 + 99)
    ),
    w AS (
        SELECT h.*,
               min(h.month_key) FILTER (WHERE h.stalled) OVER (PARTITION BY h.project_key ORDER BY h.month_key) AS listed_month_key,
               max(h.month_key) FILTER (WHERE h.stalled) OVER (PARTITION BY h.project_key ORDER BY h.month_key) AS last_stalled_month_key
        FROM h
    )
    SELECT w.region_key, w.project_key, w.month_key, w.listed_month_key, w.last_stalled_month_key, w.status, w.stalled,
           first_value(w.stall_reason) OVER p,
           first_value(w.planned_restart) OVER p,
           min(w.month_key) FILTER (WHERE NOT w.stalled) OVER p
    FROM w
    WHERE w.listed_month_key IS NOT NULL
    WINDOW p AS (PARTITION BY w.project_key, w.last_stalled_month_key ORDER BY w.month_key);
END
$$;
COMMENT ON FUNCTION dw.refresh_stalled_projects(bigint, integer) IS '重算某地区某年的停工项目清单（装载程序调用） / Recompute the stalled-project list of one region and year (called by the loader)';

-- The loader's one call, after dw.refresh_project_aggregates for the same pairs.
CREATE FUNCTION dw.refresh_report_summaries(p_batch_key bigint, p_region_keys bigint[], p_month_keys integer[])
RETURNS void LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT DISTINCT r, m / 100 AS y FROM unnest(p_region_keys, p_month_keys) AS u(r, m) ORDER BY 1, 2 LOOP
        PERFORM dw.refresh_stalled_projects(t.r, t.y);
    END LOOP;
    FOR t IN
        SELECT m FROM unnest(p_month_keys) AS u(m)
        UNION
        SELECT b.month_key FROM etl.load_batch b
        WHERE b.layout = 'indicator-summary' AND b.month_key IS NOT NULL
          AND (b.batch_key = p_batch_key
               OR b.batch_key = (SELECT x.supersedes FROM etl.load_batch x WHERE x.batch_key = p_batch_key)
               OR b.superseded_by = p_batch_key)
        ORDER BY 1
    LOOP
        PERFORM dw.refresh_ytd_summary(t.m);
    END LOOP;
END
$$;
COMMENT ON FUNCTION dw.refresh_report_summaries(bigint, bigint[], integer[]) IS '重算报表汇总（停工清单、本年累计序列）：装载程序在每个文件事务内、项目汇总之后调用 / Recompute the report summaries (stalled list, YTD series) for the pairs a batch touched; called by the loader after the project summaries';

-- Summaries of data already loaded.
SELECT dw.refresh_ytd_summary(m.month_key)
FROM (SELECT month_key FROM dw.fact_region_indicator_month UNION SELECT month_key FROM dw.agg_project_region_month) m;
SELECT dw.refresh_stalled_projects(f.region_key, f.y)
FROM (SELECT DISTINCT region_key, month_key / 100 AS y FROM dw.fact_project_month WHERE status = '停工') f;
ANALYZE dw.agg_ytd_region_month;
ANALYZE dw.agg_stalled_project_month;

GRANT SELECT, INSERT, UPDATE, DELETE ON dw.agg_ytd_region_month, dw.agg_stalled_project_month TO invest_loader;
