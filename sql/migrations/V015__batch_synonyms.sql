-- V015: a batch keeps the operator synonym files it was read with (invest-etl load --synonyms).
--
-- `invest-etl batch revert` re-derives the batch a revision superseded from its stored bytes,
-- with the layout, month, region and encoding recorded on that batch. A file whose headers only
-- an operator synonym file explains could not be re-derived (the file is not stored), so its
-- revision could not be reverted. The files' text is small (a few lines a county) and is kept
-- as it was read, in the order given.

ALTER TABLE etl.load_batch ADD COLUMN synonyms text;
COMMENT ON COLUMN etl.load_batch.synonyms IS '装载时使用的操作员表头同义词文件内容（--synonyms，按给出顺序拼接；无则为空） / Text of the operator synonym files the batch was read with (--synonyms, concatenated in order); NULL when none';
