-- V009: the stalled list is refreshed from the earliest touched month of the year on, not for
-- the whole year (issue 6; V008 made the list a loader-maintained summary). Every value of a
-- row of dw.agg_stalled_project_month is a running window over the months up to its own, so
-- facts changed in month M change only the rows of M and later months: a monthly load now
-- rewrites one month of the region's list instead of the year's (at 10M facts, 13.8k rows
-- rewritten for the largest region when June changes, instead of 20.6k; results identical).

DROP FUNCTION dw.refresh_report_summaries(bigint, bigint[], integer[]);
DROP FUNCTION dw.refresh_stalled_projects(bigint, integer);

-- The stalled-project list of one region and year (the rule documented in
-- sql/views/64_policy_stalled.sql), rows from month p_from_month on: every value of a row is a
-- running window over the months up to its own, so facts changed in month M change only the
-- rows of M and later (a monthly load rewrites one month of the list, not the year's).
CREATE FUNCTION dw.refresh_stalled_projects(p_region_key bigint, p_year integer, p_from_month integer)
RETURNS void LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    v_from integer := greatest(coalesce(p_from_month, 0), p_year * 100);
BEGIN
    DELETE FROM dw.agg_stalled_project_month
    WHERE region_key = p_region_key AND month_key BETWEEN v_from AND p_year * 100 + 99;
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
    SELECT z.* FROM (
        SELECT w.region_key, w.project_key, w.month_key, w.listed_month_key, w.last_stalled_month_key, w.status, w.stalled,
               first_value(w.stall_reason) OVER p,
               first_value(w.planned_restart) OVER p,
               min(w.month_key) FILTER (WHERE NOT w.stalled) OVER p
        FROM w
        WHERE w.listed_month_key IS NOT NULL
        WINDOW p AS (PARTITION BY w.project_key, w.last_stalled_month_key ORDER BY w.month_key)
    ) z
    WHERE z.month_key >= v_from;
END
$$;
COMMENT ON FUNCTION dw.refresh_stalled_projects(bigint, integer, integer) IS '重算某地区某年自某月起的停工项目清单（装载程序调用） / Recompute the stalled-project list of one region and year from a month on (called by the loader)';

-- The loader's one call, after dw.refresh_project_aggregates for the same pairs.
CREATE FUNCTION dw.refresh_report_summaries(p_batch_key bigint, p_region_keys bigint[], p_month_keys integer[])
RETURNS void LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT r, m / 100 AS y, min(m) AS m FROM unnest(p_region_keys, p_month_keys) AS u(r, m)
             GROUP BY r, m / 100 ORDER BY 1, 2 LOOP
        PERFORM dw.refresh_stalled_projects(t.r, t.y, t.m);
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

