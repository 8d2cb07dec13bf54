-- V013: the stalled list carries the project's code, name and department (issue 6).
--
-- At ten million facts a month's stalled list had 14,611 rows, and analyst.stalled_project
-- spent 80 of its ~90 ms joining them to dw.dim_project (461k rows: a hash join over the whole
-- dimension, or 14,611 index probes) for three columns; `invest-report stalled` and the
-- bulletin missed their 100 ms. The summary now holds those columns, so the view reads one
-- table (plus the 15-row department dimension): ~10 ms.
--
-- The view's meaning does not change: it shows the project's CURRENT code, name and
-- department (dim_project is type 1), for every month. Two writers keep them current:
-- 1. dw.refresh_stalled_projects copies them from dim_project into the rows it rewrites;
-- 2. dw.refresh_report_summaries(batch, …), which the loader calls after every batch that
--    can change a project (project-progress and the policy sheets, and batch revert's
--    re-derived batch), copies them into the OTHER rows (earlier months, earlier years) of the
--    projects that batch changed: dim_project.last_batch_key names the batch that last changed
--    a project (Merge.upsertProjects, PolicyMerge.upsertProjects), found through a new index.
--    Projects the batch created are included: batch revert re-derives an earlier batch, whose
--    key is then both first and last batch of projects that later batches had renamed.
-- No trigger (Citus, DESIGN §9): the loader's one call does it, in the file's transaction.

ALTER TABLE dw.agg_stalled_project_month
    ADD COLUMN project_code   text,
    ADD COLUMN project_name   text,
    ADD COLUMN department_key bigint;

UPDATE dw.agg_stalled_project_month a
SET project_code = p.project_code, project_name = p.project_name, department_key = p.department_key
FROM dw.dim_project p
WHERE p.region_key = a.region_key AND p.project_key = a.project_key;

ALTER TABLE dw.agg_stalled_project_month
    ALTER COLUMN project_code SET NOT NULL,
    ALTER COLUMN project_name SET NOT NULL;

COMMENT ON COLUMN dw.agg_stalled_project_month.project_code IS '统一项目代码（与 dim_project 同步） / Project code, kept equal to dim_project''s';
COMMENT ON COLUMN dw.agg_stalled_project_month.project_name IS '项目名称（与 dim_project 同步） / Project name, kept equal to dim_project''s';
COMMENT ON COLUMN dw.agg_stalled_project_month.department_key IS '责任单位（与 dim_project 同步） / Responsible department, kept equal to dim_project''s';

-- The projects a batch changed, and a project's rows in the list (the sync below).
CREATE INDEX dim_project_last_batch_idx ON dw.dim_project (last_batch_key);
CREATE INDEX agg_stalled_project_month_project_idx ON dw.agg_stalled_project_month (region_key, project_key);

CREATE OR REPLACE FUNCTION dw.refresh_stalled_projects(p_region_key bigint, p_year integer, p_from_month integer)
RETURNS void LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    v_from integer := greatest(coalesce(p_from_month, 0), p_year * 100);
BEGIN
    DELETE FROM dw.agg_stalled_project_month
    WHERE region_key = p_region_key AND month_key BETWEEN v_from AND p_year * 100 + 99;
    INSERT INTO dw.agg_stalled_project_month
        (region_key, project_key, month_key, listed_month_key, last_stalled_month_key, status, is_stalled,
         stall_reason, planned_restart, restarted_month_key, project_code, project_name, department_key)
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
    SELECT z.*, p.project_code, p.project_name, p.department_key FROM (
        SELECT w.region_key, w.project_key, w.month_key, w.listed_month_key, w.last_stalled_month_key, w.status, w.stalled,
               first_value(w.stall_reason) OVER p,
               first_value(w.planned_restart) OVER p,
               min(w.month_key) FILTER (WHERE NOT w.stalled) OVER p
        FROM w
        WHERE w.listed_month_key IS NOT NULL
        WINDOW p AS (PARTITION BY w.project_key, w.last_stalled_month_key ORDER BY w.month_key)
    ) z
    JOIN dw.dim_project p ON p.region_key = z.region_key AND p.project_key = z.project_key
    WHERE z.month_key >= v_from;
END
$$;

CREATE OR REPLACE FUNCTION dw.refresh_report_summaries(p_batch_key bigint, p_region_keys bigint[], p_month_keys integer[])
RETURNS void LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT r, m / 100 AS y, min(m) AS m FROM unnest(p_region_keys, p_month_keys) AS u(r, m)
             GROUP BY r, m / 100 ORDER BY 1, 2 LOOP
        PERFORM dw.refresh_stalled_projects(t.r, t.y, t.m);
    END LOOP;
    -- The rows the loop did not rewrite, of the projects this batch changed.
    UPDATE dw.agg_stalled_project_month a
    SET project_code = p.project_code, project_name = p.project_name, department_key = p.department_key
    FROM dw.dim_project p
    WHERE p.last_batch_key = p_batch_key
      AND a.region_key = p.region_key AND a.project_key = p.project_key
      AND (a.project_code, a.project_name, a.department_key)
          IS DISTINCT FROM (p.project_code, p.project_name, p.department_key);
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
COMMENT ON FUNCTION dw.refresh_report_summaries(bigint, bigint[], integer[]) IS '重算报表汇总（停工清单、本年累计序列），并把本批次改动的项目名称、代码、责任单位同步到停工清单：装载程序在每个文件事务内、项目汇总之后调用 / Recompute the report summaries (stalled list, YTD series) for the pairs a batch touched, and copy the code, name and department of the projects the batch changed into the stalled list; called by the loader after the project summaries';
