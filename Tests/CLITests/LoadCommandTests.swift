import Foundation
import PostgresClient
import TestSupport
import Testing

/// `invest-etl load` as an operator runs it: exit codes, the lock, and kill -9 in the middle
/// of a large load (DESIGN §8: a file is in the database completely or not at all).
@Suite struct LoadCommandTests {
    static let loadLockKey: Int64 = 0x696E_7665_7374_6C64

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ldr-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func count(_ connection: Connection, _ sql: SQL) throws -> Int {
        try connection.query(sql).first?.int("n") ?? -1
    }

    /// A large UTF-8 project-progress sheet with `rows` projects.
    static func largeProjectSheet(rows: Int, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("2022-06_灵山县_大表.csv")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        var text = "灵山县2022年1-6月重大项目投资进度表\n序号,项目名称,统一项目代码,行业分类,年度计划投资,1-6月完成投资\n"
        for i in 1...rows {
            text += "\(i),灵山县测试项目\(i),2022-450721-36-01-\(String(1_000_000 + i)),制造业,\(i % 900 + 100).50,\(i % 700 + 10).25\n"
            if text.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        return url
    }

    @Test func exitCodesAndSummary() throws {
        let executable = try Executables.url(of: "invest-etl")
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = try Self.largeProjectSheet(rows: 20, in: directory)
        let bad = directory.appendingPathComponent("2022-06_灵山县_无表头.csv")
        try Data("只有一行字\n".utf8).write(to: bad)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, url in
            let first = try Subprocess.run(executable, ["load", "--database-url", url, good.path])
            #expect(first.exitCode == 0, "\(first)")
            #expect(first.stdout.contains("22 lines = 20 loaded + 2 skipped + 0 rejected"), "\(first)")
            #expect(first.stderr.isEmpty, "no progress line when stderr is not a terminal: \(first)")

            let again = try Subprocess.run(executable, ["load", "--database-url", url, good.path, bad.path])
            #expect(again.exitCode == 65, "\(again)")
            #expect(again.stdout.contains("already loaded"), "\(again)")
            #expect(again.stdout.contains("REJECTED"), "\(again)")
            #expect(again.stdout.contains("无表头.csv"), "\(again)")
            #expect(try Self.count(connection, "SELECT count(*) AS n FROM dw.fact_project_month") == 20)

            let rejects = try Subprocess.run(executable, ["rejects", "--database-url", url, "--format", "json"])
            #expect(rejects.exitCode == 0, "\(rejects)")
            #expect(rejects.stdout.contains("\"line\": 1"), "\(rejects)")
            #expect(rejects.stdout.contains("无表头.csv"), "\(rejects)")

            let status = try Subprocess.run(executable, ["status", "--database-url", url])
            #expect(status.exitCode == 0, "\(status)")
            #expect(status.stdout.contains("check lines_read = loaded + skipped + rejected: ok"), "\(status)")
            #expect(status.stdout.contains("last successful run: run 1 (load)"), "\(status)")
            // Months in JSON as everywhere else (`run` and the reports): "YYYY-MM", not 202206.
            let json = try Subprocess.run(executable, ["status", "--database-url", url, "--format", "json"])
            let batches = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(batches.contains { ($0["month"] as? String)?.range(of: #"^\d{4}-\d{2}$"#, options: .regularExpression) != nil },
                    "\(json.stdout)")
            #expect(!batches.contains { $0["month"] is NSNumber })

            let usage = try Subprocess.run(executable, ["load", "--database-url", url, "--month", "2022-13", good.path])
            #expect(usage.exitCode == 64, "\(usage)")
            let missing = try Subprocess.run(executable, ["load", "--database-url", url, directory.path + "/nope.csv"])
            #expect(missing.exitCode == 64, "\(missing)")
            #expect(missing.stderr.contains("nope.csv"), "\(missing)")
        }
    }

    @Test func lockHeldExits75UnlessWaiting() throws {
        let executable = try Executables.url(of: "invest-etl")
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try Self.largeProjectSheet(rows: 5, in: directory)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, url in
            try connection.execute("SELECT pg_advisory_lock(\(Self.loadLockKey))")
            let held = try Subprocess.run(executable, ["load", "--database-url", url, file.path])
            #expect(held.exitCode == 75, "\(held)")
            #expect(held.stderr.contains("lock"), "\(held)")
            #expect(held.stderr.contains("--wait"), "\(held)")
            #expect(try Self.count(connection, "SELECT count(*) AS n FROM etl.load_batch") == 0)
            try connection.execute("SELECT pg_advisory_unlock(\(Self.loadLockKey))")
            let free = try Subprocess.run(executable, ["load", "--database-url", url, "--wait", file.path])
            #expect(free.exitCode == 0, "\(free)")
        }
    }

    @Test func killDuringALargeLoadLeavesAllOrNothingAndARerunLoadsOnce() throws {
        let executable = try Executables.url(of: "invest-etl")
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rows = 150_000
        let file = try Self.largeProjectSheet(rows: rows, in: directory)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, url in
            let database = try connection.query("SELECT current_database() AS d").first!["d"]!
            let process = Process()
            process.executableURL = executable
            process.arguments = ["load", "--database-url", url, file.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait until the rows are streaming into staging, then kill -9.
            var inCopy = false
            for _ in 0..<600 where process.isRunning {
                inCopy = try Self.count(connection, """
                    SELECT count(*) AS n FROM pg_stat_activity
                    WHERE datname = \(database) AND query LIKE 'COPY etl.stage_project%' AND state = 'active'
                    """) > 0
                if inCopy { break }
                usleep(20_000)
            }
            #expect(inCopy, "the load never reached the staging COPY")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)

            // Nothing of the file is visible: not its bytes, its batch, its projects or facts.
            for table in ["etl.source_file", "etl.source_file_chunk", "etl.load_batch", "dw.dim_project", "dw.fact_project_month",
                          "dw.agg_project_region_month"] {
                #expect(try Self.count(connection, "SELECT count(*) AS n FROM \(unsafeRaw: table)") == 0, "\(table)")
            }

            // The rerun waits for the dead session's lock to go and loads the file once.
            let rerun = try Subprocess.run(executable, ["load", "--database-url", url, "--wait", file.path])
            #expect(rerun.exitCode == 0, "\(rerun)")
            #expect(try Self.count(connection, "SELECT count(*) AS n FROM dw.fact_project_month") == rows)
            #expect(try Self.count(connection, "SELECT count(*) AS n FROM etl.load_batch WHERE status = 'loaded'") == 1)
            let again = try Subprocess.run(executable, ["load", "--database-url", url, file.path])
            #expect(again.exitCode == 0, "\(again)")
            #expect(again.stdout.contains("already loaded"), "\(again)")
            #expect(try Self.count(connection, "SELECT count(*) AS n FROM dw.fact_project_month") == rows)
        }
    }
}
