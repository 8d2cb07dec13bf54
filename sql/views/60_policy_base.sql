-- Policy tracking (issue 8), shared pieces: the policy targets resolved per year, and the
-- city every region belongs to (the policy's counts and amounts are city targets).

CREATE VIEW analyst.policy_target AS
SELECT t.target_code, t.category, y.year, t.value, t.unit, t.from_policy, t.description,
       CASE WHEN t.year IS NULL THEN 'default' ELSE 'per-year' END AS target_source
FROM (SELECT DISTINCT year FROM dw.dim_month) y
JOIN LATERAL (
    SELECT DISTINCT ON (p.target_code, p.category) p.*
    FROM dw.policy_target p
    WHERE p.year = y.year OR p.year IS NULL
    ORDER BY p.target_code, p.category, p.year IS NULL
) t ON true;
COMMENT ON VIEW analyst.policy_target IS '政策目标（每年一行：有当年专门配置用之，否则用默认值；改 dw.policy_target 即可调整） / Policy targets per year: the row for the year, else the default; edit dw.policy_target to change them';
COMMENT ON COLUMN analyst.policy_target.target_code IS '目标代码 / Target code';
COMMENT ON COLUMN analyst.policy_target.category IS '类别（储备池领域；不分类为空串） / Category (reserve-pool field; empty when none)';
COMMENT ON COLUMN analyst.policy_target.year IS '年份 / Year';
COMMENT ON COLUMN analyst.policy_target.value IS '目标值 / Target value';
COMMENT ON COLUMN analyst.policy_target.unit IS '单位 / Unit';
COMMENT ON COLUMN analyst.policy_target.from_policy IS '政策明确给出（否则为暂定、可调整） / Stated by the policy (else a configurable placeholder)';
COMMENT ON COLUMN analyst.policy_target.description IS '说明 / Description';
COMMENT ON COLUMN analyst.policy_target.target_source IS '来源：per-year 按年配置 / default 默认 / Source';

CREATE VIEW analyst.region_city AS
SELECT c.descendant_key AS region_key, c.ancestor_key AS city_key, cr.region_code AS city_code, cr.name AS city
FROM analyst.region_closure c
JOIN dw.dim_region cr ON cr.region_key = c.ancestor_key AND cr.level = 'city';
COMMENT ON VIEW analyst.region_city IS '每个地区所属的市（市本身属于自己） / The city each region belongs to (a city belongs to itself)';
COMMENT ON COLUMN analyst.region_city.region_key IS '地区代理键 / Region key';
COMMENT ON COLUMN analyst.region_city.city_key IS '所属市代理键 / City key';
COMMENT ON COLUMN analyst.region_city.city_code IS '所属市代码 / City code';
COMMENT ON COLUMN analyst.region_city.city IS '所属市名称 / City name';
