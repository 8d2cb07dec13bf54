-- Analyst views are re-applied by every `invest-etl migrate`, in file-name order.
-- Dropping them first lets a later release change a view's columns (CREATE OR REPLACE VIEW
-- cannot); 99_grants.sql restores the grants. Only views live in schema analyst, so nothing
-- an analyst relies on is lost: the views come back, with their comments, in the same run.

-- "does not exist, skipping" notices on a first run are noise (transaction-local setting).
SELECT set_config('client_min_messages', 'warning', true);

-- policy tracking (60_policy_*.sql)
DROP VIEW IF EXISTS analyst.reserve_pool_category CASCADE;
DROP VIEW IF EXISTS analyst.reserve_project CASCADE;
DROP VIEW IF EXISTS analyst.stalled_region CASCADE;
DROP VIEW IF EXISTS analyst.stalled_project CASCADE;
DROP VIEW IF EXISTS analyst.key_project CASCADE;
DROP VIEW IF EXISTS analyst.special_bond_batch CASCADE;
DROP VIEW IF EXISTS analyst.special_bond_project CASCADE;
DROP VIEW IF EXISTS analyst.central_budget_summary CASCADE;
DROP VIEW IF EXISTS analyst.central_budget_project CASCADE;
DROP VIEW IF EXISTS analyst.region_city CASCADE;
DROP VIEW IF EXISTS analyst.policy_target CASCADE;
DROP VIEW IF EXISTS analyst.region_alerts CASCADE;
DROP VIEW IF EXISTS analyst.region_ranking CASCADE;
DROP VIEW IF EXISTS analyst.transfer_growth CASCADE;
DROP VIEW IF EXISTS analyst.target_progress CASCADE;
DROP VIEW IF EXISTS analyst.yoy_category CASCADE;
DROP VIEW IF EXISTS analyst.yoy_department CASCADE;
DROP VIEW IF EXISTS analyst.yoy_region CASCADE;
DROP VIEW IF EXISTS analyst.ytd_series CASCADE;
DROP VIEW IF EXISTS analyst.indicator_rate CASCADE;
DROP VIEW IF EXISTS analyst.region_closure CASCADE;
DROP VIEW IF EXISTS analyst.report_month CASCADE;
DROP VIEW IF EXISTS analyst.indicator CASCADE;
DROP VIEW IF EXISTS analyst.department CASCADE;
DROP VIEW IF EXISTS analyst.region_alias CASCADE;
DROP VIEW IF EXISTS analyst.region CASCADE;
