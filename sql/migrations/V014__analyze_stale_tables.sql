-- V014: the loader refreshes the planner's statistics of the warehouse tables when they are
-- missing or far behind (issue 6).
--
-- A first load into a fresh warehouse ran its merge and summary statements on tables that had
-- never been analyzed: the planner took the fact table for empty (estimates of one row) and
-- chose nested loops whose inner side is the region-year's 停工 facts, a scan per fact, so
-- dw.refresh_stalled_projects took 0.2 s, then 3 s, per file as the table grew. Autovacuum
-- analyzes a table about a minute after it changes; until then (and with autovacuum off) the
-- whole large corpus took 9 min 45 s instead of ~24 s, and one bench run in four hit it.
--
-- The loader calls dw.analyze_stale_tables() once per file, before its merge: it analyzes the
-- dw tables that were never analyzed and those changed by more than their size since the last
-- analyze (doubled), so estimates are never off by more than ~2x and a load of N rows pays
-- about log2(N / rows per file) analyzes of the fact table. Autovacuum's finer 10% rule keeps
-- running in the background as before.
--
-- SECURITY DEFINER: ANALYZE needs the table's owner, and the loader role (invest_loader) is not;
-- the function analyzes only dw tables chosen by this rule. Inside the file's transaction,
-- ANALYZE counts the rows the transaction itself has inserted.

CREATE FUNCTION dw.analyze_stale_tables() RETURNS text[]
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t record;
    analyzed text[] := '{}';
BEGIN
    FOR t IN
        SELECT s.relid::regclass AS rel
        FROM pg_stat_user_tables s
        JOIN pg_class c ON c.oid = s.relid
        WHERE s.schemaname = 'dw'
          AND (coalesce(s.last_analyze, s.last_autoanalyze) IS NULL
               OR s.n_mod_since_analyze > greatest(c.reltuples, 1000))
        ORDER BY s.relid
    LOOP
        EXECUTE format('ANALYZE %s', t.rel);
        analyzed := analyzed || t.rel::text;
    END LOOP;
    RETURN analyzed;
END
$$;
COMMENT ON FUNCTION dw.analyze_stale_tables() IS '装载程序每个文件合并前调用：对从未分析或自上次分析以来变更行数超过表行数的 dw 表执行 ANALYZE，返回所分析的表 / Called by the loader before each file''s merge: ANALYZE the dw tables never analyzed or changed by more than their size since the last analyze; returns the tables analyzed';
REVOKE ALL ON FUNCTION dw.analyze_stale_tables() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dw.analyze_stale_tables() TO invest_loader;
