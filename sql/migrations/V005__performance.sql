-- V005: loader performance (issue 6; figures and profiles in docs/benchmarks.md).
--
-- 1. dw.fact_project_month keeps the indexes the merge needs and drops the foreign keys it
--    does not. Every fact row is written by the loader's merge, which takes region_key and
--    project_key from a join with dw.dim_project, month_key from the batch (whose month is a
--    dw.dim_month key by the load_batch foreign key) and batch_key from the batch it has just
--    inserted, all in the same transaction; dimension rows are never deleted. The four per-row
--    RI triggers (each an SPI query plus a FOR KEY SHARE row lock) were 75% of the fact
--    INSERT: 172 ms → 45 ms per 4,800-row county file. Analysts cannot write (read-only role);
--    the keys can still be checked set-based (docs/benchmarks.md has the query).
--    Indexes kept: the primary key (the ON CONFLICT arbiter), (batch_key) for supersede and
--    revert, (month_key, region_key) for the summary refresh.
-- 2. Small dimensions get statistics now: autovacuum never analyzes a table of a few seeded
--    rows, and the planner's default guess for dw.dim_indicator (440 rows instead of 7)
--    inflated the refresh's estimate past jit_above_cost, so every refresh paid ~25 ms of JIT
--    compilation. The refresh also runs with JIT off: it touches one region and month.
-- 3. The original bytes of source files compress with lz4 instead of pglz (several times
--    faster to store; about the same ratio on CSV text), where the server was built with lz4.

ALTER TABLE dw.fact_project_month DROP CONSTRAINT fact_project_month_region_key_fkey;
ALTER TABLE dw.fact_project_month DROP CONSTRAINT fact_project_month_month_key_fkey;
ALTER TABLE dw.fact_project_month DROP CONSTRAINT fact_project_month_batch_key_fkey;
ALTER TABLE dw.fact_project_month DROP CONSTRAINT fact_project_month_region_key_project_key_fkey;
COMMENT ON TABLE dw.fact_project_month IS '项目月度进度：每个项目每月一行（键由装载程序合并时从维表取得，不设逐行外键） / Project-month progress: one row per project and month; keys come from the dimensions in the loader''s merge (no per-row foreign-key triggers)';

ANALYZE dw.dim_region;
ANALYZE dw.dim_region_alias;
ANALYZE dw.dim_department;
ANALYZE dw.dim_department_alias;
ANALYZE dw.dim_month;
ANALYZE dw.dim_indicator;

ALTER FUNCTION dw.refresh_project_aggregates(bigint, integer) SET jit = off;

DO $$
BEGIN
    ALTER TABLE etl.source_file_chunk ALTER COLUMN data SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 not available on this server: source bytes stay pglz-compressed';
END
$$;
