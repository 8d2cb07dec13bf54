import Foundation
import PostgresClient
import TestSupport
import Testing

@Suite struct MigrateCommandTests {
    /// A database never migrated: both tools say to migrate and exit 69 (no warehouse there yet),
    /// not 70 with a bare SQL error.
    @Test func unmigratedDatabaseSaysToMigrate() throws {
        try TestDatabase.withFreshDatabase { _, url in
            let status = try Subprocess.run(try Executables.url(of: "invest-etl"), ["status", "--database-url", url])
            #expect(status.exitCode == 69, "\(status)")
            #expect(status.stderr.contains("run `invest-etl migrate` first"), "\(status)")
            let report = try Subprocess.run(try Executables.url(of: "invest-report"), ["yoy", "--month", "2022-06"],
                                            environment: ["DATABASE_URL": url])
            #expect(report.exitCode == 69, "\(report)")
            #expect(report.stderr.contains("migrate"), "\(report)")
        }
    }

    /// `rejects --batch` naming no batch is a usage error, as `batch revert` says.
    @Test func rejectsOfAnUnknownBatchIs64() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { _, url in
            let rejects = try Subprocess.run(try Executables.url(of: "invest-etl"), ["rejects", "--batch", "99999", "--database-url", url])
            #expect(rejects.exitCode == 64, "\(rejects)")
            #expect(rejects.stderr.contains("no batch 99999"), "\(rejects)")
        }
    }

    @Test func migrateTwicePrintsNothingPendingTheSecondTime() throws {
        let executable = try Executables.url(of: "invest-etl")
        try TestDatabase.withFreshDatabase { connection, url in
            let sqlDir = TestDatabase.sqlDirectory.path
            let first = try Subprocess.run(executable, ["migrate", "--database-url", url, "--sql-dir", sqlDir])
            #expect(first.exitCode == 0, "\(first)")
            #expect(first.stdout.contains("applied V001__"), "\(first)")
            #expect(first.stdout.contains("schema summary"))
            #expect(first.stdout.contains("etl.schema_migration"))
            #expect(first.stdout.contains("dw.dim_region"))

            // Found without --sql-dir: walking up from the executable reaches the repository.
            let second = try Subprocess.run(
                executable, ["migrate"], environment: ["DATABASE_URL": url, "INVEST_SQL_DIR": nil],
                currentDirectory: FileManager.default.temporaryDirectory)
            #expect(second.exitCode == 0, "\(second)")
            #expect(second.stdout.contains("nothing pending"), "\(second)")
            #expect(!second.stdout.contains("applied V"))

            let versions = try connection.query("SELECT count(*) AS n FROM etl.schema_migration").first?.int("n")
            let files = try FileManager.default.contentsOfDirectory(atPath: sqlDir + "/migrations").filter { $0.hasSuffix(".sql") }
            #expect(versions == files.count)
        }
    }

    @Test func editedAppliedMigrationExits65NamingTheFile() throws {
        let executable = try Executables.url(of: "invest-etl")
        let sql = FileManager.default.temporaryDirectory.appendingPathComponent("cli-sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: sql.appendingPathComponent("migrations"), withIntermediateDirectories: true)
        let file = sql.appendingPathComponent("migrations/V001__t.sql")
        try "CREATE TABLE t (x int);".write(to: file, atomically: true, encoding: .utf8)
        try TestDatabase.withFreshDatabase { _, url in
            let first = try Subprocess.run(executable, ["migrate", "--database-url", url, "--sql-dir", sql.path])
            #expect(first.exitCode == 0, "\(first)")
            try "CREATE TABLE t (x bigint);".write(to: file, atomically: true, encoding: .utf8)
            let second = try Subprocess.run(executable, ["migrate", "--database-url", url, "--sql-dir", sql.path])
            #expect(second.exitCode == 65, "\(second)")
            #expect(second.stderr.contains("V001__t.sql"))
            #expect(second.stderr.contains("edited"))
        }
    }

    @Test func missingSQLDirectoryIsAUsageError() throws {
        let executable = try Executables.url(of: "invest-etl")
        let result = try Subprocess.run(
            executable, ["migrate", "--database-url", try TestDatabase.serverURL(), "--sql-dir", "/nonexistent/sql"])
        #expect(result.exitCode == 64, "\(result)")
        #expect(result.stderr.contains("/nonexistent/sql"))
    }
}
