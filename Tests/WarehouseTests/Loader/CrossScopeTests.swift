import Foundation
import PostgresClient
import SheetReader
import TestSupport
import Testing
@testable import Warehouse

/// A county's own indicator sheet, then the city's sheet restating the county's figure for the
/// same month (another supersede scope): the latest file wins fact by fact, and its batch says
/// whose figures it replaced.
@Suite struct CrossScopeTests {
    @Test func latestFileWinsAndSaysWhoseFiguresItReplaced() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let county = directory.appendingPathComponent("2022-06_灵山县_主要指标.csv")
        try Data("""
            灵山县2022年1-6月主要指标
            指标,本年累计,同比增长
            固定资产投资,190000,5.6

            """.utf8).write(to: county)
        let city = directory.appendingPathComponent("2022-06_全市_主要指标.csv")
        try Data("""
            2022年1-6月各县区固定资产投资
            县区,固定资产投资,增速
            灵山县,183600,2.0
            浦北县,120000,8.0

            """.utf8).write(to: city)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let first = try loader.load(file: county)
            #expect(first.outcome == .loaded && first.warnings.isEmpty)
            let second = try loader.load(file: city)
            #expect(second.outcome == .loaded)
            let warning = try #require(second.warnings.first)
            #expect(warning.message.contains("replaces 1 figures of batch \(first.batchKey!) (2022-06_灵山县_主要指标.csv)"))
            let stored = try connection.query("SELECT warnings::text AS w FROM etl.load_batch WHERE batch_key = \(second.batchKey!)")
                .first?["w"] ?? ""
            #expect(stored.contains("replaces 1 figures"))
            let value = try connection.query("""
                SELECT f.ytd_value_wan::text AS v FROM dw.fact_region_indicator_month f
                JOIN dw.dim_region r USING (region_key) WHERE r.name = '灵山县'
                """).first?["v"]
            #expect(value == "183600.000000")
            // Loading the county's file again (a new batch: other bytes) replaces the city's figure back.
            try Data((String(decoding: try Data(contentsOf: county), as: UTF8.self) + "\n").utf8).write(to: county)
            let third = try loader.load(file: county)
            #expect(third.warnings.first?.message.contains("batch \(second.batchKey!)") == true)
        }
    }

    /// The city's transfer sheet gives a county's whole amount as one category; the county's own
    /// sheet gives it by category. Latest wins per category, so the county's 专项 stays beside the
    /// city's 一般性: the city's later file says the unit's total now adds two files.
    @Test func aTransferUnitMixingTwoFilesIsAWarning() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let header = "2022年1-5月争取上级转移支付资金情况表,,\n单位：万元,,\n单位,资金类别,本年累计争取\n"
        let county = directory.appendingPathComponent("2022-05_灵山县_转移支付.csv")
        try Data((header + "灵山县,一般性转移支付,1800\n灵山县,专项转移支付,600\n").utf8).write(to: county)
        let city = directory.appendingPathComponent("2022-05_全市_转移支付.csv")
        try Data((header + "钦南区,一般性转移支付,2100\n灵山县,一般性转移支付,2400\n").utf8).write(to: city)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let first = try loader.load(file: county)
            #expect(first.outcome == .loaded && first.warnings.isEmpty, "\(first.warnings)")
            let second = try loader.load(file: city)
            #expect(second.outcome == .loaded)
            let messages = second.warnings.map(\.message)
            #expect(messages.contains { $0.contains("replaces 1 figures of batch \(first.batchKey!)") })
            #expect(messages.contains { $0.contains("灵山县's 专项转移支付 (600.00 万元) is still batch \(first.batchKey!)'s") })
            #expect(try LoaderFixtures.int(connection, """
                SELECT sum(ytd_amount_wan)::integer AS n FROM dw.fact_transfer_payment_month f
                JOIN dw.dim_region r USING (region_key) WHERE r.name = '灵山县'
                """) == 3000)
        }
    }

    /// Two bureaus' sheets for the same county and month (the 发改局's key projects, the 工信局's
    /// industrial ones) share no project: the second does not replace the first (it deleted the
    /// first's month), and says so; a corrected second sheet replaces the second only.
    @Test func anotherBureausSheetOfTheMonthDoesNotReplaceTheFirst() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func sheet(_ name: String, _ rows: [(String, String)]) throws -> URL {
            let file = directory.appendingPathComponent(name)
            try Data(("浦北县2022年1-9月重大项目进度表\n项目代码,项目名称,本年累计完成投资\n"
                      + rows.map { "\($0.0),项目\($0.0.suffix(2)),\($0.1)\n" }.joined()).utf8).write(to: file)
            return file
        }
        let code = { (i: Int) in String(format: "2022-450722-36-01-%06d", i) }
        let development = try sheet("2022-09_浦北县_重大项目进度_发改局.csv", [(code(1), "400"), (code(2), "500"), (code(3), "300")])
        let industry = try sheet("2022-09_浦北县_工业项目进度_工信局.csv", [(code(4), "200"), (code(5), "100")])
        let industryCorrected = try sheet("2022-09_浦北县_工业项目进度_工信局_更正.csv", [(code(4), "210"), (code(5), "100")])
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let first = try loader.load(file: development)
            let second = try loader.load(file: industry)
            #expect(second.outcome == .loaded && second.supersededBatches.isEmpty)
            #expect(second.warnings.contains { $0.message.contains("restates 0 of the 3 projects of batch \(first.batchKey!)") })
            #expect(try LoaderFixtures.int(connection, "SELECT sum(ytd_completed_wan)::integer AS n FROM dw.fact_project_month") == 1500)
            let third = try loader.load(file: industryCorrected)
            #expect(third.supersededBatches == [second.batchKey!])
            #expect(try LoaderFixtures.int(connection, "SELECT sum(ytd_completed_wan)::integer AS n FROM dw.fact_project_month") == 1510)
            #expect(try connection.query("SELECT status FROM etl.load_batch ORDER BY batch_key").rows.compactMap { $0["status"] }
                    == ["loaded", "superseded", "loaded"])
        }
    }

    /// Two offices' city lists of one month sharing four projects (four of the transport
    /// bureau's five): neither replaces the other (V023: their 填报单位/制表单位 differ); the
    /// reform commission's corrected list, restating five of its seven, replaces its own.
    @Test func twoOfficesSheetsSharingSomeProjectsAreBothKept() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let code = { (i: Int) in String(format: "2022-450702-36-01-%06d", i) }
        func sheet(_ name: String, _ title: String, _ sender: String, _ codes: [Int]) throws -> URL {
            try LoaderFixtures.write(name, "\(title)\n\(sender),,单位：万元\n项目代码,项目名称,1-6月完成投资\n"
                                     + codes.map { "\(code($0)),项目\($0),\($0 * 100)\n" }.joined(), in: directory)
        }
        let transport = try sheet("a.csv", "钦州市交通运输局2022年1-6月交通重大项目推进情况表", "填报单位：钦州市交通运输局", [1, 2, 3, 4, 5])
        let reform = try sheet("b.csv", "2022年1-6月钦州市重点项目投资完成情况", "制表单位：钦州市发展和改革委员会", [1, 2, 3, 4, 6, 7, 8])
        let reformCorrected = try sheet("c.csv", "2022年1-6月钦州市重点项目投资完成情况（更正）", "制表单位：钦州市发展和改革委员会",
                                        [1, 2, 6, 7, 8])
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let first = try loader.load(file: transport)
            let second = try loader.load(file: reform)
            #expect(second.outcome == .loaded && second.supersededBatches.isEmpty)
            #expect(second.warnings.contains { $0.message.contains("which 钦州市交通运输局 sent") })
            #expect(second.warnings.contains { $0.message.contains("4 of its projects are in batch \(first.batchKey!)") })
            #expect(try LoaderFixtures.int(connection, "SELECT count(*) AS n FROM dw.fact_project_month") == 8)
            let third = try loader.load(file: reformCorrected)
            #expect(third.supersededBatches == [second.batchKey!])
            // The commission's corrected list drops 3 and 4, but the transport bureau's sheet, still
            // loaded, gives it: its figure comes back (V022), the other projects are as sent.
            let facts = try connection.query("""
                SELECT string_agg(right(p.project_code, 1) || ':' || f.batch_key, ',' ORDER BY p.project_code) AS c
                FROM dw.fact_project_month f JOIN dw.dim_project p USING (region_key, project_key)
                """).first?["c"]
            let (t, c) = (first.batchKey!, third.batchKey!)
            #expect(facts == "1:\(c),2:\(c),3:\(t),4:\(t),5:\(t),6:\(c),7:\(c),8:\(c)")
            #expect(try connection.query("SELECT sender FROM etl.load_batch WHERE batch_key = \(first.batchKey!)").first?["sender"]
                    == "钦州市交通运输局")
        }
    }

    /// A one-project sheet under `title`, written to `file`.
    @discardableResult
    static func projectSheet(_ file: URL, title: String, code: String, ytd: String) throws -> URL {
        try Data("\(title)\n项目代码,项目名称,本年累计完成投资（万元）\n\(code),项目,\(ytd)\n".utf8).write(to: file)
        return file
    }

    /// Zones named in full in their titles (`中国（广西）自由贸易试验区钦州港片区`, `钦州高新技术产业开发区`:
    /// known aliases, but no place-name shape the reader can cut out) and not in the file names:
    /// each sheet is its zone's, and neither replaces the other (both were region-less, booked to
    /// the city, and the second superseded the first).
    @Test func zonesNamedInFullInTheirTitles() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sheets = [
            ("a_port.csv", "中国（广西）自由贸易试验区钦州港片区2025年1月重大项目进度表", "2025-450704-30-03-000001", "1100"),
            ("b_gaoxin.csv", "钦州高新技术产业开发区2025年1月重大项目进度表", "2025-450705-30-03-000002", "900"),
        ]
        let files = try sheets.map { name, title, code, ytd in
            try Self.projectSheet(directory.appendingPathComponent(name), title: title, code: code, ytd: ytd)
        }
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let results = try files.map { try loader.load(file: $0) }
            #expect(results.map(\.region) == ["自贸区钦州港片区", "钦州高新区"])
            #expect(results.allSatisfy { $0.outcome == .loaded && $0.supersededBatches.isEmpty })
            let facts = try connection.query("""
                SELECT r.name, f.ytd_completed_wan::numeric(18,0)::text AS v FROM dw.fact_project_month f
                JOIN dw.dim_region r USING (region_key) ORDER BY r.name
                """).rows.map { "\($0["name"]!) \($0["v"]!)" }
            #expect(facts.sorted() == ["自贸区钦州港片区 1100", "钦州高新区 900"].sorted())
        }
    }

    /// Project sheets whose region nothing names (rows placed by their own codes) replace only a
    /// file of the same name.
    @Test func regionlessProjectSheetsDoNotSupersedeEachOther() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let title = "2025年1月重大项目进度表"
        let files = try [("a.csv", "2025-450721-30-03-000001"), ("b.csv", "2025-450722-30-03-000002")].map { name, code in
            try Self.projectSheet(directory.appendingPathComponent(name), title: title, code: code, ytd: "100")
        }
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let results = try files.map { try loader.load(file: $0) }
            #expect(results.allSatisfy { $0.outcome == .loaded && $0.supersededBatches.isEmpty })
            #expect(try LoaderFixtures.int(connection, "SELECT count(*) AS n FROM dw.fact_project_month") == 2)
            // The same file again, corrected: it replaces its own earlier batch only.
            try Self.projectSheet(files[0], title: title, code: "2025-450721-30-03-000001", ytd: "120")
            let again = try loader.load(file: files[0])
            #expect(again.supersededBatches == [results[0].batchKey!])
            #expect(try LoaderFixtures.int(connection, "SELECT count(*) AS n FROM dw.fact_project_month") == 2)
        }
    }

    /// A row without a value after a file that gave the figure does not replace the stored
    /// fact: a county's sheet of rates (`本季度 | 增速`, its value column unrecognised: another
    /// scope), or the city's sheet again with one figure left blank (the same scope, which
    /// supersedes the first). The batch says whose figures it kept; other rows load as usual.
    @Test(arguments: [
        ("2022-06_钦南区_固定资产投资.csv", "县区,本季度,增速（%）\n钦南区,500000,-9.9\n钦北区,200000,3.0\n灵山县,300000,4.2\n", 2),
        ("2022-06_全市_主要指标（修订）.csv", "县区,固定资产投资,增速\n钦南区,,-9.9\n钦北区,650000,3.0\n灵山县,300000,4.2\n", 1),
    ] as [(String, String, Int)])
    func aRowWithoutAValueKeepsTheStoredFigure(file: String, rows: String, kept: Int) throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let city = directory.appendingPathComponent("2022-06_全市_主要指标.csv")
        try Data("2022年1-6月各县区固定资产投资\n县区,固定资产投资,增速\n钦南区,1200000,5.0\n钦北区,600000,6.0\n".utf8).write(to: city)
        let second = directory.appendingPathComponent(file)
        try Data(("2022年1-6月各县区固定资产投资\n" + rows).utf8).write(to: second)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let first = try loader.load(file: city)
            #expect(first.outcome == .loaded)
            let result = try loader.load(file: second)
            #expect(result.outcome == .loaded)
            #expect(result.warnings.contains { $0.message.contains("\(kept) rows without a year-to-date value (only a rate) did not replace the figures of batch \(first.batchKey!) (2022-06_全市_主要指标.csv)") },
                    "\(result.warnings)")
            func fact(_ region: String) throws -> [String?] {
                let row = try connection.query("""
                    SELECT f.ytd_value_wan::numeric(20, 2)::text AS v, f.reported_yoy_pct::numeric(20, 1)::text AS r
                    FROM dw.fact_region_indicator_month f JOIN dw.dim_region r USING (region_key)
                    WHERE r.name = \(region) AND f.month_key = 202206
                    """).first
                return [row?["v"], row?["r"]]
            }
            #expect(try fact("钦南区") == ["1200000.00", "5.0"])
            #expect(try fact("钦北区") == (kept == 2 ? ["600000.00", "6.0"] : ["650000.00", "3.0"]))
            #expect(try fact("灵山县") == (kept == 2 ? [nil, "4.2"] : ["300000.00", "4.2"]))
            let status = try connection.query("SELECT status FROM etl.load_batch WHERE batch_key = \(first.batchKey!)").first?["status"]
            #expect(status == (kept == 2 ? "loaded" : "superseded"))
            // Each kept row's line is skipped naming the batch whose figure stayed, not counted
            // as loaded (three data rows: `kept` skipped, the rest loaded).
            let skipped = try connection.query("""
                SELECT line_no, reason FROM etl.skipped_row WHERE batch_key = \(result.batchKey!) AND kind = 'kept' ORDER BY line_no
                """).rows
            #expect(skipped.count == kept)
            #expect(skipped.allSatisfy { ($0["reason"] ?? "").contains("the stored figure of batch \(first.batchKey!) (2022-06_全市_主要指标.csv) is kept") })
            #expect(result.rowsLoaded == 3 - kept)
            #expect(result.accountsForEveryLine)
        }
    }
}
