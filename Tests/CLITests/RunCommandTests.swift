import Foundation
import PostgresClient
import TestSupport
import Testing

/// The nightly job: archive layout, summary, exit codes, and concurrent runs.
@Suite struct RunCommandTests {
    static func sampleInbox(executable: URL, year: String) throws -> (root: URL, inbox: URL, archive: URL) {
        let root = try LoadCommandTests.temporaryDirectory()
        let samples = root.appendingPathComponent("samples")
        let generated = try Subprocess.run(executable, ["sample", "--out", samples.path, "--seed", "5"])
        #expect(generated.exitCode == 0, "\(generated)")
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.moveItem(at: samples.appendingPathComponent(year), to: inbox)
        return (root, inbox, root.appendingPathComponent("archive"))
    }

    @Test func runLoadsArchivesAndSummarises() throws {
        let executable = try Executables.url(of: "invest-etl")
        let (root, inbox, archive) = try Self.sampleInbox(executable: executable, year: "2022")
        defer { try? FileManager.default.removeItem(at: root) }
        // Keep the run short: only June's files, plus one file that cannot be read as a sheet.
        for name in try FileManager.default.contentsOfDirectory(atPath: inbox.path) where !name.hasPrefix("2022-06") {
            try FileManager.default.removeItem(at: inbox.appendingPathComponent(name))
        }
        try Data("一行字而已\n".utf8).write(to: inbox.appendingPathComponent("2022-06_某某_乱码.csv"))
        let inboxCount = try FileManager.default.contentsOfDirectory(atPath: inbox.path).count
        try TestDatabase.withFreshDatabase(migrated: true) { connection, url in
            let run = try Subprocess.run(executable, [
                "run", "--database-url", url, "--inbox", inbox.path, "--archive", archive.path, "--log-format", "json",
            ])
            #expect(run.exitCode == 65, "\(run)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
            #expect(json["files"] as? Int == inboxCount)
            #expect(json["files_rejected"] as? Int == 1)
            // The unknown region's row only: the no-header file is a rejected file, not a
            // rejected row (the summary said "1 rejected" row for a prose .txt).
            #expect(json["rows_rejected"] as? Int == 1, "\(run)")
            let results = try #require(json["results"] as? [[String: Any]])
            let whole = try #require(results.first { ($0["file"] as? String)?.hasSuffix("2022-06_某某_乱码.csv") == true })
            #expect(whole["outcome"] as? String == "rejected" && whole["rows_rejected"] as? Int == 0, "\(whole)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.path).isEmpty)
            let rejected = try FileManager.default.contentsOfDirectory(atPath: archive.appendingPathComponent("rejected").path).sorted()
            #expect(rejected == ["2022-06_某某_乱码.csv", "2022-06_某某_乱码.csv.rejects.txt"])
            let loaded = try FileManager.default.contentsOfDirectory(atPath: archive.appendingPathComponent("loaded").path)
            #expect(loaded.contains("2022-06_全市_主要指标.csv.rejects.txt"))
            let report = try String(contentsOf: archive.appendingPathComponent("loaded/2022-06_全市_主要指标.csv.rejects.txt"), encoding: .utf8)
            #expect(report.contains("东场镇"))
            #expect(report.contains("line 13"))

            let runs = try connection.query("SELECT status, files_seen, exit_code FROM etl.load_run ORDER BY run_key").rows
            #expect(runs.count == 1)
            #expect(runs.first?["status"] == "partial")
            #expect(try runs.first?.int("exit_code") == 65)

            // status and rejects name each file where the run put it (they named the inbox).
            let status = try Subprocess.run(executable, ["status", "--database-url", url, "--format", "json", "--limit", "100"])
            #expect(status.exitCode == 0, "\(status)")
            let batches = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]], "\(status)")
            #expect(batches.count == inboxCount)
            for batch in batches {
                let file = batch["file"] as? String ?? "", received = batch["received_as"] as? String ?? ""
                let name = (received as NSString).lastPathComponent
                let expected = archive.appendingPathComponent(batch["status"] as? String == "rejected" ? "rejected" : "loaded")
                    .appendingPathComponent(name).path
                #expect(received.hasPrefix(inbox.path + "/") && file == expected, "\(batch)")
                #expect(FileManager.default.fileExists(atPath: file), "\(file)")
            }
            let rejects = try Subprocess.run(executable, ["rejects", "--database-url", url, "--format", "json"])
            let rejectRows = try #require(try JSONSerialization.jsonObject(with: Data(rejects.stdout.utf8)) as? [[String: Any]], "\(rejects)")
            #expect(!rejectRows.isEmpty && rejectRows.allSatisfy { ($0["file"] as? String)?.hasPrefix(archive.path + "/") == true },
                    "\(rejects)")
            let text = try Subprocess.run(executable, ["status", "--database-url", url])
            #expect(text.stdout.contains(archive.appendingPathComponent("rejected/2022-06_某某_乱码.csv").path), "\(text)")

            let empty = try Subprocess.run(executable, ["run", "--database-url", url, "--inbox", inbox.path, "--archive", archive.path])
            #expect(empty.exitCode == 0, "\(empty)")
            #expect(empty.stdout.contains("0 file(s)"), "\(empty)")
        }
    }

    @Test func concurrentRunsLoadEachFileOnce() throws {
        let executable = try Executables.url(of: "invest-etl")
        let (root, inbox, archive) = try Self.sampleInbox(executable: executable, year: "2021")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = try FileManager.default.contentsOfDirectory(atPath: inbox.path).count
        try TestDatabase.withFreshDatabase(migrated: true) { connection, url in
            var processes: [Process] = []
            for _ in 0..<2 {
                let process = Process()
                process.executableURL = executable
                process.arguments = ["run", "--database-url", url, "--inbox", inbox.path, "--archive", archive.path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                processes.append(process)
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            let codes = processes.map(\.terminationStatus).sorted()
            #expect(codes == [0, 75] || codes == [0, 0], "exit codes \(codes)")
            #expect(try LoadCommandTests.count(connection, "SELECT count(*) AS n FROM etl.load_batch") == files)
            #expect(try LoadCommandTests.count(connection, "SELECT count(DISTINCT source_file_key) AS n FROM etl.load_batch") == files)
            let loaded = try FileManager.default.contentsOfDirectory(atPath: archive.appendingPathComponent("loaded").path)
                .filter { !$0.hasSuffix(".rejects.txt") }
            #expect(loaded.count == files)
        }
    }
}
