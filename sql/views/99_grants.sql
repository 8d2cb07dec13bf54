-- Views re-created above lose nothing of the default privileges, but say it explicitly:
-- the analyst role reads every view in schema analyst, the loader too; nobody writes there.
GRANT USAGE ON SCHEMA analyst TO invest_analyst, invest_loader;
GRANT SELECT ON ALL TABLES IN SCHEMA analyst TO invest_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA analyst TO invest_loader;
