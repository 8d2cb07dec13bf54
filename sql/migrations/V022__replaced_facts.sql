-- V022: facts replaced fact by fact are kept, so that when the batch that replaced them goes
-- (reverted, or superseded by a revision that no longer gives them) they come back (issue 6
-- probe of indicator and project sheets).
--
-- A county's correction of the city's indicator sheet, a sheet restating a few of another's
-- regions (kept loaded beside it since this session), a department's targets restating the
-- city's: the later batch replaces those figures fact by fact, the earlier batch stays
-- `loaded`. `batch revert` of the later batch deleted its facts and restored only the batches
-- it had superseded, so the county vanished from every report although the earlier batch,
-- still loaded, had given its figure. The same when the reform commission's corrected city list
-- superseded its first list: a transport project both lists gave went with it, although the
-- transport bureau's sheet, still loaded, gives it. And a county's central-budget sheet that
-- replaced the city sheet's rows for its plans: reverting it left the county's figures in place
-- (policy facts were not deleted by a revert at all).

CREATE TABLE etl.replaced_fact (
    replaced_by bigint NOT NULL REFERENCES etl.load_batch (batch_key),
    fact_table  text   NOT NULL CHECK (fact_table IN ('dw.fact_project_month', 'dw.fact_region_indicator_month',
                                                      'dw.fact_transfer_payment_month', 'dw.fact_target',
                                                      'dw.fact_central_budget_month', 'dw.fact_special_bond_month',
                                                      'dw.fact_reserve_project_month')),
    region_key  bigint NOT NULL,
    batch_key   bigint NOT NULL REFERENCES etl.load_batch (batch_key),
    fact        jsonb  NOT NULL
);
CREATE INDEX replaced_fact_replaced_by_idx ON etl.replaced_fact (replaced_by);
COMMENT ON TABLE etl.replaced_fact IS '被另一批次逐条替换的事实（该批次撤销或被取代时，若原批次仍有效则恢复） / Facts another batch replaced fact by fact, put back when that batch is reverted or superseded while their own batch is still loaded';
COMMENT ON COLUMN etl.replaced_fact.replaced_by IS '替换它的批次 / The batch that replaced the fact';
COMMENT ON COLUMN etl.replaced_fact.fact_table IS '事实表 / The fact table the row is of';
COMMENT ON COLUMN etl.replaced_fact.region_key IS '地区 / Region of the fact';
COMMENT ON COLUMN etl.replaced_fact.batch_key IS '该事实原属批次 / The batch the fact was of';
COMMENT ON COLUMN etl.replaced_fact.fact IS '事实行（to_jsonb） / The fact row as it was (to_jsonb)';
