-- V012: a batch of an indicator-summary or targets sheet records the indicators it covers.
--
-- Supersede was keyed on layout, region and month alone, so two bureaus' sheets for one month
-- (an industrial-investment target decomposition and a fixed-asset one) replaced each other and
-- the first one's facts were deleted. Now a later sheet supersedes an earlier one of the same
-- scope only when it covers every indicator the earlier one did; otherwise both stay loaded
-- and, where they overlap, the later value wins fact by fact.

ALTER TABLE etl.load_batch ADD COLUMN indicators text[];

COMMENT ON COLUMN etl.load_batch.indicators IS
    '本批次涵盖的指标代码（指标汇总表、目标表）；后到文件涵盖全部这些指标时才替代本批次 / Indicator codes the batch covers (indicator-summary and targets sheets); a later file supersedes it only when it covers all of them';
