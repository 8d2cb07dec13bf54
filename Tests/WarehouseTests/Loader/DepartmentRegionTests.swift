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
}
