-- V026: where the nightly job put a batch's file (tester E, Q2 2022 playthrough, finding 7).
--
-- `invest-etl run` moves each file to ARCHIVE/loaded/ or ARCHIVE/rejected/ after its
-- transaction has committed (a name already there gets .1, .2, …), but the batch kept only the
-- path the file was loaded from. `invest-etl status` and `invest-etl rejects` then named
-- inbox/2022-04_….csv, a file no longer there. The job records the path it moved the file to;
-- status and rejects show it (and the inbox path as received_as). A file given to `load` is
-- not moved: the column stays null and file_name is where it is.

ALTER TABLE etl.load_batch ADD COLUMN archived_as text;
COMMENT ON COLUMN etl.load_batch.archived_as IS '夜间任务归档后的文件路径（archive/loaded/… 或 archive/rejected/…）；未经 run 归档为空 / Path the nightly run moved the file to (archive/loaded/… or archive/rejected/…); null when not archived by run';
