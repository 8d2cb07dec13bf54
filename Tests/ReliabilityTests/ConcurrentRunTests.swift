import Foundation
import PostgresClient
import TestSupport
import Testing

/// Two and five `invest-etl run`s started together on the same inbox (cron firing twice, an
/// operator starting one by hand): the advisory lock lets one load; the others exit 75, or
/// with --wait load nothing new. No fact is duplicated, each file is loaded exactly once and
/// archived exactly once.
@Suite struct ConcurrentRunTests {
    @Test(arguments: [(2, false), (5, false), (5, true)])
    func concurrentRunsLoadEachFileOnce(runs: Int, wait: Bool) throws {
        let executable = try Executables.url(of: "invest-etl")
        let root = try Fixtures.temporaryDirectory("concurrent")
        defer { try? FileManager.default.removeItem(at: root) }
        let samples = root.appendingPathComponent("samples")
        let generated = try Subprocess.run(executable, ["sample", "--out", samples.path, "--seed", "11"])
        try #require(generated.exitCode == 0, "\(generated)")
        let inbox = root.appendingPathComponent("inbox"), archive = root.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let year = samples.appendingPathComponent("2022")
        for name in try FileManager.default.contentsOfDirectory(atPath: year.path) where name.hasPrefix("2022-0") {
            try FileManager.default.copyItem(at: year.appendingPathComponent(name), to: inbox.appendingPathComponent(name))
        }
        try Fixtures.projectSheet(rows: 5_000, at: inbox.appendingPathComponent("2022-06_灵山县_大表.csv"))
        let files = Fixtures.files(under: inbox)

        try TestDatabase.withFreshDatabase(migrated: true) { connection, url in
            let arguments = ["run", "--database-url", url, "--inbox", inbox.path, "--archive", archive.path]
                + (wait ? ["--wait"] : [])
            let processes = try (0..<runs).map { _ in try RunningProcess(executable, arguments) }
            let codes = processes.map { $0.wait() }
            if wait {
                #expect(codes.allSatisfy { $0 == 0 }, "exit codes \(codes)")
            } else {
                #expect(codes.filter { $0 == 0 }.count >= 1 && codes.allSatisfy { $0 == 0 || $0 == 75 }, "exit codes \(codes)")
                for process in processes where process.process.terminationStatus == 75 {
                    #expect(process.stderr.contains("holds the loader lock"), "\(process.description)")
                }
            }
            #expect(try Fixtures.count(connection, "SELECT count(*) AS n FROM etl.load_batch") == files.count)
            #expect(try Fixtures.count(connection, "SELECT count(DISTINCT source_file_key) AS n FROM etl.load_batch") == files.count)
            #expect(try Fixtures.count(connection, "SELECT count(*) AS n FROM etl.load_batch WHERE status = 'loading'") == 0)
            let runs = try connection.query("SELECT count(*) FILTER (WHERE files_seen > 0) AS busy FROM etl.load_run").first
            #expect(try runs?.int("busy") == 1, "exactly one run loaded files")
            // No duplicated fact: every (project, month) once, and fact lines = loaded lines.
            #expect(try Fixtures.count(connection, """
                SELECT count(*) AS n FROM (SELECT project_key, month_key FROM dw.fact_project_month
                                           GROUP BY 1, 2 HAVING count(*) > 1) d
                """) == 0)
            #expect(try WarehouseState.atomicityProblems(connection).isEmpty)
            let archived = Fixtures.files(under: archive.appendingPathComponent("loaded")).filter { !$0.hasSuffix(".rejects.txt") }
            #expect(archived == files, "each file archived once")
            #expect(Fixtures.files(under: inbox).isEmpty)
        }
    }
}
