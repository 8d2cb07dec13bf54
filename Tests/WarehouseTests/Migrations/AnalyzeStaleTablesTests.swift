import Foundation
import PostgresClient
import TestSupport
import Testing
@testable import Warehouse

/// V014: `dw.analyze_stale_tables()` analyzes the dw tables never analyzed or changed by more
/// than their size since, the loader calls it for every file, and the loader role may run it.
@Suite struct AnalyzeStaleTablesTests {
    static func analyzed(_ connection: Connection) throws -> [String] {
        let text = try connection.query("SELECT dw.analyze_stale_tables()::text AS t").first?["t"] ?? ""
        return text.trimmingCharacters(in: CharacterSet(charactersIn: "{}")).split(separator: ",").map(String.init)
    }

    static func analyzeCount(_ connection: Connection, _ table: String) throws -> Int {
        try LoaderFixtures.int(connection, """
            SELECT analyze_count + autoanalyze_count AS n FROM pg_stat_user_tables
            WHERE schemaname = 'dw' AND relname = \(table)
            """)
    }

    @Test func neverAnalyzedThenOnlyWhenChangedBeyondItsSize() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            try connection.execute("ALTER TABLE dw.dim_department SET (autovacuum_enabled = false)")
            // The empty tables of a fresh warehouse have never been analyzed (autovacuum skips them).
            let first = try Self.analyzed(connection)
            #expect(first.contains("dw.fact_project_month") && first.contains("dw.fact_target"), "\(first)")
            #expect(try Self.analyzed(connection).isEmpty)

            // More changed rows than the table had at its last analyze: analyzed again.
            let rows = try LoaderFixtures.int(connection, "SELECT count(*) AS n FROM dw.dim_department")
            try connection.execute("""
                INSERT INTO dw.dim_department (name)
                SELECT 'bench department ' || n FROM generate_series(1, \(rows + 1000)) AS n
                """)
            try connection.execute("SELECT pg_stat_force_next_flush()")
            #expect(try Self.analyzed(connection) == ["dw.dim_department"])
            #expect(try Self.analyzed(connection).isEmpty)
        }
    }

    @Test func theLoaderRunsItAndTheLoaderRoleMay() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            #expect(try Self.analyzeCount(connection, "fact_project_month") == 0)
            let directory = try LoaderFixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("2022-06_钦南区_重大项目进度.csv")
            try Data("""
                钦南区2022年1-6月重大项目投资进度表
                项目名称,项目代码,1-6月完成投资,项目状态
                甲项目,2020-450702-36-01-000101,500,在建
                乙项目,2020-450702-36-01-000102,300,停工

                """.utf8).write(to: file)
            #expect(try Loader(connection: connection).load(file: file).outcome == .loaded)
            // Analyzed inside the file's transaction, its own two facts counted.
            #expect(try Self.analyzeCount(connection, "fact_project_month") == 1)
            #expect(try LoaderFixtures.int(connection,
                                           "SELECT reltuples::bigint AS n FROM pg_class WHERE oid = 'dw.fact_project_month'::regclass") == 2)

            try connection.execute("SET ROLE invest_loader")
            defer { _ = try? connection.execute("RESET ROLE") }
            #expect(throws: Never.self) { _ = try Self.analyzed(connection) }
        }
    }
}
