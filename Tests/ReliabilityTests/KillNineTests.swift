import Foundation
import PostgresClient
import TestSupport
import Testing

/// DESIGN §8 "a crash or kill at any point leaves the file either fully loaded or not at all",
/// proved with kill -9 of a real `invest-etl run` at 21 points of a night: the six named fault
/// points of the biggest file (Sources/Warehouse/Support/FaultPoint.swift), the merge of the
/// file it supersedes, and 14 moments spread over the night (a random delay after the k-th
/// file committed; seeded, so a failure can be replayed). After each kill the database must hold every file completely or
/// not at all, no file may be lost on disk, and `run --wait` must end in exactly the state
/// (table fingerprints) and archive of a run that was never interrupted.
@Suite(.serialized) struct KillNineTests {
    static let bigRows = 20_000

    /// The night's inbox: June 2022 of the sample world, plus a large 灵山县 sheet and an
    /// earlier version of it (`初版`, sorted first) that the large one supersedes.
    static func makeInbox(executable: URL, root: URL) throws -> URL {
        let samples = root.appendingPathComponent("samples")
        let generated = try Subprocess.run(executable, ["sample", "--out", samples.path, "--seed", "3"])
        try #require(generated.exitCode == 0, "\(generated)")
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let year = samples.appendingPathComponent("2022")
        for name in try FileManager.default.contentsOfDirectory(atPath: year.path) where name.hasPrefix("2022-06") {
            try FileManager.default.copyItem(at: year.appendingPathComponent(name), to: inbox.appendingPathComponent(name))
        }
        try Fixtures.projectSheet(rows: 3_000, at: inbox.appendingPathComponent("2022-06_灵山县_初版.csv"), variant: 7,
                                  firstProject: 39_001)
        // The big table revises 初版 (its first 3,000 projects are 初版's): it supersedes it. The
        // sample's own 灵山县 sheet shares no project with either, so both stay beside it.
        try Fixtures.projectSheet(rows: bigRows, at: inbox.appendingPathComponent("2022-06_灵山县_大表.csv"), firstProject: 39_001)
        return inbox
    }

    enum KillPoint: CustomStringConvertible {
        case named(String, file: String)
        /// `delay` seconds after the `batches`-th file committed (progress-relative, so the
        /// points spread over the night however fast or loaded the machine is).
        case afterBatches(Int, delay: TimeInterval)
        var description: String {
            switch self {
            case .named(let point, let file): return "fault point \(point) of \(file)"
            case .afterBatches(let batches, let delay): return String(format: "%.3f s after batch %d committed", delay, batches)
            }
        }
    }

    /// One night: a fresh database, a fresh copy of the inbox, `run` killed at `point`, the
    /// checks, the rerun. Returns the rerun's fingerprint and archive listing.
    static func night(template: TemplateDatabase, executable: URL, inbox master: URL, kill point: KillPoint?)
        throws -> (fingerprint: [String: String], archive: [String], seconds: TimeInterval)
    {
        try template.withClone { connection, url in
            let root = try Fixtures.temporaryDirectory("night")
            defer { try? FileManager.default.removeItem(at: root) }
            let inbox = root.appendingPathComponent("inbox"), archive = root.appendingPathComponent("archive")
            try Fixtures.copyTree(master, to: inbox)
            let allFiles = Fixtures.files(under: inbox)
            let arguments = ["run", "--database-url", url, "--inbox", inbox.path, "--archive", archive.path]
            let started = Date()
            if let point {
                var environment: [String: String] = [:]
                if case .named(let name, let file) = point {
                    environment = ["INVEST_FAULT_PAUSE_AT": name, "INVEST_FAULT_PAUSE_FILE": file,
                                   "INVEST_FAULT_PAUSE_SECONDS": "60"]
                }
                let process = try RunningProcess(executable, arguments, environment: environment)
                switch point {
                case .named(let name, _):
                    let reached = process.waitForStderr("fault point \(name) reached")
                    #expect(reached, "never reached \(point): \(process.description)")
                case .afterBatches(let batches, let delay):
                    let deadline = Date().addingTimeInterval(120)
                    while process.process.isRunning, Date() < deadline,
                          try Fixtures.count(connection, "SELECT count(*) AS n FROM etl.load_batch") < batches {
                        usleep(5_000)
                    }
                    usleep(useconds_t(delay * 1_000_000))
                }
                process.killHard()

                // Each file is in the database completely or not at all …
                let problems = try WarehouseState.atomicityProblems(connection)
                #expect(problems.isEmpty, "after kill at \(point): \(problems)")
                // … and on disk exactly once: still in the inbox or archived (never both, never lost).
                let inInbox = Fixtures.files(under: inbox)
                let archived = Fixtures.files(under: archive.appendingPathComponent("loaded"))
                    .filter { !$0.hasSuffix(".rejects.txt") }
                #expect((inInbox + archived).sorted() == allFiles, "after kill at \(point): inbox \(inInbox), archive \(archived)")
                // Every archived file's bytes are held by a loaded batch.
                let loadedNames = try connection.query("""
                    SELECT regexp_replace(file_name, '^.*/', '') AS f FROM etl.load_batch WHERE status IN ('loaded', 'superseded')
                    """).rows.compactMap { $0["f"] }
                for name in archived { #expect(loadedNames.contains(name), "\(name) archived but not loaded (\(point))") }
            }
            let rerun = try RunningProcess(executable, arguments + ["--wait"])
            let code = rerun.wait()
            #expect(code == 0, "rerun after \(point.map(String.init(describing:)) ?? "nothing"): \(rerun.description)")
            let seconds = Date().timeIntervalSince(started)
            #expect(try WarehouseState.atomicityProblems(connection).isEmpty)
            #expect(Fixtures.files(under: inbox).isEmpty, "inbox not emptied: \(Fixtures.files(under: inbox))")
            #expect(try Fixtures.count(connection, "SELECT count(*) AS n FROM etl.load_run WHERE status = 'running'") == 0,
                    "a killed run must be closed by the next one")
            let archived = Fixtures.files(under: archive).filter { !$0.hasSuffix(".rejects.txt") }
            return (try WarehouseState.fingerprint(connection), archived, seconds)
        }
    }

    @Test func killNineAtTwentyOnePointsLeavesEachFileWholeOrAbsentAndARerunMatchesACleanRun() throws {
        let executable = try Executables.url(of: "invest-etl")
        let root = try Fixtures.temporaryDirectory("kill9")
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = try Self.makeInbox(executable: executable, root: root)
        let template = try TemplateDatabase()
        defer { template.drop() }

        let clean = try Self.night(template: template, executable: executable, inbox: inbox, kill: nil)
        #expect(clean.fingerprint["dw.fact_project_month"]?.hasPrefix("0 rows") == false)
        #expect(clean.archive.count == Fixtures.files(under: inbox).count)
        print("clean night: \(String(format: "%.1f", clean.seconds)) s")

        var points: [KillPoint] = ["stored", "staging", "merge", "supersede", "commit", "archive"].map {
            .named($0, file: "大表")
        }
        points.append(.named("merge", file: "初版"))
        // 14 moments spread over the night: after the k-th committed file plus a random delay
        // (seeded LCG: the same points every run; RELIABILITY_SEED=N explores others).
        let files = Fixtures.files(under: inbox).count
        var state: UInt64 = UInt64(ProcessInfo.processInfo.environment["RELIABILITY_SEED"] ?? "") ?? 20_220_601
        for slot in 0..<14 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let jitter = Double(state >> 11) / Double(1 << 53)
            points.append(.afterBatches(slot * files / 14, delay: jitter * 0.4))
        }
        #expect(points.count >= 20)
        for point in points {
            let night = try Self.night(template: template, executable: executable, inbox: inbox, kill: point)
            print("kill -9 at \(point): night and rerun took \(String(format: "%.1f", night.seconds)) s")
            for (table, print) in clean.fingerprint where night.fingerprint[table] != print {
                Issue.record("after kill at \(point) and a rerun, \(table) differs: \(night.fingerprint[table] ?? "-") vs clean \(print)")
            }
            #expect(night.archive == clean.archive, "archive after kill at \(point)")
        }
    }
}
