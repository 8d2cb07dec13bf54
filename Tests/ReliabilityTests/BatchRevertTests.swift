import Foundation
import PostgresClient
import TestSupport
import Testing

/// `invest-etl batch revert ID`: the reverted batch's facts go, the batch it superseded comes
/// back exactly as if the revised file had never arrived, statuses say so, summaries follow;
/// one transaction (a kill in the middle changes nothing).
@Suite struct BatchRevertTests {
    static func dwOnly(_ print: [String: String]) -> [String: String] {
        print.filter { $0.key.hasPrefix("dw.") }
    }

    @Test func revertRestoresTheSupersededBatchExactly() throws {
        let executable = try Executables.url(of: "invest-etl")
        let directory = try Fixtures.temporaryDirectory("revert")
        defer { try? FileManager.default.removeItem(at: directory) }
        // v1: projects 1…300; v2 (same scope, sorted later): 51…350 with other amounts.
        let v1 = try Fixtures.projectSheet(rows: 300, at: directory.appendingPathComponent("2022-06_灵山县_a初版.csv"), variant: 7)
        let v2 = try Fixtures.projectSheet(rows: 300, at: directory.appendingPathComponent("2022-06_灵山县_b修订.csv"),
                                           firstProject: 51)
        let template = try TemplateDatabase()
        defer { template.drop() }

        let onlyV1 = try template.withClone { connection, url in
            let load = try Subprocess.run(executable, ["load", "--database-url", url, v1.path])
            #expect(load.exitCode == 0, "\(load)")
            return Self.dwOnly(try WarehouseState.fingerprint(connection))
        }

        try template.withClone { connection, url in
            for file in [v1, v2] {
                let load = try Subprocess.run(executable, ["load", "--database-url", url, file.path])
                #expect(load.exitCode == 0, "\(load)")
            }
            func key(_ file: URL) throws -> Int {
                try connection.query("SELECT max(batch_key) AS k FROM etl.load_batch WHERE file_name = \(file.path)").first?.int("k") ?? -1
            }
            let (b1, b2) = (try key(v1), try key(v2))
            #expect(try connection.query("SELECT status FROM etl.load_batch WHERE batch_key = \(b1)").first?["status"] == "superseded")
            let beforeRevert = try WarehouseState.fingerprint(connection)
            #expect(Self.dwOnly(beforeRevert) != onlyV1)

            // Killed while re-deriving the old batch: nothing changed.
            let killed = try RunningProcess(executable, ["batch", "revert", "--database-url", url, String(b2)], environment: [
                "INVEST_FAULT_PAUSE_AT": "merge", "INVEST_FAULT_PAUSE_FILE": "a初版", "INVEST_FAULT_PAUSE_SECONDS": "60",
            ])
            #expect(killed.waitForStderr("fault point merge reached"), "\(killed.description)")
            killed.killHard()
            #expect(try WarehouseState.fingerprint(connection) == beforeRevert, "a killed revert must change nothing")

            // The revert.
            let revert = try Subprocess.run(executable, ["batch", "revert", "--database-url", url, "--wait", String(b2)])
            #expect(revert.exitCode == 0, "\(revert)")
            #expect(revert.stdout.contains("batch \(b2) reverted"), "\(revert)")
            #expect(revert.stdout.contains("batch \(b1) restored"), "\(revert)")
            let after = try WarehouseState.fingerprint(connection)
            for (table, print) in onlyV1 where after[table] != print {
                Issue.record("after revert \(table) is \(after[table] ?? "-"), loading only v1 gives \(print)")
            }
            let statuses = try connection.query("""
                SELECT batch_key, status, superseded_by FROM etl.load_batch ORDER BY batch_key
                """).rows.map { "\($0["batch_key"] ?? "")=\($0["status"] ?? "")/\($0["superseded_by"] ?? "-")" }
            #expect(statuses == ["\(b1)=loaded/-", "\(b2)=reverted/-"])
            #expect(try WarehouseState.atomicityProblems(connection).isEmpty)

            // Not revertible: unknown, already reverted, superseded.
            for (id, words) in [(999_999, "no batch"), (b2, "reverted, not loaded")] {
                let refused = try Subprocess.run(executable, ["batch", "revert", "--database-url", url, String(id)])
                #expect(refused.exitCode == 64, "\(refused)")
                #expect(refused.stderr.contains(words), "\(refused)")
            }

            // Loading the reverted file again makes a new batch that supersedes v1 again.
            let reload = try Subprocess.run(executable, ["load", "--database-url", url, v2.path])
            #expect(reload.exitCode == 0 && !reload.stdout.contains("already loaded"), "\(reload)")
            #expect(Self.dwOnly(try WarehouseState.fingerprint(connection)) == Self.dwOnly(beforeRevert))
            let b3 = try key(v2)
            let superseded = try Subprocess.run(executable, ["batch", "revert", "--database-url", url, String(b1)])
            #expect(superseded.exitCode == 64 && superseded.stderr.contains("superseded"), "\(superseded)")

            // Reverting the first batch of a scope leaves the scope empty.
            for id in [b3, b1] {
                let result = try Subprocess.run(executable, ["batch", "revert", "--database-url", url, String(id)])
                #expect(result.exitCode == 0, "\(result)")
            }
            for table in ["dw.fact_project_month", "dw.agg_project_region_month", "dw.agg_project_department_month",
                          "dw.agg_project_category_month", "dw.dim_project"] {
                #expect(try Fixtures.count(connection, "SELECT count(*) AS n FROM \(unsafeRaw: table)") == 0, "\(table)")
            }
        }
    }
}
