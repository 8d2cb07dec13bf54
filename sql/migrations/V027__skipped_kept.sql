-- V027: a line skipped because the stored figure it would have replaced is kept (probe F #3).
--
-- An indicator row without a year-to-date value (a sheet of rates, or one whose value column
-- was not recognised) is not loaded over a stored fact that has one. Such a line was counted as
-- loaded although nothing of it was; it is now skipped with kind 'kept' and a reason naming the
-- batch whose figure stayed, so every line is still loaded, skipped or rejected with a reason.

ALTER TABLE etl.skipped_row DROP CONSTRAINT skipped_row_kind_check;
ALTER TABLE etl.skipped_row ADD CONSTRAINT skipped_row_kind_check
    CHECK (kind IN ('title', 'header', 'blank', 'section', 'subtotal', 'note', 'kept'));
COMMENT ON COLUMN etl.skipped_row.kind IS '类型：title, header, blank, section, subtotal, note, kept（无本年累计值，保留已存数） / Kind (kept: a row without a year-to-date value that left a stored figure in place)';
