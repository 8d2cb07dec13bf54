-- V004: the rest of the policy (issue 8): central-budget investment, special bonds, the
-- infrastructure reserve pool, the planned restart of stalled projects, and the policy's
-- targets as data (dw.policy_target), so that a new year's figures need no release.
--
-- Citus rules as in V001 (DESIGN §9): facts are keyed with region_key, point at dim_project
-- through (region_key, project_key) and otherwise only at small tables; staging is keyed by
-- region_key like the facts it feeds; no triggers.

-- ---------------------------------------------------------------------------------------
-- New layouts in the batch bookkeeping
-- ---------------------------------------------------------------------------------------

ALTER TABLE etl.load_batch DROP CONSTRAINT load_batch_layout_check;
ALTER TABLE etl.load_batch ADD CONSTRAINT load_batch_layout_check CHECK (layout IN (
    'project-progress', 'indicator-summary', 'transfer-payments', 'targets',
    'central-budget', 'special-bonds', 'reserve-pool'));
COMMENT ON COLUMN etl.load_batch.layout IS '版式：project-progress / indicator-summary / transfer-payments / targets / central-budget 中央预算内投资 / special-bonds 专项债券 / reserve-pool 项目储备 / Layout';

-- ---------------------------------------------------------------------------------------
-- Stalled projects: the planned restart month (计划复工时间) of project-progress sheets
-- ---------------------------------------------------------------------------------------

ALTER TABLE dw.fact_project_month ADD COLUMN planned_restart date;
COMMENT ON COLUMN dw.fact_project_month.planned_restart IS '计划复工时间（停工项目；只给月份时为当月1日） / Planned restart of a stalled project (day 1 when only a month was given)';
ALTER TABLE etl.stage_project ADD COLUMN planned_restart date;

-- ---------------------------------------------------------------------------------------
-- Policy targets (data, not code)
-- ---------------------------------------------------------------------------------------

CREATE TABLE dw.policy_target (
    policy_target_key bigint   GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_code       text     NOT NULL,
    category          text     NOT NULL DEFAULT '',
    year              smallint,
    value             numeric  NOT NULL,
    unit              text     NOT NULL,
    from_policy       boolean  NOT NULL,
    description       text     NOT NULL
);
CREATE UNIQUE INDEX policy_target_code_key ON dw.policy_target (target_code, category, (coalesce(year, 0)));
COMMENT ON TABLE dw.policy_target IS '政策目标（可配置；某年有专门一行时用该行，否则用 year 为空的默认行） / Policy targets, configurable: a row for the year wins over the default row (year null)';
COMMENT ON COLUMN dw.policy_target.policy_target_key IS '目标代理键 / Surrogate key';
COMMENT ON COLUMN dw.policy_target.target_code IS '目标代码，如 central_budget_issued_wan、reserve_count / Target code';
COMMENT ON COLUMN dw.policy_target.category IS '类别（储备池领域，如 产业园区；不分类为空串） / Category (reserve-pool field such as 产业园区; empty when none)';
COMMENT ON COLUMN dw.policy_target.year IS '适用年份，空为默认 / Year it applies to; null = default for every year';
COMMENT ON COLUMN dw.policy_target.value IS '目标值 / Target value';
COMMENT ON COLUMN dw.policy_target.unit IS '单位：万元、%、个、月 / Unit';
COMMENT ON COLUMN dw.policy_target.from_policy IS '是否政策文件明确给出（否则为可调整的暂定值） / Stated by the policy (else a configurable placeholder)';
COMMENT ON COLUMN dw.policy_target.description IS '说明 / What it means';

INSERT INTO dw.policy_target (target_code, category, value, unit, from_policy, description) VALUES
    ('central_budget_issued_wan', '', 40000, '万元', true, '全年争取下达中央预算内投资 4亿元 / Central-budget investment issued in the year: 400 million CNY'),
    ('central_budget_payment_pct', '', 85, '%', true, '中央预算内投资支付率 / Payment rate of central-budget funds'),
    ('central_budget_start_months', '', 3, '月', true, '计划下达后几个月内须开工 / Months after the plan is issued within which the project must start'),
    ('special_bond_usage_pct', '', 100, '%', true, '专项债券在使用期限前须用完的比例 / Share of a bond batch to be used by its deadline'),
    ('special_bond_use_months_after_half', '', 2, '月', true, '使用期限：发行所在半年结束后第几个月月底（2：上半年发行的8月底前用完；下半年发行的次年2月底前） / Use-by deadline: end of the n-th month after the half year of issue (2: first-half bonds by end of August, second-half bonds by end of February next year)'),
    ('key_project_count', '', 20, '个', true, '重点项目个数（按累计完成投资排名） / Number of key projects (ranked by YTD completed investment)'),
    ('key_project_as_of_month', '', 6, '月', true, '重点项目按几月累计完成投资确定 / Month whose YTD completed investment picks the key projects');

-- The reserve pool by category: 产业园区 is stated by the policy; the other categories'
-- figures are placeholders of a plausible size, to be set by the office (from_policy = false).
INSERT INTO dw.policy_target (target_code, category, value, unit, from_policy, description)
SELECT t.code, c.category, CASE t.code WHEN 'reserve_count' THEN c.n WHEN 'reserve_total_wan' THEN c.total ELSE c.upper END,
       CASE t.code WHEN 'reserve_count' THEN '个' ELSE '万元' END, c.from_policy, t.description
FROM (VALUES
    ('产业园区',     40, 2300000, 900000, true, 1),
    ('农林水利',     30, 1000000, 400000, false, 2),
    ('城市更新',     20,  800000, 300000, false, 3),
    ('交通',         25, 1500000, 600000, false, 4),
    ('社会民生',     30,  600000, 250000, false, 5),
    ('生态环保',     20,  500000, 200000, false, 6),
    ('能源',         15, 1200000, 300000, false, 7),
    ('新型基础设施', 15,  500000, 150000, false, 8)
) AS c(category, n, total, upper, from_policy, ord)
CROSS JOIN (VALUES
    ('reserve_count', '储备项目个数下限 / Minimum number of projects in reserve'),
    ('reserve_total_wan', '储备项目总投资下限（万元） / Minimum total investment of the reserve, 10k CNY'),
    ('reserve_upper_funds_wan', '拟争取上级资金下限（万元） / Minimum upper-level funds to secure, 10k CNY')
) AS t(code, description)
ORDER BY c.ord, t.code;

-- ---------------------------------------------------------------------------------------
-- Facts
-- ---------------------------------------------------------------------------------------

CREATE TABLE dw.fact_central_budget_month (
    region_key        bigint  NOT NULL REFERENCES dw.dim_region (region_key),
    project_key       bigint  NOT NULL,
    plan_issued_date  date    NOT NULL,
    month_key         integer NOT NULL REFERENCES dw.dim_month (month_key),
    plan_amount_wan   numeric(18, 4) NOT NULL CHECK (plan_amount_wan >= 0),
    paid_to_date_wan  numeric(18, 4) CHECK (paid_to_date_wan >= 0),
    start_date        date,
    batch_key         bigint  NOT NULL REFERENCES etl.load_batch (batch_key),
    line_no           integer NOT NULL,
    PRIMARY KEY (region_key, project_key, plan_issued_date, month_key),
    FOREIGN KEY (region_key, project_key) REFERENCES dw.dim_project (region_key, project_key)
);
CREATE INDEX fact_central_budget_month_batch_idx ON dw.fact_central_budget_month (batch_key);
CREATE INDEX fact_central_budget_month_month_idx ON dw.fact_central_budget_month (month_key, region_key);
COMMENT ON TABLE dw.fact_central_budget_month IS '中央预算内投资：每个项目、每次计划下达、每个报告期一行 / Central-budget investment: one row per project, plan (issued date) and reporting month';
COMMENT ON COLUMN dw.fact_central_budget_month.region_key IS '地区 / Region';
COMMENT ON COLUMN dw.fact_central_budget_month.project_key IS '项目 / Project';
COMMENT ON COLUMN dw.fact_central_budget_month.plan_issued_date IS '计划下达时间 / Date the investment plan was issued';
COMMENT ON COLUMN dw.fact_central_budget_month.month_key IS '报告期 YYYYMM / Reporting month';
COMMENT ON COLUMN dw.fact_central_budget_month.plan_amount_wan IS '下达中央预算内投资（万元） / Central-budget amount issued, 10k CNY';
COMMENT ON COLUMN dw.fact_central_budget_month.paid_to_date_wan IS '截至报告期累计支付（万元） / Funds paid to date, 10k CNY';
COMMENT ON COLUMN dw.fact_central_budget_month.start_date IS '开工时间（未开工为空） / Start date, null when not started';
COMMENT ON COLUMN dw.fact_central_budget_month.batch_key IS '来源批次 / Source batch';
COMMENT ON COLUMN dw.fact_central_budget_month.line_no IS '源文件行号 / Line in the source file';

CREATE TABLE dw.fact_special_bond_month (
    region_key   bigint  NOT NULL REFERENCES dw.dim_region (region_key),
    project_key  bigint  NOT NULL,
    bond_batch   text    NOT NULL,
    month_key    integer NOT NULL REFERENCES dw.dim_month (month_key),
    issue_date   date    NOT NULL,
    issued_wan   numeric(18, 4) NOT NULL CHECK (issued_wan >= 0),
    used_wan     numeric(18, 4) CHECK (used_wan >= 0),
    started      boolean,
    start_date   date,
    batch_key    bigint  NOT NULL REFERENCES etl.load_batch (batch_key),
    line_no      integer NOT NULL,
    PRIMARY KEY (region_key, project_key, bond_batch, month_key),
    FOREIGN KEY (region_key, project_key) REFERENCES dw.dim_project (region_key, project_key)
);
CREATE INDEX fact_special_bond_month_batch_idx ON dw.fact_special_bond_month (batch_key);
CREATE INDEX fact_special_bond_month_month_idx ON dw.fact_special_bond_month (month_key, region_key);
COMMENT ON TABLE dw.fact_special_bond_month IS '政府专项债券：每个项目、发行批次、报告期一行 / Special bonds: one row per project, issuance batch and reporting month';
COMMENT ON COLUMN dw.fact_special_bond_month.region_key IS '地区 / Region';
COMMENT ON COLUMN dw.fact_special_bond_month.project_key IS '项目 / Project';
COMMENT ON COLUMN dw.fact_special_bond_month.bond_batch IS '发行批次，如 2022年第一批（表中无批次列时为发行日期） / Issuance batch as written (the issue date when the sheet has no batch column)';
COMMENT ON COLUMN dw.fact_special_bond_month.month_key IS '报告期 YYYYMM / Reporting month';
COMMENT ON COLUMN dw.fact_special_bond_month.issue_date IS '发行时间（决定使用期限） / Issue date (decides the use-by deadline)';
COMMENT ON COLUMN dw.fact_special_bond_month.issued_wan IS '分配给项目的发行金额（万元） / Amount issued to the project, 10k CNY';
COMMENT ON COLUMN dw.fact_special_bond_month.used_wan IS '截至报告期已使用（支出）金额（万元） / Amount used (spent) to date, 10k CNY';
COMMENT ON COLUMN dw.fact_special_bond_month.started IS '表中所填是否开工（未填为空） / Started, as the sheet says (null when not given)';
COMMENT ON COLUMN dw.fact_special_bond_month.start_date IS '开工时间 / Start date';
COMMENT ON COLUMN dw.fact_special_bond_month.batch_key IS '来源批次 / Source batch';
COMMENT ON COLUMN dw.fact_special_bond_month.line_no IS '源文件行号 / Line in the source file';

CREATE TABLE dw.fact_reserve_project_month (
    region_key           bigint  NOT NULL REFERENCES dw.dim_region (region_key),
    project_key          bigint  NOT NULL,
    month_key            integer NOT NULL REFERENCES dw.dim_month (month_key),
    reserve_category     text    NOT NULL,
    total_investment_wan numeric(18, 4) CHECK (total_investment_wan >= 0),
    upper_funds_wan      numeric(18, 4) CHECK (upper_funds_wan >= 0),
    batch_key            bigint  NOT NULL REFERENCES etl.load_batch (batch_key),
    line_no              integer NOT NULL,
    PRIMARY KEY (region_key, project_key, month_key),
    FOREIGN KEY (region_key, project_key) REFERENCES dw.dim_project (region_key, project_key)
);
CREATE INDEX fact_reserve_project_month_batch_idx ON dw.fact_reserve_project_month (batch_key);
CREATE INDEX fact_reserve_project_month_month_idx ON dw.fact_reserve_project_month (month_key, region_key);
COMMENT ON TABLE dw.fact_reserve_project_month IS '基础设施项目储备：每个储备项目、报告期一行（当期储备库快照） / Infrastructure reserve pool: one row per project in reserve and reporting month (a snapshot of the pool)';
COMMENT ON COLUMN dw.fact_reserve_project_month.region_key IS '地区 / Region';
COMMENT ON COLUMN dw.fact_reserve_project_month.project_key IS '项目 / Project';
COMMENT ON COLUMN dw.fact_reserve_project_month.month_key IS '报告期 YYYYMM / Reporting month';
COMMENT ON COLUMN dw.fact_reserve_project_month.reserve_category IS '储备类别（八类之一：产业园区、农林水利、城市更新、交通、社会民生、生态环保、能源、新型基础设施） / Reserve category, one of the eight of dw.policy_target';
COMMENT ON COLUMN dw.fact_reserve_project_month.total_investment_wan IS '总投资（万元） / Total investment, 10k CNY';
COMMENT ON COLUMN dw.fact_reserve_project_month.upper_funds_wan IS '拟争取上级资金（万元） / Upper-level funds to secure, 10k CNY';
COMMENT ON COLUMN dw.fact_reserve_project_month.batch_key IS '来源批次 / Source batch';
COMMENT ON COLUMN dw.fact_reserve_project_month.line_no IS '源文件行号 / Line in the source file';

-- ---------------------------------------------------------------------------------------
-- Staging (UNLOGGED, rows only inside the loading transaction; keyed by region_key)
-- ---------------------------------------------------------------------------------------

CREATE UNLOGGED TABLE etl.stage_central_budget (
    batch_key            bigint  NOT NULL,
    region_key           bigint  NOT NULL,
    line_no              integer NOT NULL,
    month_key            integer NOT NULL,
    project_code         text    NOT NULL,
    project_name         text    NOT NULL,
    total_investment_wan numeric,
    start_date           date,
    plan_issued_date     date    NOT NULL,
    plan_amount_wan      numeric NOT NULL,
    paid_to_date_wan     numeric
);
COMMENT ON TABLE etl.stage_central_budget IS '装载暂存：中央预算内投资 / Loader staging for central-budget investment';

CREATE UNLOGGED TABLE etl.stage_special_bond (
    batch_key            bigint  NOT NULL,
    region_key           bigint  NOT NULL,
    line_no              integer NOT NULL,
    month_key            integer NOT NULL,
    project_code         text    NOT NULL,
    project_name         text    NOT NULL,
    total_investment_wan numeric,
    start_date           date,
    bond_batch           text    NOT NULL,
    issue_date           date    NOT NULL,
    issued_wan           numeric NOT NULL,
    used_wan             numeric,
    started              boolean
);
COMMENT ON TABLE etl.stage_special_bond IS '装载暂存：专项债券 / Loader staging for special bonds';

CREATE UNLOGGED TABLE etl.stage_reserve_project (
    batch_key            bigint  NOT NULL,
    region_key           bigint  NOT NULL,
    line_no              integer NOT NULL,
    month_key            integer NOT NULL,
    project_code         text    NOT NULL,
    project_name         text    NOT NULL,
    total_investment_wan numeric,
    start_date           date,
    reserve_category     text    NOT NULL,
    upper_funds_wan      numeric
);
COMMENT ON TABLE etl.stage_reserve_project IS '装载暂存：项目储备 / Loader staging for the reserve pool';

-- ---------------------------------------------------------------------------------------
-- Grants
-- ---------------------------------------------------------------------------------------

GRANT SELECT, INSERT, UPDATE, DELETE
    ON dw.fact_central_budget_month, dw.fact_special_bond_month, dw.fact_reserve_project_month
    TO invest_loader;
GRANT SELECT ON dw.policy_target TO invest_loader;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE
    ON etl.stage_central_budget, etl.stage_special_bond, etl.stage_reserve_project
    TO invest_loader;
