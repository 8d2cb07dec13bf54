-- V006: least privilege beyond V001's grants (issue 7, security).
--
-- * Temporary tables are the one CREATE that every role gets by default (TEMPORARY on the
--   database is granted to PUBLIC). Neither the analyst role nor the loader needs them: the
--   loader stages into UNLOGGED tables in etl, analysts only read views. Revoked, so that
--   "nothing an analyst runs creates or modifies anything" holds without exceptions.
--   (The database name differs per installation, hence the dynamic statement.)
-- * CREATE on the database (new schemas) is not granted to PUBLIC by default; revoked
--   explicitly so a site that had granted it is brought back in line.
-- Proved by Tests/ReliabilityTests/SecurityTests.swift (analystCanReadViewsAndNothingElse,
-- loaderCannotDropOrAlterTheSchema).

DO $$
BEGIN
    EXECUTE format('REVOKE TEMPORARY, CREATE ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('REVOKE TEMPORARY, CREATE ON DATABASE %I FROM invest_analyst, invest_loader', current_database());
END
$$;
