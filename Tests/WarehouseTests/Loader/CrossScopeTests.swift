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
}
