import Foundation
import PostgresClient
import TestSupport
import Testing
import Warehouse

@Suite struct MigratorTests {
    /// A scratch sql directory: migrations/ and views/ with the given files.
    struct SQLDirectory {
        let url: URL
        init(migrations: [String: String], views: [String: String] = [:]) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("sql-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url.appendingPathComponent("migrations"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: url.appendingPathComponent("views"), withIntermediateDirectories: true)
            for (name, text) in migrations { try write("migrations/\(name)", text) }
            for (name, text) in views { try write("views/\(name)", text) }
        }
        func write(_ path: String, _ text: String) throws {
            try text.write(to: url.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        func remove(_ path: String) throws {
            try FileManager.default.removeItem(at: url.appendingPathComponent(path))
        }
        var migrator: Migrator { Migrator(sqlDirectory: url) }
    }

    static let basic = [
        "V001__create.sql": "CREATE SCHEMA dw; CREATE TABLE dw.t (x int); INSERT INTO dw.t VALUES (1), (2);",
        "V002__more.sql": "ALTER TABLE dw.t ADD COLUMN y text DEFAULT '钦州';",
    ]
    static let views = ["10_view.sql": "CREATE SCHEMA IF NOT EXISTS analyst; CREATE OR REPLACE VIEW analyst.v AS SELECT x, y FROM dw.t;"]

    @Test func appliesInOrderThenSecondRunIsANoOp() throws {
        let sql = try SQLDirectory(migrations: Self.basic, views: Self.views)
        try TestDatabase.withFreshDatabase { connection, _ in
            let first = try sql.migrator.migrate(on: connection)
            #expect(first.applied.map(\.fileName) == ["V001__create.sql", "V002__more.sql"])
            #expect(first.viewsApplied == ["10_view.sql"])
            #expect(try connection.query("SELECT count(*) AS n FROM analyst.v WHERE y = '钦州'").first?.int("n") == 2)

            let recorded = try sql.migrator.appliedMigrations(on: connection)
            #expect(recorded.map(\.version) == [1, 2])
            #expect(recorded[0].checksum == SHA256.hexDigest(Array(Self.basic["V001__create.sql"]!.utf8)))

            let second = try sql.migrator.migrate(on: connection)
            #expect(second.nothingPending)
            #expect(second.lines.first?.hasPrefix("nothing pending") == true)
            #expect(second.viewsApplied == ["10_view.sql"])
            #expect(try connection.query("SELECT count(*) AS n FROM dw.t").first?.int("n") == 2)
            #expect(try sql.migrator.appliedMigrations(on: connection).count == 2)
        }
    }

    @Test func newFilesAreAppliedLater() throws {
        let sql = try SQLDirectory(migrations: Self.basic)
        try TestDatabase.withFreshDatabase { connection, _ in
            _ = try sql.migrator.migrate(on: connection)
            try sql.write("migrations/V003__third.sql", "INSERT INTO dw.t (x) VALUES (3);")
            let report = try sql.migrator.migrate(on: connection)
            #expect(report.applied.map(\.version) == [3])
            #expect(report.alreadyApplied == 2)
        }
    }

    @Test func refusesAnEditedAppliedFileAndAppliesNothing() throws {
        let sql = try SQLDirectory(migrations: Self.basic)
        try TestDatabase.withFreshDatabase { connection, _ in
            _ = try sql.migrator.migrate(on: connection)
            try sql.write("migrations/V001__create.sql", Self.basic["V001__create.sql"]! + "\n-- edited")
            try sql.write("migrations/V003__third.sql", "INSERT INTO dw.t (x) VALUES (3);")
            do {
                _ = try sql.migrator.migrate(on: connection)
                Issue.record("an edited applied migration must be refused")
            } catch let error as MigrationError {
                guard case .checksumMismatch(let path, let version, _, _) = error else {
                    Issue.record("wrong error \(error)")
                    return
                }
                #expect(path.hasSuffix("V001__create.sql"))
                #expect(version == 1)
                #expect(error.description.contains("V001__create.sql"))
            }
            #expect(try connection.query("SELECT count(*) AS n FROM dw.t").first?.int("n") == 2)
            #expect(try sql.migrator.appliedMigrations(on: connection).count == 2)
        }
    }

    @Test func refusesWhenAnAppliedFileIsMissing() throws {
        let sql = try SQLDirectory(migrations: Self.basic)
        try TestDatabase.withFreshDatabase { connection, _ in
            _ = try sql.migrator.migrate(on: connection)
            try sql.remove("migrations/V002__more.sql")
            do {
                _ = try sql.migrator.migrate(on: connection)
                Issue.record("a missing applied migration must be refused")
            } catch let error as MigrationError {
                #expect(error.description.contains("V002__more.sql"))
                #expect(error.description.contains("missing"))
            }
        }
    }

    @Test func aFailingMigrationRollsBackItselfOnlyAndNamesTheFile() throws {
        let sql = try SQLDirectory(migrations: [
            "V001__ok.sql": "CREATE TABLE a (x int);",
            "V002__broken.sql": "CREATE TABLE b (x int); INSERT INTO b VALUES (1); SELECT no_such_function();",
            "V003__after.sql": "CREATE TABLE c (x int);",
        ])
        try TestDatabase.withFreshDatabase { connection, _ in
            do {
                _ = try sql.migrator.migrate(on: connection)
                Issue.record("V002 should fail")
            } catch let error as MigrationError {
                #expect(error.description.contains("V002__broken.sql"))
                #expect(error.description.contains("no_such_function"))
            }
            #expect(try sql.migrator.appliedMigrations(on: connection).map(\.version) == [1])
            let tables = try connection.query("""
                SELECT string_agg(relname, ',' ORDER BY relname) AS names FROM pg_class
                WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
                """).first?["names"]
            #expect(tables == "a")
            // Lock released: a fixed file then applies.
            try sql.write("migrations/V002__broken.sql", "CREATE TABLE b (x int);")
            #expect(try sql.migrator.migrate(on: connection).applied.map(\.version) == [2, 3])
        }
    }

    @Test func aFileThatCommitsItselfIsReported() throws {
        let sql = try SQLDirectory(migrations: ["V001__commits.sql": "CREATE TABLE a (x int); COMMIT;"])
        try TestDatabase.withFreshDatabase { connection, _ in
            do {
                _ = try sql.migrator.migrate(on: connection)
                Issue.record("a self-committing migration must be reported")
            } catch let error as MigrationError {
                #expect(error.description.contains("V001__commits.sql"))
                #expect(error.description.contains("COMMIT"))
            }
            #expect(try sql.migrator.appliedMigrations(on: connection).isEmpty)
        }
    }

    @Test func waitsForAnotherMigrateHoldingTheLock() throws {
        let sql = try SQLDirectory(migrations: Self.basic)
        try TestDatabase.withFreshDatabase { connection, url in
            let other = try Connection.connect(url)
            #expect(try other.tryAdvisoryLock(key: Migrator.lockKey))
            // While the other session holds the lock, the migrator must block: check with a timeout.
            try connection.execute("SET lock_timeout = '300ms'")
            #expect(throws: PostgresError.self) { try sql.migrator.migrate(on: connection) }
            try connection.execute("RESET lock_timeout")
            #expect(try other.advisoryUnlock(key: Migrator.lockKey))
            #expect(try sql.migrator.migrate(on: connection).applied.count == 2)
        }
    }
}
