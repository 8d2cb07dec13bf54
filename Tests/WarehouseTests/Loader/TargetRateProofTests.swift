import Foundation
import PostgresClient
import SheetReader
import TestSupport
import Testing
@testable import Warehouse

/// A target rate below 1 among whole percents (`15 | 0.15 | 30`): read as 15 % when the row's
/// annual target is last year's figure × 1.15 (it was a 0.15 % target); otherwise as written.
@Suite struct TargetRateProofTests {
    @Test func annualTargetAndLastYearProveAFraction() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws -> URL { try LoaderFixtures.write(name, text, in: directory) }
        let lastYear = try write("a_2021-12.csv", "2021年1-12月各县区主要指标\n县区,固定资产投资\n钦南区,500000\n钦北区,250000\n浦北县,200000\n")
        let targets = try write("b_targets.csv", "2022年固定资产投资目标任务分解表\n单位：万元\n单位,指标,全年目标任务,目标增速（%）\n"
            + "钦南区,固定资产投资,575000,15\n钦北区,固定资产投资,260000,0.5\n浦北县,固定资产投资,230000,0.15\n")

        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            #expect(try loader.load(file: lastYear).outcome == .loaded)
            let result = try loader.load(file: targets)
            #expect(result.outcome == .loaded)
            let rates = try connection.query("""
                SELECT r.name || ':' || t.rate_pct::numeric(9, 2) AS t
                FROM dw.fact_target t JOIN dw.dim_region r USING (region_key) WHERE t.month_no = 0 ORDER BY 1
                """).rows.compactMap { $0["t"] }
            // 钦北区's 0.5: 260000 is 250000 × 1.04, neither reading: as written (the reader warns).
            #expect(rates == ["浦北县:15.00", "钦北区:0.50", "钦南区:15.00"])
            #expect(result.warnings.contains { $0.line == 6 && $0.message.contains("read as 15 %") })
            #expect(!result.warnings.contains { $0.line == 5 && $0.message.contains("read as 50") })
        }
    }
}
