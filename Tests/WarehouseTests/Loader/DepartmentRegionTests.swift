import Foundation
import PostgresClient
import SheetReader
import TestSupport
import Testing
@testable import Warehouse

/// A department named in a county's own sheet receives (or is set a target) in that county's
/// name: two counties' 区教育局 are two receivers, not one that the later file overwrites.
@Suite struct DepartmentRegionTests {
    static func transfers(_ county: String, _ amount: String) -> String {
        """
        \(county)2023年1-8月争取上级资金到位情况表
        填报单位：\(county)财政局,,单位：万元
        序号,部门,资金类别,累计到位资金
        1,区教育局,专项转移支付,\(amount)

        """
    }

    @Test func countySheetsBookTheirDepartmentsUnderTheCounty() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = [("钦北区", "860"), ("钦南区", "\"1,520.5\"")].map { county, amount in
            let file = directory.appendingPathComponent("2023-08_\(county)_转移支付.csv")
            try! Data(Self.transfers(county, amount).utf8).write(to: file)
            return file
        }
        let cityWide = directory.appendingPathComponent("2023-08_全市_转移支付.csv")
        try Data("""
            2023年1-8月各县区争取上级资金到位情况表
            单位,资金类别,累计到位资金（万元）
            市教育局,专项转移支付,300

            """.utf8).write(to: cityWide)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            for file in files + [cityWide] {
                let result = try loader.load(file: file)
                #expect(result.outcome == .loaded && result.rowsLoaded == 1, "\(result.summaryLine)")
            }
            let rows = try connection.query("""
                SELECT r.name AS region, d.name AS department, f.ytd_amount_wan::text AS amount
                FROM dw.fact_transfer_payment_month f
                JOIN dw.dim_region r USING (region_key) JOIN dw.dim_department d USING (department_key)
                ORDER BY r.name, d.name
                """).rows.map { [$0["region"], $0["department"], $0["amount"]] }
            #expect(rows == [["钦北区", "区教育局", "860.000000"], ["钦南区", "区教育局", "1520.500000"],
                             ["钦州市", "市教育局", "300.000000"]])
        }
    }

    /// A city sheet that names its bureaus with the city's name (`钦州市教育局`, the seeded
    /// 市教育局) and gives one unit and category on several rows (one per 资金名称): one
    /// receiver, and the rows add up (they were rejected as repeats, the total lost 400).
    /// 中马园区, the zone's everyday name (V021), is the zone, not a city department.
    @Test func zoneShortNamesAreTheZones() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try LoaderFixtures.write("2022_全市_目标任务分解表.csv", """
            2022年固定资产投资目标任务分解表
            地区,指标,年度目标
            中马园区,固定资产投资,6000
            钦州高新区,固定资产投资,5000

            """, in: directory)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            #expect(try Loader(connection: connection).load(file: file).outcome == .loaded)
            let rows = try connection.query("""
                SELECT r.region_code, t.department_key FROM dw.fact_target t JOIN dw.dim_region r USING (region_key)
                WHERE t.month_no = 0 ORDER BY 1
                """).rows.map { "\($0["region_code"] ?? ""):\($0["department_key"] ?? "-")" }
            #expect(rows == ["450700Z02:-", "450700Z03:-"])
        }
    }

    /// A unit that reads like a region but is none (灵山具: a slip for 灵山县) is booked as a
    /// department, as DESIGN §5 books any other unit, and the batch says so and names the
    /// county it probably meant; a bureau (区教育局) and a known region get no such warning.
    @Test func misspeltRegionUnitIsWarnedAbout() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try LoaderFixtures.write("2022_全市_目标任务分解表.csv", """
            2022年固定资产投资目标任务分解表
            地区,指标,年度目标
            灵山具,固定资产投资,6000
            钦北区,固定资产投资,5000
            区教育局,固定资产投资,100

            """, in: directory)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let result = try Loader(connection: connection).load(file: file)
            #expect(result.outcome == .loaded && result.rowsLoaded == 3, "\(result.summaryLine)")
            let messages = result.warnings.map(\.message)
            #expect(messages.count == 1)
            #expect(messages.first?.contains("灵山具") == true && messages.first?.contains("did you mean 灵山县") == true)
            #expect(result.warnings.first?.line == 3)
            let stored = try LoaderFixtures.int(connection, """
                SELECT count(*) AS n FROM etl.load_batch, jsonb_array_elements(warnings) w
                WHERE w->>'message' LIKE '%灵山具%'
                """)
            #expect(stored == 1)
        }
    }

    @Test func cityPrefixedBureausAndRowsPerFundAddUp() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("2022-06_全市_转移支付.csv")
        try Data("""
            2022年1-6月钦州市争取上级转移支付资金情况表
            序号,单位,资金类别,资金名称,本年累计争取（万元）,上年同期
            1,钦南区,一般性转移支付,均衡性转移支付,700,600
            2,钦南区,一般性转移支付,县级基本财力保障,400,350
            3,钦州市教育局,专项转移支付,义务教育薄弱环节,330,300
            合计,,,,1430,1250

            """.utf8).write(to: file)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let result = try Loader(connection: connection).load(file: file)
            #expect(result.outcome == .loaded)
            #expect(result.rowsLoaded == 3 && result.rowsRejected == 0)
            #expect(result.warnings.isEmpty)   // the 合计 matches the rows
            let rows = try connection.query("""
                SELECT coalesce(d.name, r.name) AS unit, f.ytd_amount_wan::text AS amount, f.prior_ytd_amount_wan::text AS prior,
                       f.line_no
                FROM dw.fact_transfer_payment_month f
                JOIN dw.dim_region r USING (region_key) LEFT JOIN dw.dim_department d USING (department_key)
                ORDER BY f.line_no
                """).rows.map { [$0["unit"], $0["amount"], $0["prior"], $0["line_no"]] }
            #expect(rows == [["钦南区", "1100.000000", "950.000000", "3"], ["市教育局", "330.000000", "300.000000", "5"]])
            #expect(try LoaderFixtures.int(connection, "SELECT count(*) AS n FROM dw.dim_department WHERE name LIKE '%教育局'") == 1)
        }
    }
}
