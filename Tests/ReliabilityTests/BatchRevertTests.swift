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

    /// A file read with an operator synonym file (`--synonyms`) comes back when its revision is
    /// reverted, even once that synonym file is gone: the batch keeps the text it was read with
    /// (V015). Before, the restore failed and the revert changed nothing.
    @Test func revertRestoresABatchThatNeededOperatorSynonyms() throws {
        let executable = try Executables.url(of: "invest-etl")
        let directory = try Fixtures.temporaryDirectory("revert-synonyms")
        defer { try? FileManager.default.removeItem(at: directory) }
        let synonyms = directory.appendingPathComponent("county.tsv")
        try Data("project_code\t项目的统一编号\n".utf8).write(to: synonyms)
        func sheet(_ name: String, _ rows: [(code: String, ytd: String)]) throws -> URL {
            let url = directory.appendingPathComponent(name)
            let lines = rows.map { "\($0.code),项目\($0.code.suffix(3)),\($0.ytd)" }
            try Data((["2022年1-6月灵山县重大项目", "项目的统一编号,项目名称,1-6月完成投资"] + lines + [""]).joined(separator: "\n").utf8)
                .write(to: url)
            return url
        }
        let v1 = try sheet("2022-06_灵山县_a初版.csv", [("2021-450721-30-03-000001", "100"), ("2021-450721-30-03-000002", "200")])
        let v2 = try sheet("2022-06_灵山县_b修订.csv", [("2021-450721-30-03-000001", "150")])
        let template = try TemplateDatabase()
        defer { template.drop() }
        try template.withClone { connection, url in
            // Without the synonym file the sheet has no project code column.
            let bare = try Subprocess.run(executable, ["load", "--database-url", url, "--dry-run", v1.path])
            #expect(bare.exitCode == 65, "\(bare)")
            for file in [v1, v2] {
                let load = try Subprocess.run(executable, ["load", "--database-url", url, "--synonyms", synonyms.path, file.path])
                #expect(load.exitCode == 0, "\(load)")
            }
            try FileManager.default.removeItem(at: synonyms)
            // A batch loaded before V015 has no stored synonyms: its restore fails as a whole,
            // with 65, and the revert changes nothing.
            let b2 = try connection.query("SELECT max(batch_key) AS k FROM etl.load_batch").first?.int("k") ?? -1
            let stored = try connection.query("SELECT DISTINCT synonyms FROM etl.load_batch").rows.map { $0["synonyms"] }
            #expect(stored == ["project_code\t项目的统一编号\n"], "every batch keeps the synonym file's text")
            try connection.execute("UPDATE etl.load_batch SET synonyms = NULL WHERE batch_key < \(b2)")
            let before = try WarehouseState.fingerprint(connection)
            let failed = try Subprocess.run(executable, ["batch", "revert", "--database-url", url, String(b2)])
            #expect(failed.exitCode == 65, "\(failed)")
            #expect(try WarehouseState.fingerprint(connection) == before)
            try connection.execute("""
                UPDATE etl.load_batch SET synonyms = \("project_code\t项目的统一编号\n") WHERE batch_key < \(b2)
                """)
            func facts() throws -> [String] {
                try connection.query("""
                    SELECT p.project_code || '=' || f.ytd_completed_wan AS fact FROM dw.fact_project_month f
                    JOIN dw.dim_project p USING (region_key, project_key) ORDER BY 1
                    """).rows.compactMap { $0["fact"] }
            }
            #expect(try facts() == ["2021-450721-30-03-000001=150.000000"])
            let revert = try Subprocess.run(executable, ["batch", "revert", "--database-url", url, String(b2)])
            #expect(revert.exitCode == 0, "\(revert)")
            #expect(try facts() == ["2021-450721-30-03-000001=100.000000", "2021-450721-30-03-000002=200.000000"])
        }
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
