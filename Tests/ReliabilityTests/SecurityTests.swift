import Foundation
import PostgresClient
import TestSupport
import Testing

/// Misuse: hostile text in cells, file names, region names and CLI arguments; what the two
/// roles may do; secrets in error output; sslmode.
@Suite struct SecurityTests {
    static let hostile = [
        "'); DROP TABLE dw.fact_project_month; --",
        "\"; DELETE FROM etl.load_batch; --",
        "$$; DROP SCHEMA dw CASCADE; $$",
        "1; TRUNCATE dw.dim_project",
    ]

    static func tableCount(_ connection: Connection) throws -> Int {
        try Fixtures.count(connection, """
            SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname IN ('dw', 'etl', 'analyst') AND c.relkind IN ('r', 'v', 'u', 'p')
            """)
    }

    @Test func sqlInCellsFileNamesRegionsAndArgumentsIsStoredVerbatimAndNeverExecuted() throws {
        let executable = try Executables.url(of: "invest-etl")
        let directory = try Fixtures.temporaryDirectory("inject")
        defer { try? FileManager.default.removeItem(at: directory) }
        let fileName = "2022-06_灵山县_x'; DROP TABLE dw.dim_region; --.csv"
        let file = directory.appendingPathComponent(fileName)
        var text = "灵山县2022年1-6月重大项目投资进度表\n序号,项目名称,统一项目代码,责任单位,停工原因,1-6月完成投资\n"
        for (i, value) in Self.hostile.enumerated() {
            let quoted = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            text += "\(i + 1),\(quoted),2022-450721-36-01-00000\(i),\(quoted),\(quoted),\(i + 1)00\n"
        }
        try Data(text.utf8).write(to: file)
        try TestDatabase.withFreshDatabase(migrated: true) { (connection: Connection, url: String) throws -> Void in
            let tables = try Self.tableCount(connection)
            let load = try Subprocess.run(executable, ["load", "--database-url", url, file.path])
            #expect(load.exitCode == 0, "\(load)")
            let names = try connection.query("SELECT project_name FROM dw.dim_project ORDER BY project_code").rows.compactMap { $0["project_name"] }
            #expect(names == Self.hostile)
            for value in Self.hostile {
                #expect(try Fixtures.count(connection, "SELECT count(*) AS n FROM dw.dim_department WHERE name = \(value)") == 1, "\(value)")
            }
            let reasons = try connection.query("SELECT stall_reason FROM dw.fact_project_month ORDER BY line_no").rows.compactMap { $0["stall_reason"] }
            #expect(reasons == Self.hostile)
            #expect(try connection.query("SELECT file_name FROM etl.source_file").first?["file_name"] == fileName)

            // A region name given on the command line: matched as text, rejected with the name verbatim.
            let other = directory.appendingPathComponent("2022-06_其他.csv")
            try Data(text.replacingOccurrences(of: "灵山县2022年", with: "2022年").replacingOccurrences(of: "2022-450721-36-01-00000", with: "ZZ-NO-COUNTY-").utf8)
                .write(to: other)
            let region = "灵山县'); DROP TABLE dw.dim_region; --"
            let regionLoad = try Subprocess.run(executable, ["load", "--database-url", url, "--region", region, other.path])
            #expect(regionLoad.exitCode == 0 || regionLoad.exitCode == 65, "\(regionLoad)")
            let rejected = try Fixtures.count(connection, "SELECT count(*) AS n FROM etl.rejected_row WHERE reason LIKE '%' || \(region) || '%' OR raw_text LIKE '%' || \(region) || '%'")
            #expect(rejected >= 1, "the unknown region is named verbatim in the rejects: \(regionLoad)")

            // Arguments are parsed as what they are, never pasted into SQL.
            for arguments in [
                ["rejects", "--database-url", url, "--batch", "1; DROP TABLE dw.dim_project"],
                ["load", "--database-url", url, "--month", "2022-06'; DROP TABLE dw.dim_month; --", file.path],
                ["batch", "revert", "--database-url", url, "1 OR 1=1"],
                ["status", "--database-url", url, "--limit", "1; DROP TABLE etl.load_batch"],
            ] {
                let result = try Subprocess.run(executable, arguments)
                #expect(result.exitCode == 64, "\(arguments): \(result)")
            }
            #expect(try Self.tableCount(connection) == tables, "no table was dropped or created")
            #expect(try Fixtures.count(connection, "SELECT count(*) AS n FROM dw.dim_region") > 10)
            #expect(try Fixtures.count(connection, "SELECT count(*) AS n FROM dw.fact_project_month") == Self.hostile.count)
        }
    }

    /// Runs `sql` as `role` inside a transaction that is always rolled back; the SQLSTATE of
    /// the error, or nil when it succeeded.
    static func attempt(_ connection: Connection, as role: String, _ sql: String) -> String? {
        struct Rollback: Error {}
        do {
            try connection.withTransaction {
                try connection.execute("SET LOCAL ROLE \(.identifier(role))")
                try connection.execute(SQL(unsafeRaw: sql))
                throw Rollback()
            }
        } catch let error as PostgresError {
            return error.sqlState ?? "?"
        } catch {
            return nil
        }
        return nil
    }

    @Test func analystCanReadViewsAndNothingElse() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let views = try connection.query("""
                SELECT table_name AS v FROM information_schema.views WHERE table_schema = 'analyst' ORDER BY 1
                """).rows.compactMap { $0["v"] }
            #expect(views.count >= 5)
            for view in views {
                #expect(Self.attempt(connection, as: "invest_analyst", "SELECT * FROM analyst.\(view) LIMIT 1") == nil, "\(view)")
            }
            let tables = try connection.query("""
                SELECT schemaname || '.' || tablename AS t FROM pg_tables WHERE schemaname IN ('dw', 'etl') ORDER BY 1
                """).rows.compactMap { $0["t"] }
            #expect(tables.count >= 15)
            for table in tables {
                #expect(Self.attempt(connection, as: "invest_analyst", "SELECT 1 FROM \(table) LIMIT 1") == "42501", "\(table)")
            }
            let column = try connection.query("""
                SELECT column_name AS c FROM information_schema.columns
                WHERE table_schema = 'analyst' AND table_name = \(views[0]) ORDER BY ordinal_position LIMIT 1
                """).first?["c"] ?? "?"
            for statement in [
                "INSERT INTO analyst.\(views[0]) SELECT * FROM analyst.\(views[0]) LIMIT 1",
                "UPDATE analyst.\(views[0]) SET \(column) = NULL",
                "DELETE FROM analyst.\(views[0])",
                "CREATE TABLE analyst.mine (x int)",
                "CREATE TABLE public.mine (x int)",
                "CREATE TEMPORARY TABLE mine (x int)",
                "CREATE SCHEMA mine",
                "CREATE VIEW analyst.mine AS SELECT 1",
                "DROP VIEW analyst.\(views[0])",
                "SELECT dw.refresh_project_aggregates(1, 202206)",
                "UPDATE dw.fact_project_month SET ytd_completed_wan = 0",
            ] {
                let state = Self.attempt(connection, as: "invest_analyst", statement)
                // 42501 insufficient privilege; 42703/55000 when a view is not updatable at all.
                #expect(state != nil, "analyst could run: \(statement)")
                #expect(["42501", "42703", "55000", "3F000", "42P01"].contains(state ?? ""), "\(statement): \(state ?? "ok")")
            }
        }
    }

    @Test func loaderCannotDropOrAlterTheSchema() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            // What the loader must be able to do.
            #expect(Self.attempt(connection, as: "invest_loader", "SELECT count(*) FROM dw.fact_project_month") == nil)
            #expect(Self.attempt(connection, as: "invest_loader", "DELETE FROM etl.stage_project") == nil)
            for statement in [
                "DROP TABLE dw.fact_project_month",
                "DROP TABLE etl.load_batch",
                "DROP SCHEMA dw CASCADE",
                "DROP VIEW analyst.region",
                "ALTER TABLE dw.dim_region ADD COLUMN mine int",
                "ALTER TABLE etl.load_batch DROP CONSTRAINT load_batch_known_scope_check",
                "TRUNCATE dw.fact_project_month",
                "CREATE TABLE dw.mine (x int)",
                "CREATE TABLE etl.mine (x int)",
                "CREATE TEMPORARY TABLE mine (x int)",
                "CREATE SCHEMA mine",
                "CREATE OR REPLACE VIEW analyst.region AS SELECT 1 AS x",
                "CREATE INDEX mine ON dw.fact_project_month (line_no)",
            ] {
                #expect(Self.attempt(connection, as: "invest_loader", statement) == "42501", "loader: \(statement)")
            }
        }
    }

    /// Every executable and subcommand that connects, with a password in --database-url (URI
    /// and keyword forms) and in DATABASE_URL, against an unreachable server and against a real
    /// one that refuses the password: exit 69, and the password is printed nowhere.
    @Test func passwordsAreNeverPrinted() throws {
        let etl = try Executables.url(of: "invest-etl")
        let report = try Executables.url(of: "invest-report")
        let secret = "S3cr3t-\(UInt32.random(in: 100_000...999_999))"
        var targets = ["postgresql://loader:\(secret)@127.0.0.1:1/warehouse",
                       "host=127.0.0.1 port=1 user=loader password=\(secret) dbname=warehouse"]
        if let base = ProcessInfo.processInfo.environment["PG_PASSWORD_TEST_URL"], let at = base.firstIndex(of: "@") {
            targets.append(String(base[..<at]) + ":" + secret + String(base[at...]))
        } else {
            Issue.record("PG_PASSWORD_TEST_URL not set: run tests through etl/test.sh")
        }
        let directory = try Fixtures.temporaryDirectory("secret")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try Fixtures.projectSheet(rows: 2, at: directory.appendingPathComponent("2022-06_灵山县.csv"))
        let commands: [(URL, [String])] = [
            (etl, ["migrate", "--sql-dir", TestDatabase.sqlDirectory.path]),
            (etl, ["load", file.path]),
            (etl, ["run", "--inbox", directory.path, "--archive", directory.appendingPathComponent("archive").path]),
            (etl, ["status"]),
            (etl, ["rejects"]),
            (etl, ["batch", "revert", "1"]),
            (report, ["yoy", "--month", "2022-06"]),
            (report, ["targets", "--month", "2022-06"]),
            (report, ["transfers", "--month", "2022-06"]),
            (report, ["alerts", "--month", "2022-06"]),
            (report, ["bulletin", "--month", "2022-06", "--format", "markdown"]),
        ]
        for target in targets {
            for (executable, arguments) in commands {
                for viaEnvironment in [false, true] {
                    let result = try Subprocess.run(
                        executable,
                        arguments + (viaEnvironment ? [] : ["--database-url", target])
                            + (executable == etl ? ["--log-level", "trace"] : []),
                        environment: ["DATABASE_URL": viaEnvironment ? target : nil, "PGPASSWORD": nil])
                    let what = "\(executable.lastPathComponent) \(arguments.first!) (\(viaEnvironment ? "DATABASE_URL" : "--database-url"))"
                    #expect(result.exitCode == 69, "\(what): exit \(result.exitCode)")
                    #expect(!result.stderr.contains(secret) && !result.stdout.contains(secret), "\(what) printed the password")
                    #expect(!result.stderr.isEmpty, "\(what) said nothing")
                }
            }
        }
    }

    @Test func sslmodeRequireAgainstAServerWithoutSSLFailsClearlyWith69() throws {
        let executable = try Executables.url(of: "invest-etl")
        try TestDatabase.withFreshDatabase(migrated: true) { _, url in
            var options = try ConnectionInfo.parse(url)
            options["sslmode"] = "require"
            let result = try Subprocess.run(executable, ["status", "--database-url", ConnectionInfo.keywordString(options)])
            #expect(result.exitCode == 69, "\(result)")
            #expect(result.stderr.contains("SSL"), "\(result)")
            options["sslmode"] = "disable"
            let plain = try Subprocess.run(executable, ["status", "--database-url", ConnectionInfo.keywordString(options)])
            #expect(plain.exitCode == 0, "\(plain)")
        }
    }
}
