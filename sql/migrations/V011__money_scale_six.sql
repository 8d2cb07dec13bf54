-- V011: money columns keep six decimals in 万元.
--
-- A sheet in 元 states fen (0.01 元), which is 0.000001 万元: numeric(18,4) silently rounded
-- 98,765,432.10 元 to 9876.5432 万元. Every money column of scale 4 in dw becomes scale 6 (two
-- more digits of precision, so no value that fitted before is out of range now). Staging
-- tables are unconstrained numeric already.
--
-- Views depend on these columns and PostgreSQL refuses to change a column type under a view;
-- the analyst views are dropped here and re-created by the views step of this same migrate.

SET LOCAL client_min_messages = warning;

DO $$
DECLARE
    v record;
    c record;
BEGIN
    FOR v IN SELECT schemaname, viewname FROM pg_views WHERE schemaname = 'analyst' LOOP
        EXECUTE format('DROP VIEW IF EXISTS %I.%I CASCADE', v.schemaname, v.viewname);
    END LOOP;
    FOR c IN
        SELECT col.table_schema, col.table_name, col.column_name, col.numeric_precision
        FROM information_schema.columns col
        JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE col.table_schema = 'dw' AND t.table_type = 'BASE TABLE'
          AND col.data_type = 'numeric' AND col.numeric_scale = 4
        ORDER BY col.table_name, col.column_name
    LOOP
        EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE numeric(%s, 6)',
                       c.table_schema, c.table_name, c.column_name, c.numeric_precision + 2);
    END LOOP;
END
$$;
