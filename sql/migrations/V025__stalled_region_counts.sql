-- V025: the stalled-project counts per region and month are kept by the loader, and the
-- bulletin's list of projects still stalled is read region by region (issue 6).
--
-- analyst.stalled_region counted a month's whole list at every call: at ten million facts
-- 14,611 rows spread over 2,634 pages of dw.agg_stalled_project_month, 24 ms of the bulletin's
-- and of `stalled --summary`'s server time on this session's machine (about twice as slow per
-- core as the earlier ones; the bulletin took 141 ms there, over the 100 ms goal). The counts
-- are now written when the list is: dw.refresh_stalled_projects (the loader's, per region and
-- year from a month on) ends by recounting the months it rewrote into
-- dw.agg_stalled_region_month, a few rows a month.
--
-- The bulletin lists the first projects still stalled in the list's order (city, region, when
-- listed, code). Taking them from the month's whole list read and sorted every row (28 ms);
-- the partial index below gives each region's first ones in order, so the query reads a few
-- rows per region (InvestmentQueries.stalledProjects with a limit).
--
-- The refresh writes the list month by month (ORDER BY month_key): a report reads one month,
-- and a region-year written project by project spread each month's rows over every page of
-- the region-year (at ten million facts June's 14,611 rows lay on 2,634 pages).

CREATE TABLE dw.agg_stalled_region_month (
    region_key            bigint  NOT NULL REFERENCES dw.dim_region (region_key),
    month_key             integer NOT NULL REFERENCES dw.dim_month (month_key),
    listed_count          integer NOT NULL,
    stalled_count         integer NOT NULL,
    restarted_count       integer NOT NULL,
    restart_overdue_count integer NOT NULL,
    newly_listed_count    integer NOT NULL,
    PRIMARY KEY (region_key, month_key)
);
CREATE INDEX agg_stalled_region_month_month_idx ON dw.agg_stalled_region_month (month_key);
COMMENT ON TABLE dw.agg_stalled_region_month IS '停工清单按地区、月份计数（装载程序随停工清单维护） / Stalled-list counts per region and month (kept by the loader with the list)';
COMMENT ON COLUMN dw.agg_stalled_region_month.region_key IS '地区代理键 / Region key';
COMMENT ON COLUMN dw.agg_stalled_region_month.month_key IS '报告期 YYYYMM / Reporting month key';
COMMENT ON COLUMN dw.agg_stalled_region_month.listed_count IS '本年列入停工清单的项目数 / Projects on the year''s stalled list';
COMMENT ON COLUMN dw.agg_stalled_region_month.stalled_count IS '仍停工项目数 / Projects still stalled';
COMMENT ON COLUMN dw.agg_stalled_region_month.restarted_count IS '已复工项目数 / Projects restarted';
COMMENT ON COLUMN dw.agg_stalled_region_month.restart_overdue_count IS '逾期未复工项目数 / Projects past their planned restart';
COMMENT ON COLUMN dw.agg_stalled_region_month.newly_listed_count IS '本月新列入项目数 / Projects listed this month';
GRANT SELECT, INSERT, UPDATE, DELETE ON dw.agg_stalled_region_month TO invest_loader;

CREATE INDEX agg_stalled_project_month_still_idx
    ON dw.agg_stalled_project_month (region_key, month_key, listed_month_key, project_code) WHERE is_stalled;

CREATE FUNCTION dw.refresh_stalled_counts(p_region_key bigint, p_from integer, p_to integer)
RETURNS void LANGUAGE sql SET jit = off AS $$
    DELETE FROM dw.agg_stalled_region_month
    WHERE region_key = p_region_key AND month_key BETWEEN p_from AND p_to;
    INSERT INTO dw.agg_stalled_region_month
        (region_key, month_key, listed_count, stalled_count, restarted_count, restart_overdue_count, newly_listed_count)
    SELECT x.region_key, x.month_key, count(*),
           count(*) FILTER (WHERE x.is_stalled),
           count(*) FILTER (WHERE x.restarted_month_key IS NOT NULL),
           count(*) FILTER (WHERE x.is_stalled AND x.planned_restart < m.month_start),
           count(*) FILTER (WHERE x.listed_month_key = x.month_key)
    FROM dw.agg_stalled_project_month x
    JOIN dw.dim_month m ON m.month_key = x.month_key
    WHERE x.region_key = p_region_key AND x.month_key BETWEEN p_from AND p_to
    GROUP BY x.region_key, x.month_key;
$$;
COMMENT ON FUNCTION dw.refresh_stalled_counts(bigint, integer, integer) IS '重算某地区若干月份的停工清单计数（停工清单重算后调用） / Recount the stalled list of one region for a range of months (called after the list is refreshed)';

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
    WHERE z.month_key >= v_from
    ORDER BY z.month_key;
    PERFORM dw.refresh_stalled_counts(p_region_key, v_from, p_year * 100 + 99);
END
$$;

-- The counts of the lists already there.
DO $$
BEGIN
    PERFORM dw.refresh_stalled_counts(region_key, min(month_key), max(month_key))
    FROM dw.agg_stalled_project_month GROUP BY region_key;
END
$$;
