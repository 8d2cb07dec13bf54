-- V001: the star schema of DESIGN §4, the ETL bookkeeping tables, and the two roles.
--
-- Citus-ready from the start (DESIGN §9): every key of a fact table and of dim_project
-- includes region_key; surrogate keys are bigint identities; foreign keys only point from
-- facts to small tables (future reference tables) or between tables sharing region_key;
-- no triggers on facts (the loader maintains the summary tables itself).
--
-- Schemas: dw (dimensions, facts, summaries), etl (files, batches, rejects, runs),
-- analyst (views for analysts; created by sql/views).

CREATE SCHEMA IF NOT EXISTS dw;
CREATE SCHEMA IF NOT EXISTS etl;
CREATE SCHEMA IF NOT EXISTS analyst;

COMMENT ON SCHEMA dw IS '数据仓库：维度、事实与汇总表 / Warehouse: dimensions, facts and summary tables';
COMMENT ON SCHEMA etl IS '装载记录：源文件、批次、拒收行、运行 / ETL bookkeeping: source files, batches, rejects, runs';
COMMENT ON SCHEMA analyst IS '分析视图（只读） / Analyst views (read-only)';

-- ---------------------------------------------------------------------------------------
-- Dimensions
-- ---------------------------------------------------------------------------------------

CREATE TABLE dw.dim_region (
    region_key   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code  text    NOT NULL UNIQUE,
    name         text    NOT NULL,
    name_en      text,
    level        text    NOT NULL CHECK (level IN ('province', 'city', 'county', 'zone')),
    parent_key   bigint  REFERENCES dw.dim_region (region_key),
    sort_order   integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE dw.dim_region IS '地区维度：省、市、县区、园区 / Region dimension: province, city, county, functional zone';
COMMENT ON COLUMN dw.dim_region.region_key IS '地区代理键 / Surrogate key (distribution column after scale-out)';
COMMENT ON COLUMN dw.dim_region.region_code IS '行政区划代码（GB/T 2260 六位）或园区稳定代码 / GB/T 2260 code, or a stable code for zones';
COMMENT ON COLUMN dw.dim_region.name IS '地区全称 / Official name';
COMMENT ON COLUMN dw.dim_region.name_en IS '英文名 / English name';
COMMENT ON COLUMN dw.dim_region.level IS '层级：province 省 / city 市 / county 县区 / zone 园区 / Level';
COMMENT ON COLUMN dw.dim_region.parent_key IS '上级地区 / Parent region';
COMMENT ON COLUMN dw.dim_region.sort_order IS '报表排列顺序 / Order in reports';

CREATE TABLE dw.dim_region_alias (
    alias_normalized text   PRIMARY KEY,
    alias            text   NOT NULL,
    region_key       bigint NOT NULL REFERENCES dw.dim_region (region_key)
);
COMMENT ON TABLE dw.dim_region_alias IS '地区别名（规范化后匹配） / Region aliases, matched after name normalisation';
COMMENT ON COLUMN dw.dim_region_alias.alias_normalized IS '规范化别名：去空格、全角转半角 / Normalised alias: no spaces, full-width folded';
COMMENT ON COLUMN dw.dim_region_alias.alias IS '别名原文 / Alias as written';
COMMENT ON COLUMN dw.dim_region_alias.region_key IS '所指地区 / Region it names';

CREATE TABLE dw.dim_department (
    department_key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           text    NOT NULL UNIQUE,
    name_en        text,
    is_seeded      boolean NOT NULL DEFAULT false,
    first_seen_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE dw.dim_department IS '责任单位维度（牵头单位、行业主管部门） / Responsible department dimension';
COMMENT ON COLUMN dw.dim_department.department_key IS '单位代理键 / Surrogate key';
COMMENT ON COLUMN dw.dim_department.name IS '单位名称 / Department name';
COMMENT ON COLUMN dw.dim_department.name_en IS '英文名 / English name';
COMMENT ON COLUMN dw.dim_department.is_seeded IS '是否预置（否则为装载时首次出现而创建） / Seeded, or created on first sight by the loader';
COMMENT ON COLUMN dw.dim_department.first_seen_at IS '首次出现时间 / When first seen';

CREATE TABLE dw.dim_department_alias (
    alias_normalized text   PRIMARY KEY,
    alias            text   NOT NULL,
    department_key   bigint NOT NULL REFERENCES dw.dim_department (department_key)
);
COMMENT ON TABLE dw.dim_department_alias IS '单位别名 / Department aliases';
COMMENT ON COLUMN dw.dim_department_alias.alias_normalized IS '规范化别名 / Normalised alias';
COMMENT ON COLUMN dw.dim_department_alias.alias IS '别名原文 / Alias as written';
COMMENT ON COLUMN dw.dim_department_alias.department_key IS '所指单位 / Department it names';

CREATE TABLE dw.dim_month (
    month_key           integer  PRIMARY KEY CHECK (month_key BETWEEN 190001 AND 299912),
    year                smallint NOT NULL,
    month               smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
    quarter             smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    half                smallint NOT NULL CHECK (half IN (1, 2)),
    month_start         date     NOT NULL,
    period_label        text     NOT NULL,
    label               text     NOT NULL,
    january_merged      boolean  NOT NULL DEFAULT true
);
COMMENT ON TABLE dw.dim_month IS '月份维度（键 YYYYMM） / Month dimension, key YYYYMM';
COMMENT ON COLUMN dw.dim_month.month_key IS '月份键 YYYYMM / Month key YYYYMM';
COMMENT ON COLUMN dw.dim_month.year IS '年 / Year';
COMMENT ON COLUMN dw.dim_month.month IS '月 / Month';
COMMENT ON COLUMN dw.dim_month.quarter IS '季度 / Quarter';
COMMENT ON COLUMN dw.dim_month.half IS '半年（1 上半年，2 下半年） / Half year';
COMMENT ON COLUMN dw.dim_month.month_start IS '月初日期 / First day of the month';
COMMENT ON COLUMN dw.dim_month.period_label IS '累计期标签，如 1-6月 / Cumulative period label, e.g. 1-6月';
COMMENT ON COLUMN dw.dim_month.label IS '完整标签，如 2022年1-6月 / Full label, e.g. 2022年1-6月';
COMMENT ON COLUMN dw.dim_month.january_merged IS '该年1月并入1-2月报告（2月为首次报告） / January is merged into the 1-2月 report (February is the first report)';

INSERT INTO dw.dim_month (month_key, year, month, quarter, half, month_start, period_label, label)
SELECT extract(year FROM d)::int * 100 + extract(month FROM d)::int,
       extract(year FROM d), extract(month FROM d),
       extract(quarter FROM d), CASE WHEN extract(month FROM d) <= 6 THEN 1 ELSE 2 END,
       d::date,
       CASE WHEN extract(month FROM d) = 1 THEN '1月'
            ELSE '1-' || extract(month FROM d)::int || '月' END,
       extract(year FROM d)::int || '年' ||
       CASE WHEN extract(month FROM d) = 1 THEN '1月'
            ELSE '1-' || extract(month FROM d)::int || '月' END
FROM generate_series(date '2015-01-01', date '2035-12-01', interval '1 month') AS d;

CREATE TABLE dw.dim_indicator (
    indicator_key   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indicator_code  text    NOT NULL UNIQUE,
    name_zh         text    NOT NULL,
    name_en         text    NOT NULL,
    unit            text    NOT NULL DEFAULT '万元',
    growth_target_pct numeric(7, 2),
    sort_order      integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE dw.dim_indicator IS '指标维度 / Indicator dimension';
COMMENT ON COLUMN dw.dim_indicator.indicator_key IS '指标代理键 / Surrogate key';
COMMENT ON COLUMN dw.dim_indicator.indicator_code IS '指标代码：fai, industrial, private, manufacturing, infrastructure, real_estate, transfer_payment / Indicator code';
COMMENT ON COLUMN dw.dim_indicator.name_zh IS '中文名 / Chinese name';
COMMENT ON COLUMN dw.dim_indicator.name_en IS '英文名 / English name';
COMMENT ON COLUMN dw.dim_indicator.unit IS '单位 / Unit';
COMMENT ON COLUMN dw.dim_indicator.growth_target_pct IS '默认年度增长目标（%），按年覆盖见 indicator_target_rate / Default annual growth target in percent';
COMMENT ON COLUMN dw.dim_indicator.sort_order IS '报表排列顺序 / Order in reports';

INSERT INTO dw.dim_indicator (indicator_code, name_zh, name_en, growth_target_pct, sort_order) VALUES
    ('fai',              '固定资产投资',     'Fixed-asset investment',        15.0, 1),
    ('industrial',       '工业投资',         'Industrial investment',         30.0, 2),
    ('private',          '民间投资',         'Private investment',            NULL, 3),
    ('manufacturing',    '制造业投资',       'Manufacturing investment',      NULL, 4),
    ('infrastructure',   '基础设施投资',     'Infrastructure investment',     NULL, 5),
    ('real_estate',      '房地产开发投资',   'Real-estate development investment', NULL, 6),
    ('transfer_payment', '上级转移支付资金', 'Upper-level transfer payments',  6.0, 7);

CREATE TABLE dw.indicator_target_rate (
    indicator_key bigint   NOT NULL REFERENCES dw.dim_indicator (indicator_key),
    year          smallint NOT NULL,
    rate_pct      numeric(7, 2) NOT NULL,
    PRIMARY KEY (indicator_key, year)
);
COMMENT ON TABLE dw.indicator_target_rate IS '按年配置的增长目标（覆盖 dim_indicator 的默认值） / Growth target per indicator and year, overriding the default';
COMMENT ON COLUMN dw.indicator_target_rate.indicator_key IS '指标 / Indicator';
COMMENT ON COLUMN dw.indicator_target_rate.year IS '年份 / Year';
COMMENT ON COLUMN dw.indicator_target_rate.rate_pct IS '年度增长目标（%） / Annual growth target in percent';

CREATE TABLE dw.dim_project (
    region_key          bigint  NOT NULL REFERENCES dw.dim_region (region_key),
    project_key         bigint  GENERATED ALWAYS AS IDENTITY,
    project_code        text    NOT NULL,
    project_name        text    NOT NULL,
    department_key      bigint  REFERENCES dw.dim_department (department_key),
    industry            text,
    category            text,
    is_industrial       boolean NOT NULL DEFAULT false,
    is_manufacturing    boolean NOT NULL DEFAULT false,
    is_private          boolean NOT NULL DEFAULT false,
    is_infrastructure   boolean NOT NULL DEFAULT false,
    infrastructure_type text,
    is_real_estate      boolean NOT NULL DEFAULT false,
    nature              text,
    total_investment_wan numeric(18, 4),
    start_date          date,
    first_batch_key     bigint,
    last_batch_key      bigint,
    PRIMARY KEY (region_key, project_key),
    UNIQUE (region_key, project_code)
);
COMMENT ON TABLE dw.dim_project IS '项目维度（键含 region_key，便于按地区分布） / Project dimension, keyed with region_key for distribution';
COMMENT ON COLUMN dw.dim_project.region_key IS '项目所在地区 / Region of the project';
COMMENT ON COLUMN dw.dim_project.project_key IS '项目代理键 / Surrogate key';
COMMENT ON COLUMN dw.dim_project.project_code IS '统一项目代码，如 2020-450702-48-01-012345 / Unified project code';
COMMENT ON COLUMN dw.dim_project.project_name IS '项目名称 / Project name';
COMMENT ON COLUMN dw.dim_project.department_key IS '责任单位 / Responsible department';
COMMENT ON COLUMN dw.dim_project.industry IS '行业 / Industry as reported';
COMMENT ON COLUMN dw.dim_project.category IS '项目类别（来自分组行或行业列），如 工业项目 / Project category (from section rows or the industry column)';
COMMENT ON COLUMN dw.dim_project.is_industrial IS '工业项目 / Counts toward industrial investment';
COMMENT ON COLUMN dw.dim_project.is_manufacturing IS '制造业项目 / Counts toward manufacturing investment';
COMMENT ON COLUMN dw.dim_project.is_private IS '民间投资项目 / Counts toward private investment';
COMMENT ON COLUMN dw.dim_project.is_infrastructure IS '基础设施项目 / Counts toward infrastructure investment';
COMMENT ON COLUMN dw.dim_project.infrastructure_type IS '基础设施子类（交通、能源、水利…） / Infrastructure sub-type';
COMMENT ON COLUMN dw.dim_project.is_real_estate IS '房地产开发项目 / Counts toward real-estate investment';
COMMENT ON COLUMN dw.dim_project.nature IS '建设性质：新建 / 续建 / Nature: new or continuing';
COMMENT ON COLUMN dw.dim_project.total_investment_wan IS '总投资（万元） / Total investment, 10k CNY';
COMMENT ON COLUMN dw.dim_project.start_date IS '开工日期 / Start date';
COMMENT ON COLUMN dw.dim_project.first_batch_key IS '首次出现的批次 / Batch that first reported it';
COMMENT ON COLUMN dw.dim_project.last_batch_key IS '最近更新的批次 / Batch that last updated it';

-- ---------------------------------------------------------------------------------------
-- ETL bookkeeping (before the facts, which point at batches)
-- ---------------------------------------------------------------------------------------

CREATE TABLE etl.source_file (
    source_file_key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256          text   NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    file_name       text   NOT NULL,
    size_bytes      bigint NOT NULL CHECK (size_bytes >= 0),
    received_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE etl.source_file IS '源文件（按 sha256 去重，原始字节见 source_file_chunk） / Source files, unique by sha256; bytes in source_file_chunk';
COMMENT ON COLUMN etl.source_file.source_file_key IS '源文件代理键 / Surrogate key';
COMMENT ON COLUMN etl.source_file.sha256 IS '文件内容 SHA-256（小写十六进制） / SHA-256 of the bytes, lowercase hex';
COMMENT ON COLUMN etl.source_file.file_name IS '收到时的文件名 / File name as received';
COMMENT ON COLUMN etl.source_file.size_bytes IS '文件大小（字节） / Size in bytes';
COMMENT ON COLUMN etl.source_file.received_at IS '收到时间 / When received';

CREATE TABLE etl.source_file_chunk (
    source_file_key bigint  NOT NULL REFERENCES etl.source_file (source_file_key),
    chunk_no        integer NOT NULL CHECK (chunk_no >= 0),
    data            bytea   NOT NULL,
    PRIMARY KEY (source_file_key, chunk_no)
);
COMMENT ON TABLE etl.source_file_chunk IS '源文件原始字节，按块存放（bytea 单值上限 1 GB，故分块） / Original bytes of each file in chunks (a bytea value is limited to 1 GB)';
COMMENT ON COLUMN etl.source_file_chunk.source_file_key IS '源文件 / Source file';
COMMENT ON COLUMN etl.source_file_chunk.chunk_no IS '块序号，从 0 起 / Chunk number from 0';
COMMENT ON COLUMN etl.source_file_chunk.data IS '原始字节 / Original bytes';

CREATE TABLE etl.load_run (
    run_key       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    command       text   NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    status        text   NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'partial', 'failed')),
    files_seen    integer NOT NULL DEFAULT 0,
    files_loaded  integer NOT NULL DEFAULT 0,
    files_skipped integer NOT NULL DEFAULT 0,
    files_rejected integer NOT NULL DEFAULT 0,
    exit_code     integer,
    message       text
);
COMMENT ON TABLE etl.load_run IS '装载运行（每次 load 或 run 一行） / One row per load or nightly run';
COMMENT ON COLUMN etl.load_run.run_key IS '运行代理键 / Surrogate key';
COMMENT ON COLUMN etl.load_run.command IS '命令（load / run） / Command';
COMMENT ON COLUMN etl.load_run.started_at IS '开始时间 / Start';
COMMENT ON COLUMN etl.load_run.finished_at IS '结束时间 / End';
COMMENT ON COLUMN etl.load_run.status IS '状态 / Status: running, succeeded, partial, failed';
COMMENT ON COLUMN etl.load_run.files_seen IS '发现的文件数 / Files seen';
COMMENT ON COLUMN etl.load_run.files_loaded IS '装载的文件数 / Files loaded';
COMMENT ON COLUMN etl.load_run.files_skipped IS '跳过的文件数（已装载过的相同字节） / Files skipped (same bytes already loaded)';
COMMENT ON COLUMN etl.load_run.files_rejected IS '整体拒收的文件数 / Files rejected as a whole';
COMMENT ON COLUMN etl.load_run.exit_code IS '退出码（sysexits） / Exit code';
COMMENT ON COLUMN etl.load_run.message IS '摘要 / Summary message';

CREATE TABLE etl.load_batch (
    batch_key       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_file_key bigint  NOT NULL REFERENCES etl.source_file (source_file_key),
    run_key         bigint  REFERENCES etl.load_run (run_key),
    layout          text    NOT NULL CHECK (layout IN ('project-progress', 'indicator-summary', 'transfer-payments', 'targets')),
    region_key      bigint  REFERENCES dw.dim_region (region_key),
    month_key       integer NOT NULL REFERENCES dw.dim_month (month_key),
    scope           text    NOT NULL,
    status          text    NOT NULL CHECK (status IN ('loading', 'loaded', 'superseded', 'rejected', 'reverted')),
    encoding        text,
    lines_read      integer NOT NULL DEFAULT 0,
    rows_loaded     integer NOT NULL DEFAULT 0,
    rows_skipped    integer NOT NULL DEFAULT 0,
    rows_rejected   integer NOT NULL DEFAULT 0,
    warnings        jsonb   NOT NULL DEFAULT '[]'::jsonb,
    superseded_by   bigint  REFERENCES etl.load_batch (batch_key),
    supersedes      bigint  REFERENCES etl.load_batch (batch_key),
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    CHECK (status <> 'loaded' OR lines_read = rows_loaded + rows_skipped + rows_rejected)
);
CREATE INDEX load_batch_scope_idx ON etl.load_batch (scope, status);
CREATE INDEX load_batch_source_idx ON etl.load_batch (source_file_key);
COMMENT ON TABLE etl.load_batch IS '装载批次：一个文件一次装载；同一版式、地区、月份的新文件替代旧批次 / Load batch: one file loaded once; a new file for the same layout, region and month supersedes the old batch';
COMMENT ON COLUMN etl.load_batch.batch_key IS '批次代理键 / Surrogate key';
COMMENT ON COLUMN etl.load_batch.source_file_key IS '源文件 / Source file';
COMMENT ON COLUMN etl.load_batch.run_key IS '所属运行 / Run that loaded it';
COMMENT ON COLUMN etl.load_batch.layout IS '版式：project-progress / indicator-summary / transfer-payments / targets / Layout';
COMMENT ON COLUMN etl.load_batch.region_key IS '整表所属地区（多地区表为空） / Region of a whole-file sheet (null for multi-region sheets)';
COMMENT ON COLUMN etl.load_batch.month_key IS '报告期 YYYYMM / Reporting month';
COMMENT ON COLUMN etl.load_batch.scope IS '替代范围：版式/地区/月份 / Supersede scope: layout/region/month';
COMMENT ON COLUMN etl.load_batch.status IS '状态：loading 装载中 / loaded 已装载 / superseded 已被替代 / rejected 整体拒收 / reverted 已撤销 / Status';
COMMENT ON COLUMN etl.load_batch.encoding IS '检测到的编码 / Detected encoding';
COMMENT ON COLUMN etl.load_batch.lines_read IS '读取的记录数 / Records read';
COMMENT ON COLUMN etl.load_batch.rows_loaded IS '装载的行数 / Rows loaded';
COMMENT ON COLUMN etl.load_batch.rows_skipped IS '跳过的行数（标题、表头、分组、小计、注释、空行） / Rows skipped (titles, headers, sections, subtotals, notes, blanks)';
COMMENT ON COLUMN etl.load_batch.rows_rejected IS '拒收的行数 / Rows rejected';
COMMENT ON COLUMN etl.load_batch.warnings IS '警告（如小计与明细不符），JSON 数组 / Warnings such as subtotal mismatches, JSON array';
COMMENT ON COLUMN etl.load_batch.superseded_by IS '替代本批次的批次 / Batch that superseded this one';
COMMENT ON COLUMN etl.load_batch.supersedes IS '本批次替代的批次 / Batch this one superseded';
COMMENT ON COLUMN etl.load_batch.started_at IS '开始时间 / Start';
COMMENT ON COLUMN etl.load_batch.finished_at IS '结束时间 / End';

CREATE TABLE etl.rejected_row (
    batch_key   bigint  NOT NULL REFERENCES etl.load_batch (batch_key),
    line_no     integer NOT NULL,
    column_no   integer,
    column_name text,
    raw_text    text    NOT NULL,
    reason      text    NOT NULL,
    PRIMARY KEY (batch_key, line_no)
);
COMMENT ON TABLE etl.rejected_row IS '拒收行：文件、行、列、原文与原因 / Rejected rows with line, column, raw text and reason';
COMMENT ON COLUMN etl.rejected_row.batch_key IS '批次 / Batch';
COMMENT ON COLUMN etl.rejected_row.line_no IS '行号（从 1 起） / Line number, from 1';
COMMENT ON COLUMN etl.rejected_row.column_no IS '列号（从 1 起） / Column number, from 1';
COMMENT ON COLUMN etl.rejected_row.column_name IS '列标题 / Column header';
COMMENT ON COLUMN etl.rejected_row.raw_text IS '原始行文本 / Raw text of the record';
COMMENT ON COLUMN etl.rejected_row.reason IS '拒收原因 / Reason';

CREATE TABLE etl.skipped_row (
    batch_key bigint  NOT NULL REFERENCES etl.load_batch (batch_key),
    line_no   integer NOT NULL,
    kind      text    NOT NULL CHECK (kind IN ('title', 'header', 'blank', 'section', 'subtotal', 'note')),
    reason    text    NOT NULL,
    PRIMARY KEY (batch_key, line_no)
);
COMMENT ON TABLE etl.skipped_row IS '跳过的行（标题、表头、分组、小计、注释、空行）及原因 / Skipped rows with their kind and reason';
COMMENT ON COLUMN etl.skipped_row.batch_key IS '批次 / Batch';
COMMENT ON COLUMN etl.skipped_row.line_no IS '行号 / Line number';
COMMENT ON COLUMN etl.skipped_row.kind IS '类型：title, header, blank, section, subtotal, note / Kind';
COMMENT ON COLUMN etl.skipped_row.reason IS '原因 / Reason';

-- ---------------------------------------------------------------------------------------
-- Facts
-- ---------------------------------------------------------------------------------------

CREATE TABLE dw.fact_project_month (
    region_key          bigint  NOT NULL REFERENCES dw.dim_region (region_key),
    project_key         bigint  NOT NULL,
    month_key           integer NOT NULL REFERENCES dw.dim_month (month_key),
    ytd_completed_wan   numeric(18, 4) NOT NULL,
    month_completed_wan numeric(18, 4),
    annual_plan_wan     numeric(18, 4),
    status              text,
    stall_reason        text,
    batch_key           bigint  NOT NULL REFERENCES etl.load_batch (batch_key),
    line_no             integer NOT NULL,
    PRIMARY KEY (region_key, project_key, month_key),
    FOREIGN KEY (region_key, project_key) REFERENCES dw.dim_project (region_key, project_key)
);
CREATE INDEX fact_project_month_batch_idx ON dw.fact_project_month (batch_key);
CREATE INDEX fact_project_month_month_idx ON dw.fact_project_month (month_key, region_key);
COMMENT ON TABLE dw.fact_project_month IS '项目月度进度：每个项目每月一行 / Project-month progress: one row per project and month';
COMMENT ON COLUMN dw.fact_project_month.region_key IS '地区 / Region';
COMMENT ON COLUMN dw.fact_project_month.project_key IS '项目 / Project';
COMMENT ON COLUMN dw.fact_project_month.month_key IS '报告期 YYYYMM / Reporting month';
COMMENT ON COLUMN dw.fact_project_month.ytd_completed_wan IS '本年累计完成投资（万元） / YTD completed investment, 10k CNY';
COMMENT ON COLUMN dw.fact_project_month.month_completed_wan IS '本月完成投资（万元） / Completed this month, 10k CNY';
COMMENT ON COLUMN dw.fact_project_month.annual_plan_wan IS '年度计划投资（万元） / Annual planned investment, 10k CNY';
COMMENT ON COLUMN dw.fact_project_month.status IS '项目状态：在建 / 停工 / 竣工… / Status';
COMMENT ON COLUMN dw.fact_project_month.stall_reason IS '停工原因 / Reason for stalling';
COMMENT ON COLUMN dw.fact_project_month.batch_key IS '来源批次 / Source batch';
COMMENT ON COLUMN dw.fact_project_month.line_no IS '源文件行号 / Line in the source file';

CREATE TABLE dw.fact_region_indicator_month (
    region_key          bigint  NOT NULL REFERENCES dw.dim_region (region_key),
    indicator_key       bigint  NOT NULL REFERENCES dw.dim_indicator (indicator_key),
    month_key           integer NOT NULL REFERENCES dw.dim_month (month_key),
    ytd_value_wan       numeric(18, 4),
    prior_ytd_value_wan numeric(18, 4),
    reported_yoy_pct    numeric(9, 2),
    batch_key           bigint  NOT NULL REFERENCES etl.load_batch (batch_key),
    line_no             integer NOT NULL,
    PRIMARY KEY (region_key, indicator_key, month_key)
);
CREATE INDEX fact_region_indicator_month_batch_idx ON dw.fact_region_indicator_month (batch_key);
COMMENT ON TABLE dw.fact_region_indicator_month IS '地区指标月报：每个地区、指标、月份一行 / Region-month indicator: one row per region, indicator and month';
COMMENT ON COLUMN dw.fact_region_indicator_month.region_key IS '地区 / Region';
COMMENT ON COLUMN dw.fact_region_indicator_month.indicator_key IS '指标 / Indicator';
COMMENT ON COLUMN dw.fact_region_indicator_month.month_key IS '报告期 YYYYMM / Reporting month';
COMMENT ON COLUMN dw.fact_region_indicator_month.ytd_value_wan IS '本年累计（万元） / YTD value, 10k CNY';
COMMENT ON COLUMN dw.fact_region_indicator_month.prior_ytd_value_wan IS '报表所填上年同期可比数（万元） / Reported comparable prior-year YTD, 10k CNY';
COMMENT ON COLUMN dw.fact_region_indicator_month.reported_yoy_pct IS '报表所填同比增速（%） / Reported YoY growth, percent';
COMMENT ON COLUMN dw.fact_region_indicator_month.batch_key IS '来源批次 / Source batch';
COMMENT ON COLUMN dw.fact_region_indicator_month.line_no IS '源文件行号 / Line in the source file';

CREATE TABLE dw.fact_transfer_payment_month (
    region_key            bigint  NOT NULL REFERENCES dw.dim_region (region_key),
    department_key        bigint  REFERENCES dw.dim_department (department_key),
    fund_category         text    NOT NULL DEFAULT '',
    month_key             integer NOT NULL REFERENCES dw.dim_month (month_key),
    ytd_amount_wan        numeric(18, 4) NOT NULL,
    prior_ytd_amount_wan  numeric(18, 4),
    reported_yoy_pct      numeric(9, 2),
    batch_key             bigint  NOT NULL REFERENCES etl.load_batch (batch_key),
    line_no               integer NOT NULL
);
-- A department receives in the city's name: region_key is then the city and department_key set.
CREATE UNIQUE INDEX fact_transfer_payment_month_key
    ON dw.fact_transfer_payment_month (region_key, (coalesce(department_key, 0)), fund_category, month_key);
CREATE INDEX fact_transfer_payment_month_batch_idx ON dw.fact_transfer_payment_month (batch_key);
COMMENT ON TABLE dw.fact_transfer_payment_month IS '上级转移支付资金：每个接收单位、资金类别、月份一行 / Upper-level transfer payments: one row per receiving unit, fund category and month';
COMMENT ON COLUMN dw.fact_transfer_payment_month.region_key IS '接收地区；部门接收时为所属市 / Receiving region; the city when a department receives';
COMMENT ON COLUMN dw.fact_transfer_payment_month.department_key IS '接收部门（地区接收时为空） / Receiving department, null when a region receives';
COMMENT ON COLUMN dw.fact_transfer_payment_month.fund_category IS '资金类别（空串表示未分类） / Fund category, empty when not broken down';
COMMENT ON COLUMN dw.fact_transfer_payment_month.month_key IS '报告期 YYYYMM / Reporting month';
COMMENT ON COLUMN dw.fact_transfer_payment_month.ytd_amount_wan IS '本年累计争取到位（万元） / YTD amount secured, 10k CNY';
COMMENT ON COLUMN dw.fact_transfer_payment_month.prior_ytd_amount_wan IS '报表所填上年同期（万元） / Reported prior-year YTD, 10k CNY';
COMMENT ON COLUMN dw.fact_transfer_payment_month.reported_yoy_pct IS '报表所填同比（%） / Reported YoY, percent';
COMMENT ON COLUMN dw.fact_transfer_payment_month.batch_key IS '来源批次 / Source batch';
COMMENT ON COLUMN dw.fact_transfer_payment_month.line_no IS '源文件行号 / Line in the source file';

CREATE TABLE dw.fact_target (
    region_key     bigint   NOT NULL REFERENCES dw.dim_region (region_key),
    department_key bigint   REFERENCES dw.dim_department (department_key),
    indicator_key  bigint   NOT NULL REFERENCES dw.dim_indicator (indicator_key),
    year           smallint NOT NULL,
    month_no       smallint NOT NULL CHECK (month_no BETWEEN 0 AND 12),
    target_wan     numeric(18, 4),
    rate_pct       numeric(7, 2),
    batch_key      bigint   NOT NULL REFERENCES etl.load_batch (batch_key),
    line_no        integer  NOT NULL
);
CREATE UNIQUE INDEX fact_target_key
    ON dw.fact_target (region_key, (coalesce(department_key, 0)), indicator_key, year, month_no);
CREATE INDEX fact_target_batch_idx ON dw.fact_target (batch_key);
COMMENT ON TABLE dw.fact_target IS '目标任务：地区或单位 × 指标 × 年（× 月的累计分解） / Targets: region or department × indicator × year (× cumulative monthly decomposition)';
COMMENT ON COLUMN dw.fact_target.region_key IS '地区；单位目标时为所属市 / Region; the city for a department target';
COMMENT ON COLUMN dw.fact_target.department_key IS '责任单位（地区目标时为空） / Department, null for a region target';
COMMENT ON COLUMN dw.fact_target.indicator_key IS '指标 / Indicator';
COMMENT ON COLUMN dw.fact_target.year IS '年份 / Year';
COMMENT ON COLUMN dw.fact_target.month_no IS '0 为全年目标，1-12 为截至该月的累计目标 / 0 = annual target; 1-12 = cumulative target to that month';
COMMENT ON COLUMN dw.fact_target.target_wan IS '目标金额（万元） / Target amount, 10k CNY';
COMMENT ON COLUMN dw.fact_target.rate_pct IS '目标增速（%），表中给出时 / Target growth rate in percent, when the sheet gives one';
COMMENT ON COLUMN dw.fact_target.batch_key IS '来源批次 / Source batch';
COMMENT ON COLUMN dw.fact_target.line_no IS '源文件行号 / Line in the source file';

-- ---------------------------------------------------------------------------------------
-- Summaries the loader maintains (no triggers: DESIGN §9). Reports read these, not the facts.
-- ---------------------------------------------------------------------------------------

CREATE TABLE dw.agg_project_region_month (
    region_key     bigint  NOT NULL REFERENCES dw.dim_region (region_key),
    indicator_key  bigint  NOT NULL REFERENCES dw.dim_indicator (indicator_key),
    month_key      integer NOT NULL REFERENCES dw.dim_month (month_key),
    ytd_completed_wan   numeric(20, 4) NOT NULL,
    month_completed_wan numeric(20, 4),
    annual_plan_wan     numeric(20, 4),
    project_count  integer NOT NULL,
    stalled_count  integer NOT NULL,
    PRIMARY KEY (region_key, indicator_key, month_key)
);
COMMENT ON TABLE dw.agg_project_region_month IS '项目进度按地区、指标、月份汇总（装载程序维护） / Project progress summed by region, indicator and month; maintained by the loader';
COMMENT ON COLUMN dw.agg_project_region_month.region_key IS '地区 / Region';
COMMENT ON COLUMN dw.agg_project_region_month.indicator_key IS '指标（项目按类别标志计入） / Indicator the projects count toward';
COMMENT ON COLUMN dw.agg_project_region_month.month_key IS '报告期 / Month';
COMMENT ON COLUMN dw.agg_project_region_month.ytd_completed_wan IS '本年累计完成投资合计（万元） / Sum of YTD completed, 10k CNY';
COMMENT ON COLUMN dw.agg_project_region_month.month_completed_wan IS '本月完成投资合计（万元） / Sum completed this month';
COMMENT ON COLUMN dw.agg_project_region_month.annual_plan_wan IS '年度计划投资合计（万元） / Sum of annual plans';
COMMENT ON COLUMN dw.agg_project_region_month.project_count IS '项目个数 / Number of projects';
COMMENT ON COLUMN dw.agg_project_region_month.stalled_count IS '停工项目个数 / Number of stalled projects';

CREATE TABLE dw.agg_project_department_month (
    region_key     bigint  NOT NULL REFERENCES dw.dim_region (region_key),
    department_key bigint  NOT NULL REFERENCES dw.dim_department (department_key),
    indicator_key  bigint  NOT NULL REFERENCES dw.dim_indicator (indicator_key),
    month_key      integer NOT NULL REFERENCES dw.dim_month (month_key),
    ytd_completed_wan numeric(20, 4) NOT NULL,
    project_count  integer NOT NULL,
    PRIMARY KEY (region_key, department_key, indicator_key, month_key)
);
COMMENT ON TABLE dw.agg_project_department_month IS '项目进度按地区、责任单位、指标、月份汇总 / Project progress summed by region, department, indicator and month';
COMMENT ON COLUMN dw.agg_project_department_month.region_key IS '地区 / Region';
COMMENT ON COLUMN dw.agg_project_department_month.department_key IS '责任单位 / Department';
COMMENT ON COLUMN dw.agg_project_department_month.indicator_key IS '指标 / Indicator';
COMMENT ON COLUMN dw.agg_project_department_month.month_key IS '报告期 / Month';
COMMENT ON COLUMN dw.agg_project_department_month.ytd_completed_wan IS '本年累计完成投资合计（万元） / Sum of YTD completed';
COMMENT ON COLUMN dw.agg_project_department_month.project_count IS '项目个数 / Number of projects';

CREATE TABLE dw.agg_project_category_month (
    region_key     bigint  NOT NULL REFERENCES dw.dim_region (region_key),
    category       text    NOT NULL,
    indicator_key  bigint  NOT NULL REFERENCES dw.dim_indicator (indicator_key),
    month_key      integer NOT NULL REFERENCES dw.dim_month (month_key),
    ytd_completed_wan numeric(20, 4) NOT NULL,
    project_count  integer NOT NULL,
    PRIMARY KEY (region_key, category, indicator_key, month_key)
);
COMMENT ON TABLE dw.agg_project_category_month IS '项目进度按地区、项目类别、指标、月份汇总 / Project progress summed by region, category, indicator and month';
COMMENT ON COLUMN dw.agg_project_category_month.region_key IS '地区 / Region';
COMMENT ON COLUMN dw.agg_project_category_month.category IS '项目类别（未分类为空串） / Category, empty when unknown';
COMMENT ON COLUMN dw.agg_project_category_month.indicator_key IS '指标 / Indicator';
COMMENT ON COLUMN dw.agg_project_category_month.month_key IS '报告期 / Month';
COMMENT ON COLUMN dw.agg_project_category_month.ytd_completed_wan IS '本年累计完成投资合计（万元） / Sum of YTD completed';
COMMENT ON COLUMN dw.agg_project_category_month.project_count IS '项目个数 / Number of projects';

-- Which projects count toward which indicator. fai counts every project.
CREATE FUNCTION dw.project_counts_toward(p dw.dim_project, indicator_code text)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE indicator_code
        WHEN 'fai' THEN true
        WHEN 'industrial' THEN p.is_industrial
        WHEN 'manufacturing' THEN p.is_manufacturing
        WHEN 'private' THEN p.is_private
        WHEN 'infrastructure' THEN p.is_infrastructure
        WHEN 'real_estate' THEN p.is_real_estate
        ELSE false END
$$;
COMMENT ON FUNCTION dw.project_counts_toward(dw.dim_project, text) IS '项目是否计入某指标 / Whether a project counts toward an indicator';

-- Recomputes the three project summaries for one region and month, set-based. The loader
-- calls it for every (region, month) a batch touched, inside the batch's transaction.
CREATE FUNCTION dw.refresh_project_aggregates(p_region_key bigint, p_month_key integer)
RETURNS void LANGUAGE sql AS $$
    DELETE FROM dw.agg_project_region_month WHERE region_key = p_region_key AND month_key = p_month_key;
    DELETE FROM dw.agg_project_department_month WHERE region_key = p_region_key AND month_key = p_month_key;
    DELETE FROM dw.agg_project_category_month WHERE region_key = p_region_key AND month_key = p_month_key;

    INSERT INTO dw.agg_project_region_month
        (region_key, indicator_key, month_key, ytd_completed_wan, month_completed_wan, annual_plan_wan,
         project_count, stalled_count)
    SELECT f.region_key, i.indicator_key, f.month_key,
           sum(f.ytd_completed_wan), sum(f.month_completed_wan), sum(f.annual_plan_wan),
           count(*), count(*) FILTER (WHERE f.status = '停工')
    FROM dw.fact_project_month f
    JOIN dw.dim_project p ON p.region_key = f.region_key AND p.project_key = f.project_key
    JOIN dw.dim_indicator i ON dw.project_counts_toward(p, i.indicator_code)
    WHERE f.region_key = p_region_key AND f.month_key = p_month_key
    GROUP BY f.region_key, i.indicator_key, f.month_key;

    INSERT INTO dw.agg_project_department_month
        (region_key, department_key, indicator_key, month_key, ytd_completed_wan, project_count)
    SELECT f.region_key, p.department_key, i.indicator_key, f.month_key, sum(f.ytd_completed_wan), count(*)
    FROM dw.fact_project_month f
    JOIN dw.dim_project p ON p.region_key = f.region_key AND p.project_key = f.project_key
    JOIN dw.dim_indicator i ON dw.project_counts_toward(p, i.indicator_code)
    WHERE f.region_key = p_region_key AND f.month_key = p_month_key AND p.department_key IS NOT NULL
    GROUP BY f.region_key, p.department_key, i.indicator_key, f.month_key;

    INSERT INTO dw.agg_project_category_month
        (region_key, category, indicator_key, month_key, ytd_completed_wan, project_count)
    SELECT f.region_key, coalesce(p.category, ''), i.indicator_key, f.month_key, sum(f.ytd_completed_wan), count(*)
    FROM dw.fact_project_month f
    JOIN dw.dim_project p ON p.region_key = f.region_key AND p.project_key = f.project_key
    JOIN dw.dim_indicator i ON dw.project_counts_toward(p, i.indicator_code)
    WHERE f.region_key = p_region_key AND f.month_key = p_month_key
    GROUP BY f.region_key, coalesce(p.category, ''), i.indicator_key, f.month_key;
$$;
COMMENT ON FUNCTION dw.refresh_project_aggregates(bigint, integer) IS '重算某地区某月的项目汇总（装载程序调用） / Recompute project summaries for one region and month (called by the loader)';

-- Report settings that operators tune without a release.
CREATE TABLE dw.report_setting (
    name        text PRIMARY KEY,
    value       numeric NOT NULL,
    description text NOT NULL
);
COMMENT ON TABLE dw.report_setting IS '报表参数（可调） / Report settings, tunable';
COMMENT ON COLUMN dw.report_setting.name IS '参数名 / Setting name';
COMMENT ON COLUMN dw.report_setting.value IS '取值 / Value';
COMMENT ON COLUMN dw.report_setting.description IS '说明 / What it controls';
INSERT INTO dw.report_setting (name, value, description) VALUES
    ('reminder_gap_pp', 10, '低于目标增速多少个百分点发提醒函 / Percentage points below the target rate that trigger a reminder letter'),
    ('yoy_flag_pp', 0.1, '计算与报表同比相差超过多少个百分点时标记 / Flag when computed and reported YoY differ by more than this many pp');

-- ---------------------------------------------------------------------------------------
-- Seeds: regions (GB/T 2260), zones, departments
-- ---------------------------------------------------------------------------------------

INSERT INTO dw.dim_region (region_code, name, name_en, level, sort_order)
VALUES ('450000', '广西壮族自治区', 'Guangxi Zhuang Autonomous Region', 'province', 0);

INSERT INTO dw.dim_region (region_code, name, name_en, level, parent_key, sort_order)
SELECT v.code, v.name, v.name_en, 'city', (SELECT region_key FROM dw.dim_region WHERE region_code = '450000'), v.ord
FROM (VALUES
    ('450100', '南宁市', 'Nanning', 1), ('450200', '柳州市', 'Liuzhou', 2), ('450300', '桂林市', 'Guilin', 3),
    ('450400', '梧州市', 'Wuzhou', 4), ('450500', '北海市', 'Beihai', 5), ('450600', '防城港市', 'Fangchenggang', 6),
    ('450700', '钦州市', 'Qinzhou', 7), ('450800', '贵港市', 'Guigang', 8), ('450900', '玉林市', 'Yulin', 9),
    ('451000', '百色市', 'Baise', 10), ('451100', '贺州市', 'Hezhou', 11), ('451200', '河池市', 'Hechi', 12),
    ('451300', '来宾市', 'Laibin', 13), ('451400', '崇左市', 'Chongzuo', 14)
) AS v(code, name, name_en, ord);

INSERT INTO dw.dim_region (region_code, name, name_en, level, parent_key, sort_order)
SELECT v.code, v.name, v.name_en, v.level, (SELECT region_key FROM dw.dim_region WHERE region_code = '450700'), v.ord
FROM (VALUES
    ('450702', '钦南区', 'Qinnan District', 'county', 1),
    ('450703', '钦北区', 'Qinbei District', 'county', 2),
    ('450721', '灵山县', 'Lingshan County', 'county', 3),
    ('450722', '浦北县', 'Pubei County', 'county', 4),
    ('450700Z01', '自贸区钦州港片区', 'Qinzhou Port Area, China (Guangxi) Pilot Free Trade Zone', 'zone', 11),
    ('450700Z02', '中马钦州产业园区', 'China-Malaysia Qinzhou Industrial Park', 'zone', 12),
    ('450700Z03', '钦州高新区', 'Qinzhou High-tech Zone', 'zone', 13),
    ('450700Z04', '三娘湾旅游管理区', 'Sanniang Bay Tourism Area', 'zone', 14)
) AS v(code, name, name_en, level, ord);

-- Every region is reachable by its name, its code and the usual short forms.
INSERT INTO dw.dim_region_alias (alias_normalized, alias, region_key)
SELECT name, name, region_key FROM dw.dim_region
UNION ALL
SELECT region_code, region_code, region_key FROM dw.dim_region;

INSERT INTO dw.dim_region_alias (alias_normalized, alias, region_key)
SELECT v.alias, v.alias, r.region_key
FROM (VALUES
    ('广西', '450000'), ('南宁', '450100'), ('柳州', '450200'), ('桂林', '450300'), ('梧州', '450400'),
    ('北海', '450500'), ('防城港', '450600'), ('钦州', '450700'), ('全市', '450700'), ('钦州市本级', '450700'),
    ('市本级', '450700'), ('贵港', '450800'), ('玉林', '450900'), ('百色', '451000'), ('贺州', '451100'),
    ('河池', '451200'), ('来宾', '451300'), ('崇左', '451400'),
    ('钦南', '450702'), ('钦北', '450703'), ('灵山', '450721'), ('浦北', '450722'),
    ('钦州市钦南区', '450702'), ('钦州市钦北区', '450703'), ('钦州市灵山县', '450721'), ('钦州市浦北县', '450722'),
    ('钦州港片区', '450700Z01'), ('自贸区钦州港片区', '450700Z01'), ('钦州港', '450700Z01'),
    ('中国(广西)自由贸易试验区钦州港片区', '450700Z01'), ('广西自贸区钦州港片区', '450700Z01'),
    ('钦州港经济技术开发区', '450700Z01'), ('钦州港区', '450700Z01'),
    ('中马产业园', '450700Z02'), ('中马钦州产业园', '450700Z02'), ('中马产业园区', '450700Z02'),
    ('钦州高新技术产业开发区', '450700Z03'), ('高新区', '450700Z03'),
    ('三娘湾', '450700Z04'), ('三娘湾管理区', '450700Z04')
) AS v(alias, code)
JOIN dw.dim_region r ON r.region_code = v.code
ON CONFLICT (alias_normalized) DO NOTHING;

INSERT INTO dw.dim_department (name, name_en, is_seeded) VALUES
    ('市发展改革委', 'Municipal Development and Reform Commission', true),
    ('市工业和信息化局', 'Municipal Bureau of Industry and Information Technology', true),
    ('市财政局', 'Municipal Finance Bureau', true),
    ('市住房城乡建设局', 'Municipal Housing and Urban-Rural Development Bureau', true),
    ('市交通运输局', 'Municipal Transport Bureau', true),
    ('市自然资源局', 'Municipal Natural Resources Bureau', true),
    ('市水利局', 'Municipal Water Resources Bureau', true),
    ('市农业农村局', 'Municipal Agriculture and Rural Affairs Bureau', true),
    ('市商务局', 'Municipal Commerce Bureau', true),
    ('市统计局', 'Municipal Statistics Bureau', true),
    ('市生态环境局', 'Municipal Ecology and Environment Bureau', true),
    ('市教育局', 'Municipal Education Bureau', true),
    ('市卫生健康委', 'Municipal Health Commission', true),
    ('市投资促进局', 'Municipal Investment Promotion Bureau', true);

INSERT INTO dw.dim_department_alias (alias_normalized, alias, department_key)
SELECT name, name, department_key FROM dw.dim_department;

INSERT INTO dw.dim_department_alias (alias_normalized, alias, department_key)
SELECT v.alias, v.alias, d.department_key
FROM (VALUES
    ('市发改委', '市发展改革委'), ('钦州市发展和改革委员会', '市发展改革委'), ('市发展和改革委员会', '市发展改革委'),
    ('市工信局', '市工业和信息化局'), ('钦州市工业和信息化局', '市工业和信息化局'),
    ('钦州市财政局', '市财政局'),
    ('市住建局', '市住房城乡建设局'), ('市住房和城乡建设局', '市住房城乡建设局'),
    ('市交通局', '市交通运输局'), ('市资源局', '市自然资源局'), ('市农业局', '市农业农村局'),
    ('市生态环境保护局', '市生态环境局'), ('市卫健委', '市卫生健康委'), ('市投促局', '市投资促进局')
) AS v(alias, name)
JOIN dw.dim_department d ON d.name = v.name
ON CONFLICT (alias_normalized) DO NOTHING;

-- ---------------------------------------------------------------------------------------
-- Roles. Roles are cluster-wide, so they are created once and tolerated when present
-- (parallel test databases on one server race here).
-- ---------------------------------------------------------------------------------------

DO $$
BEGIN
    BEGIN
        CREATE ROLE invest_analyst NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
    BEGIN
        CREATE ROLE invest_loader NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
END
$$;

-- The analyst reads the analyst schema's views and nothing else; views run with their
-- owner's rights, so analysts need no grant on dw or etl.
REVOKE ALL ON SCHEMA dw, etl FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA analyst TO invest_analyst;
ALTER DEFAULT PRIVILEGES IN SCHEMA analyst GRANT SELECT ON TABLES TO invest_analyst;

-- The loader reads and writes data but owns nothing, so it cannot drop or alter the schema.
GRANT USAGE ON SCHEMA dw, etl, analyst TO invest_loader;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA dw, etl TO invest_loader;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA dw, etl TO invest_loader;
GRANT SELECT ON ALL TABLES IN SCHEMA analyst TO invest_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA dw, etl GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO invest_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA dw, etl GRANT USAGE, SELECT ON SEQUENCES TO invest_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA analyst GRANT SELECT ON TABLES TO invest_loader;
