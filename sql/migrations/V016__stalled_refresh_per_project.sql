-- V016: the stalled-list refresh reads each stalled project's year through the primary key,
-- whatever the planner's statistics say (issue 6).
--
-- dw.refresh_stalled_projects (V013) joined the region-year's facts to its stalled projects
-- with `IN (SELECT …)`. A region whose first files arrived after the fact table's last ANALYZE
-- (dw.analyze_stale_tables analyzes again only when the table has doubled) is estimated at one
-- row, and the planner chose a nested loop that rescanned the region-year's stalled entries for
-- every fact of the region-year: quadratic in the region's year. Then each file of that region
-- took longer than the one before (0.3 s, then 3 s), and a load of the large corpus 85–125 s
-- instead of 17 s, in two runs of five.
-- The set of stalled projects is now read first (the partial index of V008) and each one's
-- facts are read through the primary key (region, project, month), probed once per stalled
-- project: the `OFFSET 0` keeps the planner from flattening the lateral subquery back into a
-- join it could order the other way, and `month_key + 0` keeps it from the (region, month,
-- YTD) index, which a one-row estimate makes look as cheap and which reads the region's whole
-- year for every project (seen: 0.9 s a file). Same rows as before.

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
    WITH s AS MATERIALIZED (
        SELECT DISTINCT x.project_key
        FROM dw.fact_project_month x
        WHERE x.region_key = p_region_key AND x.status = '停工'
          AND x.month_key BETWEEN p_year * 100 AND p_year * 100 + 99
    ),
    h AS (
        SELECT f.region_key, f.project_key, f.month_key, f.status, f.stall_reason, f.planned_restart,
               coalesce(f.status = '停工', false) AS stalled
        FROM s
        CROSS JOIN LATERAL (
            SELECT y.region_key, y.project_key, y.month_key, y.status, y.stall_reason, y.planned_restart
            FROM dw.fact_project_month y
            WHERE y.region_key = p_region_key AND y.project_key = s.project_key
              AND y.month_key + 0 BETWEEN p_year * 100 AND p_year * 100 + 99
            OFFSET 0
        ) f
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
