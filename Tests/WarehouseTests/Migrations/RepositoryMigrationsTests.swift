import Foundation
import PostgresClient
import TestSupport
import Testing
import Warehouse

/// The repository's own sql/ directory: applies cleanly twice, documents itself, and the
/// analyst role cannot change anything.
@Suite struct RepositoryMigrationsTests {
    @Test func migratesTwiceSecondTimeNothingPending() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let report = try Migrator(sqlDirectory: TestDatabase.sqlDirectory).migrate(on: connection)
            #expect(report.nothingPending)
            let files = try Migrator(sqlDirectory: TestDatabase.sqlDirectory).files()
            #expect(report.alreadyApplied == files.count)
        }
    }

    @Test func everyTableViewAndColumnHasAComment() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let missing = try connection.query("""
                SELECT n.nspname || '.' || c.relname || coalesce('.' || a.attname, '') AS object
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE n.nspname IN ('dw', 'etl', 'analyst') AND c.relkind IN ('r', 'p', 'v', 'm')
                  AND (a.attname IS NULL AND obj_description(c.oid, 'pg_class') IS NULL
                       OR a.attname IS NOT NULL AND col_description(c.oid, a.attnum) IS NULL
                          -- staging tables are the loader's scratch space: table comment only
                          AND NOT (n.nspname = 'etl' AND c.relname LIKE 'stage\\_%'))
                ORDER BY 1
                """).rows.compactMap { $0["object"] }
            #expect(missing.isEmpty, "objects without COMMENT ON: \(missing.joined(separator: ", "))")
        }
    }

    @Test(arguments: [
        "INSERT INTO dw.dim_indicator (indicator_code) VALUES ('x')",
        "UPDATE dw.dim_region SET name = name",
        "DELETE FROM dw.dim_month",
        "CREATE TABLE dw.analyst_scratch (x int)",
        "CREATE TABLE analyst.analyst_scratch (x int)",
        "CREATE SCHEMA analyst_scratch",
        "TRUNCATE dw.dim_region",
        "SELECT count(*) FROM dw.dim_region",
    ])
    func analystRoleCannotModifyAnythingNorReadRawTables(statement: String) throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            try connection.execute("SET ROLE invest_analyst")
            do {
                try connection.simpleExecute(statement)
                Issue.record("invest_analyst could run: \(statement)")
            } catch let error as PostgresError {
                #expect(error.sqlState == "42501", "\(statement): \(error)")
            }
        }
    }

    @Test func analystRoleCanRead() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            try connection.execute("SET ROLE invest_analyst")
            #expect(try connection.query("SELECT count(*) AS n FROM analyst.region").first?.int("n") ?? 0 > 0)
        }
    }
}
