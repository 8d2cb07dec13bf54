-- V002: what the loader (Sources/Warehouse/Loader) needs beyond the V001 schema.
--
-- * Staging tables, one per fact grain, UNLOGGED (they only ever hold rows of the
--   transaction that is loading a file; every loader transaction deletes its own rows before
--   it commits, and a crash leaves nothing behind because the rows were never committed).
--   Like the facts they feed, they carry region_key (DESIGN §9): the loader resolves regions
--   before staging, so after a move to Citus they can be distributed and the merge stays
--   co-located.
-- * A whole-file rejection happens before the layout or month may be known: such a batch has
--   NULL layout/month; every other status still needs both.
-- * A rejected batch may have rows staged that were then rolled back (--max-rejects), so
--   lines_read is also checked for rejected batches when they carry row counts.

-- ---------------------------------------------------------------------------------------
-- Batches of files rejected as a whole
-- ---------------------------------------------------------------------------------------

ALTER TABLE etl.load_batch ALTER COLUMN layout DROP NOT NULL;
ALTER TABLE etl.load_batch ALTER COLUMN month_key DROP NOT NULL;
ALTER TABLE etl.load_batch ADD CONSTRAINT load_batch_known_scope_check
    CHECK (status = 'rejected' OR (layout IS NOT NULL AND month_key IS NOT NULL));
ALTER TABLE etl.load_batch ADD COLUMN message text;
ALTER TABLE etl.load_batch ADD COLUMN file_name text;
COMMENT ON COLUMN etl.load_batch.message IS '整份文件被拒收或超过拒收上限时的原因 / Why the whole file was rejected (or exceeded --max-rejects)';
COMMENT ON COLUMN etl.load_batch.file_name IS '本次装载时的文件路径（同一字节可能以不同文件名到达） / File path as given for this load (the same bytes may arrive under another name)';

-- Same bytes again: the loader looks up the batch that holds a source file.
CREATE INDEX load_batch_loaded_idx ON etl.load_batch (status, finished_at DESC);

-- ---------------------------------------------------------------------------------------
-- Staging (UNLOGGED; rows live only inside the loading transaction)
-- ---------------------------------------------------------------------------------------

CREATE UNLOGGED TABLE etl.stage_project (
    batch_key            bigint  NOT NULL,
    region_key           bigint  NOT NULL,
    line_no              integer NOT NULL,
    month_key            integer NOT NULL,
    project_code         text    NOT NULL,
    project_name         text    NOT NULL,
    department_norm      text,
    department           text,
    industry             text,
    category             text,
    is_industrial        boolean NOT NULL,
    is_manufacturing     boolean NOT NULL,
    is_private           boolean,
    is_infrastructure    boolean NOT NULL,
    infrastructure_type  text,
    is_real_estate       boolean NOT NULL,
    nature               text,
    total_investment_wan numeric,
    annual_plan_wan      numeric,
    ytd_completed_wan    numeric NOT NULL,
    month_completed_wan  numeric,
    status               text,
    stall_reason         text,
    start_date           date
);
COMMENT ON TABLE etl.stage_project IS '装载暂存：项目进度（仅在装载事务内有行） / Loader staging for project progress; rows exist only inside a loading transaction';

CREATE UNLOGGED TABLE etl.stage_indicator (
    batch_key           bigint  NOT NULL,
    region_key          bigint  NOT NULL,
    line_no             integer NOT NULL,
    month_key           integer NOT NULL,
    indicator_code      text    NOT NULL,
    ytd_value_wan       numeric,
    prior_ytd_value_wan numeric,
    reported_yoy_pct    numeric
);
COMMENT ON TABLE etl.stage_indicator IS '装载暂存：地区指标 / Loader staging for region indicators';

CREATE UNLOGGED TABLE etl.stage_transfer (
    batch_key            bigint  NOT NULL,
    region_key           bigint  NOT NULL,
    line_no              integer NOT NULL,
    month_key            integer NOT NULL,
    department_norm      text,
    department           text,
    fund_category        text    NOT NULL,
    ytd_amount_wan       numeric NOT NULL,
    prior_ytd_amount_wan numeric,
    reported_yoy_pct     numeric
);
COMMENT ON TABLE etl.stage_transfer IS '装载暂存：转移支付（单位非地区时记入部门，地区为市本级） / Loader staging for transfer payments; a unit that is not a region is a department of the city';

CREATE UNLOGGED TABLE etl.stage_target (
    batch_key       bigint   NOT NULL,
    region_key      bigint   NOT NULL,
    line_no         integer  NOT NULL,
    department_norm text,
    department      text,
    indicator_code  text     NOT NULL,
    year            smallint NOT NULL,
    month_no        smallint NOT NULL,
    target_wan      numeric,
    rate_pct        numeric
);
COMMENT ON TABLE etl.stage_target IS '装载暂存：目标任务 / Loader staging for targets';

-- The merge looks facts up by batch (supersede) and projects by code (upsert): V001 has
-- those indexes. Nothing else is indexed here: staging is scanned whole, once per step.

-- ---------------------------------------------------------------------------------------
-- Grants (V001's default privileges cover tables created by the migrating role; be explicit)
-- ---------------------------------------------------------------------------------------

GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE
    ON etl.stage_project, etl.stage_indicator, etl.stage_transfer, etl.stage_target
    TO invest_loader;
