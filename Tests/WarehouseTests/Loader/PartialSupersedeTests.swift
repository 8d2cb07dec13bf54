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
        func write(_ name: String, _ text: String) throws -> URL {
            let url = directory.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url
        }
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
}
