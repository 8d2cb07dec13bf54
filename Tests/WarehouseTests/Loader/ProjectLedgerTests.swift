import Foundation
import PostgresClient
import SheetReader
import TestSupport
import Testing
@testable import Warehouse

/// What the loader keeps of a project file while staging (`ProjectLedger`): repeats found as
/// the server's grain (region, code, month) finds them, and the same counts, pairs and
/// departments a query over the staged rows gave.
@Suite struct ProjectLedgerTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var line: Int
        var region: Int
        var code: String
        var department: String?
        var repeats: Int?
        var testDescription: String { "line \(line) region \(region) \(code)" }
    }

    static let cases: [(String, [Row])] = [
        ("distinct projects", [Row(line: 3, region: 1, code: "A"), Row(line: 4, region: 1, code: "B")]),
        ("a repeat names the first line, not the last", [
            Row(line: 3, region: 1, code: "A"), Row(line: 4, region: 1, code: "A", repeats: 3),
            Row(line: 5, region: 1, code: "A", repeats: 3),
        ]),
        ("the same code in two regions is two projects", [Row(line: 3, region: 1, code: "A"), Row(line: 4, region: 2, code: "A")]),
        // "é" precomposed and decomposed: equal Swift strings, different `text` values in the server.
        ("codes compare by bytes", [Row(line: 3, region: 1, code: "caf\u{E9}"), Row(line: 4, region: 1, code: "cafe\u{301}")]),
    ]

    @Test(arguments: cases)
    func repeatsAreFoundByRegionAndCodeBytes(_ name: String, _ rows: [Row]) {
        var ledger = ProjectLedger()
        for row in rows {
            let first = ledger.stage(line: row.line, region: row.region, month: 202206, code: row.code, department: nil)
            #expect(first == row.repeats, "\(name): \(row.testDescription)")
        }
        #expect(ledger.lines == rows.filter { $0.repeats == nil }.count)
        #expect(ledger.pairs == Set(rows.map { RegionMonth(region: $0.region, month: 202206) }))
    }

    @Test func departmentsKeepTheFirstNameOfEachNormalisedName() {
        var ledger = ProjectLedger()
        _ = ledger.stage(line: 3, region: 1, month: 202206, code: "A", department: " 县发改局 ")
        _ = ledger.stage(line: 4, region: 1, month: 202206, code: "B", department: "县 发改局")
        _ = ledger.stage(line: 5, region: 1, month: 202206, code: "A", department: "县交通局")  // a repeat: not counted
        _ = ledger.stage(line: 6, region: 1, month: 202206, code: "C", department: "")
        _ = ledger.stage(line: 7, region: 1, month: 202206, code: "D", department: "县住建局")
        #expect(ledger.departments.map(\.name) == ["县发改局", "县住建局"])
        #expect(ledger.departments.map(\.norm) == [NameNormalizer.normalize("县发改局"), NameNormalizer.normalize("县住建局")])
    }

    /// Past its limits the ledger keeps nothing more and says so; the loader asks the server.
    @Test func forgetsPastItsLimits() {
        var ledger = ProjectLedger(keyLimit: 2, departmentLimit: 10)
        #expect(ledger.stage(line: 3, region: 1, month: 202206, code: "A", department: "县发改局") == nil)
        #expect(ledger.stage(line: 4, region: 1, month: 202206, code: "A", department: nil) == 3)
        #expect(ledger.stage(line: 5, region: 1, month: 202206, code: "B", department: nil) == nil)
        #expect(!ledger.overflowed)
        #expect(ledger.stage(line: 6, region: 1, month: 202206, code: "C", department: nil) == nil)
        #expect(ledger.overflowed)
        #expect(ledger.departments.isEmpty)
        #expect(ledger.stage(line: 7, region: 2, month: 202206, code: "A", department: nil) == nil)
        #expect(ledger.stage(line: 8, region: 1, month: 202206, code: "A", department: nil) == nil)  // the server's now
        #expect(ledger.pairs == [RegionMonth(region: 1, month: 202206), RegionMonth(region: 2, month: 202206)])
    }

    /// A file with more projects than the ledger keeps: repeats on both sides of the limit are
    /// rejected (by the ledger before it, by the server after), the rest loads, departments of
    /// rows past the limit are created.
    @Test(arguments: ["direct", "read-ahead"])
    func largeFileFallsBackToTheServer(_ path: String) throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("2022-06_灵山县_重大项目进度.csv")
        let count = ProjectLedger().keyLimit + 10
        var csv = "灵山县2022年1-6月重大项目进度表\n项目代码,项目名称,责任单位,本年累计完成投资（万元）\n"
        func code(_ i: Int) -> String { String(format: "2022-450721-36-01-%06d", i) }
        for i in 1...count { csv += "\(code(i)),项目\(i),县发改局,\(i)\n" }
        csv += "\(code(5)),项目5（重复）,县发改局,1\n"                       // line count + 3: after the limit
        csv += "\(code(count)),项目\(count)（重复）,县统计局,1\n"           // line count + 4
        csv.insert(contentsOf: "\(code(1)),项目1（重复）,县发改局,1\n", at: csv.range(of: "\(code(3)),")!.lowerBound)  // line 5
        try Data(csv.utf8).write(to: file)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let result: FileLoadResult
            if path == "read-ahead" {
                let reading = loader.readAhead([file], read: ReadOptions())
                defer { reading.stop() }
                result = try loader.load(try #require(reading.next()))
            } else {
                result = try loader.load(file: file)
            }
            #expect(result.outcome == .loaded)
            #expect(result.rowsLoaded == count)
            #expect(result.rowsRejected == 3)
            #expect(result.accountsForEveryLine)
            let rejects = try connection.query("SELECT line_no, reason FROM etl.rejected_row ORDER BY line_no").rows
            #expect(rejects.compactMap { $0["line_no"] } == ["5", "\(count + 4)", "\(count + 5)"])
            #expect(rejects.first?["reason"]?.contains("duplicate of line 3") == true)
            #expect(rejects.last?["reason"]?.contains("duplicate of line \(count + 3)") == true)
            #expect(try LoaderFixtures.int(connection, "SELECT count(*) AS n FROM dw.fact_project_month") == count)
            #expect(try LoaderFixtures.int(connection, "SELECT count(*) AS n FROM dw.dim_department WHERE name = '县发改局'") == 1)
        }
    }

    @Test func reasonIsTheOneTheServerCheckWrites() {
        #expect(ProjectLedger.duplicateReason(firstLine: 4, code: " A-1 ", name: "项目 ")
                == "重复：与第 4 行相同 / duplicate of line 4 (A-1 项目)")
    }

    /// A county file with a repeated project, loaded directly, through the read-ahead, and dry:
    /// the repeat is rejected naming the first line and its code column, the first row's
    /// figures load, and a department only the repeat names is not created.
    static let csv = """
        灵山县2022年1-6月重大项目进度表
        序号,项目代码,项目名称,责任单位,本年累计完成投资（万元）
        1,2022-450721-36-01-000001,甲项目,县发改局,100
        2,2022-450721-36-01-000002,乙项目,县交通局,200
        3,2022-450721-36-01-000001,甲项目（重复）,县水利局,999
        4,2022-450721-36-01-000003,丙项目,县交通局,300

        """

    @Test(arguments: ["direct", "read-ahead", "dry-run"])
    func repeatedProjectIsRejectedAndTheFirstLoads(_ path: String) throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("2022-06_灵山县_重大项目进度.csv")
        try Data(Self.csv.utf8).write(to: file)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let result: FileLoadResult
            switch path {
            case "read-ahead":
                let reading = loader.readAhead([file], read: ReadOptions())
                defer { reading.stop() }
                result = try loader.load(try #require(reading.next()))
            case "dry-run":
                result = try loader.load(file: file, options: LoaderOptions(dryRun: true))
            default:
                result = try loader.load(file: file)
            }
            #expect(result.rowsLoaded == 3)
            #expect(result.rowsRejected == 1)
            #expect(result.accountsForEveryLine)
            if path == "dry-run" {
                #expect(result.outcome == .validated)
                #expect(result.message == "line 5: 重复：与第 3 行相同 / duplicate of line 3 (2022-450721-36-01-000001 甲项目（重复）)")
                return
            }
            #expect(result.outcome == .loaded)
            let reject = try #require(try connection.query("""
                SELECT line_no, column_no, column_name, raw_text, reason FROM etl.rejected_row WHERE batch_key = \(result.batchKey!)
                """).first)
            #expect(try reject.int("line_no") == 5)
            #expect(try reject.int("column_no") == 2)
            #expect(reject["column_name"] == "项目代码")
            #expect(reject["raw_text"] == "2022-450721-36-01-000001 甲项目（重复）")
            #expect(reject["reason"] == "重复：与第 3 行相同 / duplicate of line 3 (2022-450721-36-01-000001 甲项目（重复）)")
            let facts = try connection.query("""
                SELECT p.project_name, f.ytd_completed_wan::text AS ytd, f.line_no
                FROM dw.fact_project_month f JOIN dw.dim_project p USING (region_key, project_key) ORDER BY f.line_no
                """).rows.map { [$0["project_name"], $0["ytd"], $0["line_no"]] }
            #expect(facts == [["甲项目", "100.000000", "3"], ["乙项目", "200.000000", "4"], ["丙项目", "300.000000", "6"]])
            let departments = try connection.query("SELECT name FROM dw.dim_department ORDER BY name").rows.compactMap { $0["name"] }
            #expect(departments.contains("县发改局") && departments.contains("县交通局"))
            #expect(!departments.contains("县水利局"))
        }
    }
}
