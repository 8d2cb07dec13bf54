import Foundation
import PostgresClient
import SheetReader
import TestSupport
import Testing
@testable import Warehouse

/// Money is exact end to end: a sheet in 元 with fen keeps every digit once stored in 万元.
@Suite struct MoneyScaleTests {
    @Test func yuanWithFenSurvivesAsWan() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("转移支付_202206.csv")
        let csv = """
            2022年1-6月争取上级转移支付资金情况表,,
            单位：元,,
            单位,本年累计争取,上年同期
            钦南区,"98,765,432.10",87654321.09
            市交通运输局,0.01,1

            """
        try Data(csv.utf8).write(to: file)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let result = try Loader(connection: connection).load(file: file)
            #expect(result.outcome == .loaded, "\(result.summaryLine)")
            let rows = try connection.query("""
                SELECT coalesce(d.name, r.name) AS unit, f.ytd_amount_wan, f.prior_ytd_amount_wan
                FROM dw.fact_transfer_payment_month f
                JOIN dw.dim_region r USING (region_key)
                LEFT JOIN dw.dim_department d USING (department_key)
                ORDER BY 1
                """).rows
            let byUnit = Dictionary(uniqueKeysWithValues: try rows.map {
                ($0["unit"] ?? "", [try $0.decimal("ytd_amount_wan"), try $0.decimal("prior_ytd_amount_wan")])
            })
            #expect(byUnit["钦南区"] == [Decimal(string: "9876.54321"), Decimal(string: "8765.432109")])
            #expect(byUnit["市交通运输局"] == [Decimal(string: "0.000001"), Decimal(string: "0.0001")])
        }
    }
}
