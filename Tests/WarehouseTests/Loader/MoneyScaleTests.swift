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

    /// A project's 总投资 with six decimals in 万元 (a sheet in 元 with fen), restated unchanged next
    /// month: the project is not rewritten (`last_batch_key` stays the first batch). The merge
    /// compared the stored value with the row's rounded to the old four decimals, so it found
    /// every such project changed every month.
    @Test func unchangedTotalWithSixDecimalsDoesNotRewriteTheProject() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [URL] = []
        for month in [5, 6] {
            let file = directory.appendingPathComponent("2022-0\(month)_灵山县_重大项目进度.csv")
            try Data("""
                灵山县2022年1-\(month)月重大项目进度表
                单位：元
                项目代码,项目名称,总投资,本年累计完成投资
                2022-450721-36-01-000001,甲项目,"123,456,789.01",\(month)000000

                """.utf8).write(to: file)
            files.append(file)
        }
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let first = try Loader(connection: connection).load(file: files[0])
            let second = try Loader(connection: connection).load(file: files[1])  // a new loader: the merge decides
            #expect(first.outcome == .loaded && second.outcome == .loaded)
            let row = try #require(try connection.query("SELECT total_investment_wan, last_batch_key FROM dw.dim_project").first)
            #expect(try row.decimal("total_investment_wan") == Decimal(string: "12345.678901"))
            #expect(try row.int("last_batch_key") == first.batchKey)
        }
    }
}
