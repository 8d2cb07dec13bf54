import Foundation
import PostgresClient
import SheetReader
import TestSupport
import Testing
@testable import Warehouse

/// Two bureaus' sheets for the same layout and month cover different indicators: neither
/// replaces the other; a revised sheet replaces only the batches whose indicators it covers.
@Suite struct PartialSupersedeTests {
    static func targetsSheet(indicator: String, lines: [(String, String)]) -> String {
        "2022年\(indicator)目标任务分解表,,\n单位：万元,,\n县区,指标,年度目标\n"
            + lines.map { "\($0.0),\(indicator),\($0.1)\n" }.joined()
    }

    @Test func sheetsOfOtherIndicatorsDoNotReplaceEachOther() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws -> URL { try LoaderFixtures.write(name, text, in: directory) }
        let fai = try write("a_fai.csv", Self.targetsSheet(indicator: "固定资产投资", lines: [("钦南区", "2300000"), ("灵山县", "1900000")]))
        let industrial = try write("b_industrial.csv", Self.targetsSheet(indicator: "工业投资", lines: [("钦南区", "500000")]))
        let faiRevised = try write("c_fai.csv", Self.targetsSheet(indicator: "固定资产投资", lines: [("钦南区", "2400000")]))

        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            func targets() throws -> [String] {
                try connection.query("""
                    SELECT r.name || ':' || i.indicator_code || ':' || t.target_wan::numeric(20, 0) AS t
                    FROM dw.fact_target t JOIN dw.dim_region r USING (region_key) JOIN dw.dim_indicator i USING (indicator_key)
                    WHERE t.month_no = 0 ORDER BY 1
                    """).rows.compactMap { $0["t"] }
            }
            let first = try loader.load(file: fai)
            let second = try loader.load(file: industrial)
            #expect(first.outcome == .loaded && second.outcome == .loaded)
            #expect(second.supersededBatches.isEmpty)
            #expect(try targets() == ["灵山县:fai:1900000", "钦南区:fai:2300000", "钦南区:industrial:500000"])

            // The revised fixed-asset sheet replaces the first sheet only (灵山县's row goes with it).
            let third = try loader.load(file: faiRevised)
            #expect(third.supersededBatches == [first.batchKey!])
            #expect(try targets() == ["钦南区:fai:2400000", "钦南区:industrial:500000"])
            let statuses = try connection.query("SELECT batch_key, status FROM etl.load_batch ORDER BY batch_key").rows
                .map { "\($0["batch_key"] ?? "")=\($0["status"] ?? "")" }
            #expect(statuses == ["\(first.batchKey!)=superseded", "\(second.batchKey!)=loaded", "\(third.batchKey!)=loaded"])
        }
    }

    /// A city department's targets and the counties' decomposition of the same year and
    /// indicators: neither replaces the other; a department's revised sheet replaces its own
    /// earlier one only. The same for transfer sheets of departments and of counties.
    @Test func departmentSheetsDoNotReplaceTheRegionsSheet() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws -> URL { try LoaderFixtures.write(name, text, in: directory) }
        let header = "2022年固定资产投资目标任务分解表,,\n单位：万元,,\n单位,指标,年度目标\n"
        let counties = try write("a.csv", header + "钦南区,固定资产投资,2300000\n灵山县,固定资产投资,1900000\n")
        let transport = try write("b.csv", header + "市交通运输局,固定资产投资,200000\n")
        let water = try write("c.csv", header + "市水利局,固定资产投资,90000\n")
        let transportRevised = try write("d.csv", header + "市交通运输局,固定资产投资,210000\n")
        let transferHeader = "2022年1-5月争取上级转移支付资金情况表,,\n单位：万元,,\n单位,资金类别,本年累计争取\n"
        let countyTransfers = try write("e.csv", transferHeader + "钦南区,一般性转移支付,2100\n灵山县,一般性转移支付,2400\n")
        let departmentTransfers = try write("f.csv", transferHeader + "市交通运输局,专项转移支付,700\n")

        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let results = try [counties, transport, water, transportRevised, countyTransfers, departmentTransfers]
                .map { try loader.load(file: $0) }
            #expect(results.map(\.outcome) == Array(repeating: .loaded, count: 6), "\(results.map(\.summaryLine))")
            #expect(results.map(\.supersededBatches) == [[], [], [], [results[1].batchKey!], [], []])
            let targets = try connection.query("""
                SELECT coalesce(d.name, r.name) || ':' || t.target_wan::numeric(20, 0) AS t
                FROM dw.fact_target t JOIN dw.dim_region r USING (region_key) LEFT JOIN dw.dim_department d USING (department_key)
                WHERE t.month_no = 0 ORDER BY 1
                """).rows.compactMap { $0["t"] }
            #expect(targets == ["市交通运输局:210000", "市水利局:90000", "灵山县:1900000", "钦南区:2300000"])
            #expect(try LoaderFixtures.int(connection, "SELECT count(*) AS n FROM dw.fact_transfer_payment_month") == 3)
            #expect(results[2].warnings.contains { $0.message.contains("restates 0 of the 1 receiving units of batch \(results[1].batchKey!)") })
        }
    }

    /// The city's transfer sheet corrected the next day without a department's row it listed by
    /// mistake: a revision (it restates 4 of the 5 units), so it replaces the sheet and the row's
    /// amount leaves the city's total.
    @Test func aCorrectionDroppingARowStillReplacesTheSheet() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let header = "2022年1-7月争取上级转移支付资金情况表,,\n单位：万元,,\n单位,资金类别,本年累计争取\n"
        let counties = "钦南区,一般性转移支付,110\n钦北区,一般性转移支付,110\n灵山县,一般性转移支付,130\n浦北县,一般性转移支付,95\n"
        let first = directory.appendingPathComponent("2022-07_全市_转移支付.csv")
        try Data((header + counties + "市工业和信息化局,专项转移支付,500\n").utf8).write(to: first)
        let corrected = directory.appendingPathComponent("2022-07_全市_转移支付_更正.csv")
        try Data((header + counties).utf8).write(to: corrected)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let a = try loader.load(file: first)
            let b = try loader.load(file: corrected)
            #expect(b.supersededBatches == [try #require(a.batchKey)])
            #expect(try LoaderFixtures.int(connection, "SELECT sum(ytd_amount_wan)::integer AS n FROM dw.fact_transfer_payment_month") == 445)
        }
    }

    /// A sheet covering two indicators supersedes the two one-indicator sheets of the scope;
    /// reverting it restores both (it restored only the last, leaving the other superseded by a
    /// reverted batch).
    /// The statistics bureau's sheet of every region, then a one-county correction: the
    /// correction replaces that county's figure and keeps the others (it replaced the whole
    /// sheet: seven regions vanished and the city became the corrected county's figure); a
    /// re-sent sheet dropping one region of four still replaces the sheet.
    @Test func aOneRegionIndicatorCorrectionKeepsTheOtherRegions() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func sheet(_ rows: [(String, String)]) -> String {
            "2022年1-6月各县区固定资产投资完成情况,,\n单位：万元,,\n县区,固定资产投资\n"
                + rows.map { "\($0.0),\($0.1)\n" }.joined()
        }
        let whole = try LoaderFixtures.write("a.csv", sheet([("钦南区", "900"), ("钦北区", "600"), ("灵山县", "800"), ("浦北县", "700")]), in: directory)
        let correction = try LoaderFixtures.write("b.csv", sheet([("钦北区", "612")]), in: directory)
        let resent = try LoaderFixtures.write("c.csv", sheet([("钦南区", "901"), ("钦北区", "613"), ("灵山县", "801")]), in: directory)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            func figures() throws -> [String] {
                try connection.query("""
                    SELECT r.name || ':' || f.ytd_value_wan::numeric(20, 0) AS t
                    FROM dw.fact_region_indicator_month f JOIN dw.dim_region r USING (region_key) ORDER BY 1
                    """).rows.compactMap { $0["t"] }
            }
            let first = try loader.load(file: whole)
            let second = try loader.load(file: correction)
            #expect(first.outcome == .loaded && second.outcome == .loaded)
            #expect(second.supersededBatches.isEmpty)
            #expect(second.warnings.contains { $0.message.contains("restates 1 of the 4 regions of batch \(first.batchKey!)") })
            #expect(try figures() == ["浦北县:700", "灵山县:800", "钦北区:612", "钦南区:900"])
            let third = try loader.load(file: resent)
            #expect(Set(third.supersededBatches) == [first.batchKey!, second.batchKey!])
            #expect(try figures() == ["灵山县:801", "钦北区:613", "钦南区:901"])
        }
    }

    /// Reverting a batch that replaced figures of another, still loaded batch fact by fact (a
    /// one-county correction; a county's own sheet correcting the city's) puts those figures
    /// back (V022): the county vanished from every report.
    @Test func revertPutsBackTheFiguresItReplaced() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let whole = try LoaderFixtures.write("a.csv", """
            2022年1-6月各县区固定资产投资完成情况
            县区,固定资产投资
            钦南区,900
            钦北区,600
            灵山县,800

            """, in: directory)
        let correction = try LoaderFixtures.write("b.csv", "2022年1-6月县区固投更正\n县区,固定资产投资\n钦北区,612\n", in: directory)
        let county = try LoaderFixtures.write("c.csv", """
            灵山县2022年1-6月主要投资指标
            指标,本年累计
            固定资产投资,805

            """, in: directory)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            func figures() throws -> [String] {
                try connection.query("""
                    SELECT r.name || ':' || f.ytd_value_wan::numeric(20, 0) || ':' || f.batch_key AS t
                    FROM dw.fact_region_indicator_month f JOIN dw.dim_region r USING (region_key) ORDER BY 1
                    """).rows.compactMap { $0["t"] }
            }
            let first = try loader.load(file: whole).batchKey!
            let second = try loader.load(file: correction).batchKey!
            let third = try loader.load(file: county).batchKey!
            #expect(try figures() == ["灵山县:805:\(third)", "钦北区:612:\(second)", "钦南区:900:\(first)"])
            let revertSecond = try BatchRevert.revert(batch: second, loader: loader)
            #expect(revertSecond.factsRestored == 1 && revertSecond.restoredBatches.isEmpty)
            let revertThird = try BatchRevert.revert(batch: third, loader: loader)
            #expect(revertThird.factsRestored == 1)
            #expect(try figures() == ["灵山县:800:\(first)", "钦北区:600:\(first)", "钦南区:900:\(first)"])
        }
    }

    /// A slipped decimal point (9,610,680.7 for 961,068.07) in a county's June figure: loaded
    /// as written, with a warning naming the jump from May (the city headline said +158 %).
    @Test func aYearToDateTenTimesLastMonthsIsWarnedAbout() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func sheet(_ name: String, _ period: String, _ qinnan: String) throws -> URL {
            try LoaderFixtures.write(name, "2022年\(period)各县区固定资产投资完成情况\n县区,固定资产投资\n钦南区,\(qinnan)\n钦北区,800000\n",
                                     in: directory)
        }
        let may = try sheet("may.csv", "1-5月", "850000")
        let june = try sheet("june.csv", "1-6月", "9610680.7")
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            #expect(try loader.load(file: may).warnings.isEmpty)
            let loaded = try loader.load(file: june)
            #expect(loaded.outcome == .loaded)
            let jumps = loaded.warnings.filter { $0.message.contains("times last month's") }
            #expect(jumps.count == 1 && jumps.first?.message.contains("钦南区") == true && jumps.first?.line == 3)
        }
    }

    @Test func revertRestoresEveryBatchItSuperseded() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws -> URL { try LoaderFixtures.write(name, text, in: directory) }
        let fai = try write("a.csv", Self.targetsSheet(indicator: "固定资产投资", lines: [("钦南区", "2300000")]))
        let industrial = try write("b.csv", Self.targetsSheet(indicator: "工业投资", lines: [("钦南区", "500000")]))
        let both = try write("c.csv", "2022年目标任务分解表,,\n单位：万元,,\n县区,指标,年度目标\n钦南区,固定资产投资,2400000\n钦南区,工业投资,520000\n")
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let results = try [fai, industrial, both].map { try loader.load(file: $0) }
            #expect(results[2].supersededBatches == [results[0].batchKey!, results[1].batchKey!])
            let outcome = try BatchRevert.revert(batch: results[2].batchKey!, loader: Loader(connection: connection))
            #expect(outcome.restoredBatches.map(\.batchKey) == [results[0].batchKey, results[1].batchKey])
            let statuses = try connection.query("SELECT status FROM etl.load_batch ORDER BY batch_key").rows.compactMap { $0["status"] }
            #expect(statuses == ["loaded", "loaded", "reverted"])
            #expect(try connection.query("""
                SELECT string_agg(i.indicator_code || ':' || t.target_wan::numeric(20, 0), ',' ORDER BY i.indicator_code) AS t
                FROM dw.fact_target t JOIN dw.dim_indicator i USING (indicator_key) WHERE t.month_no = 0
                """).first?["t"] == "fai:2300000,industrial:500000")
        }
    }
}
