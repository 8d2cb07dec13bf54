-- V007: the loader's summary refresh in one pass over the facts (issue 6; figures in
-- docs/benchmarks.md).
--
-- dw.refresh_project_aggregates ran three INSERT … SELECT statements, each joining the
-- (region, month)'s facts with dim_project and then with all seven indicators through
-- dw.project_counts_toward: every fact was read three times and expanded seven-fold before
-- grouping (~30 ms per statement for a 6,500-project county month, 25-40% of a file's merge).
-- Now one statement reads the facts once, groups them by what the three summaries need
-- (department, category and the five indicator flags: at most a few hundred groups), and only
-- those groups are expanded by indicator and summed again. Sums of sums are exact (numeric);
-- a NULL group sum is ignored by sum() as the NULL values themselves were, so every summary
-- row is exactly what the three statements produced.
--
-- Which projects count toward which indicator stays defined once: dw.project_counts_toward
-- now calls dw.flags_count_toward, which the refresh calls on the grouped flags.

CREATE FUNCTION dw.flags_count_toward(
    indicator_code text, is_industrial boolean, is_manufacturing boolean, is_private boolean,
    is_infrastructure boolean, is_real_estate boolean)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE indicator_code
        WHEN 'fai' THEN true
        WHEN 'industrial' THEN is_industrial
        WHEN 'manufacturing' THEN is_manufacturing
        WHEN 'private' THEN is_private
        WHEN 'infrastructure' THEN is_infrastructure
        WHEN 'real_estate' THEN is_real_estate
        ELSE false END
$$;
COMMENT ON FUNCTION dw.flags_count_toward(text, boolean, boolean, boolean, boolean, boolean) IS '有这些类别标志的项目是否计入某指标 / Whether a project with these flags counts toward an indicator';

CREATE OR REPLACE FUNCTION dw.project_counts_toward(p dw.dim_project, indicator_code text)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT dw.flags_count_toward(indicator_code, p.is_industrial, p.is_manufacturing, p.is_private,
                                 p.is_infrastructure, p.is_real_estate)
$$;

CREATE OR REPLACE FUNCTION dw.refresh_project_aggregates(p_region_key bigint, p_month_key integer)
RETURNS void LANGUAGE sql AS $$
    DELETE FROM dw.agg_project_region_month WHERE region_key = p_region_key AND month_key = p_month_key;
    DELETE FROM dw.agg_project_department_month WHERE region_key = p_region_key AND month_key = p_month_key;
    DELETE FROM dw.agg_project_category_month WHERE region_key = p_region_key AND month_key = p_month_key;

    WITH g AS MATERIALIZED (
        SELECT p.department_key, coalesce(p.category, '') AS category,
               p.is_industrial, p.is_manufacturing, p.is_private, p.is_infrastructure, p.is_real_estate,
               sum(f.ytd_completed_wan) AS ytd, sum(f.month_completed_wan) AS month_done,
               sum(f.annual_plan_wan) AS plan, count(*) AS n, count(*) FILTER (WHERE f.status = '停工') AS stalled
        FROM dw.fact_project_month f
        JOIN dw.dim_project p ON p.region_key = f.region_key AND p.project_key = f.project_key
        WHERE f.region_key = p_region_key AND f.month_key = p_month_key
        GROUP BY 1, 2, 3, 4, 5, 6, 7
    ), gi AS MATERIALIZED (
        SELECT i.indicator_key, g.*
        FROM g JOIN dw.dim_indicator i
          ON dw.flags_count_toward(i.indicator_code, g.is_industrial, g.is_manufacturing, g.is_private,
                                   g.is_infrastructure, g.is_real_estate)
    ), by_department AS (
        INSERT INTO dw.agg_project_department_month
            (region_key, department_key, indicator_key, month_key, ytd_completed_wan, project_count)
        SELECT p_region_key, department_key, indicator_key, p_month_key, sum(ytd), sum(n)
        FROM gi WHERE department_key IS NOT NULL
        GROUP BY department_key, indicator_key
    ), by_category AS (
        INSERT INTO dw.agg_project_category_month
            (region_key, category, indicator_key, month_key, ytd_completed_wan, project_count)
        SELECT p_region_key, category, indicator_key, p_month_key, sum(ytd), sum(n)
        FROM gi
        GROUP BY category, indicator_key
    )
    INSERT INTO dw.agg_project_region_month
        (region_key, indicator_key, month_key, ytd_completed_wan, month_completed_wan, annual_plan_wan,
         project_count, stalled_count)
    SELECT p_region_key, indicator_key, p_month_key, sum(ytd), sum(month_done), sum(plan), sum(n), sum(stalled)
    FROM gi
    GROUP BY indicator_key;
$$;
COMMENT ON FUNCTION dw.refresh_project_aggregates(bigint, integer) IS '重算某地区某月的项目汇总（装载程序调用；一次读取事实） / Recompute project summaries for one region and month (called by the loader; one pass over the facts)';
ALTER FUNCTION dw.refresh_project_aggregates(bigint, integer) SET jit = off;
