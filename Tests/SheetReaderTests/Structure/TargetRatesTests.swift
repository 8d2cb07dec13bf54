import Foundation
import Testing
@testable import SheetReader

/// A targets sheet's rate column written as fractions (`0.15` under `目标增速（%）`) was stored as
/// 0.15 %: decided for the column, with a batch warning either way.
@Suite struct TargetRatesTests {
    @Test(arguments: [
        // Every rate a fraction: ×100, one warning for the column.
        (["0.15", "0.2", "0"], ["15", "20", "0"], "read as fractions"),
        // Whole percents, and written with the sign: as written.
        (["15", "20", "8.5"], ["15", "20", "8.5"], nil),
        (["0.5%", "0.2%", "0.1%"], ["0.5", "0.2", "0.1"], nil),
        // A small rate beside whole ones: as written, with a warning naming it.
        (["15", "0.15", "30"], ["15", "0.15", "30"], "0.15 is read as 0.15 %"),
        // Fractions, one written with its sign: the sign is kept.
        (["0.15", "0.2%", ""], ["15", "0.2", nil], "read as fractions"),
        // Only zeros: nothing to tell.
        (["0", "0"], ["0", "0"], nil),
    ] as [([String], [String?], String?)])
    func fractionColumn(rates: [String], expected: [String?], warning: String?) throws {
        let units = ["钦南区", "钦北区", "灵山县"]
        let (reader, out) = try readAll([
            ["2022年固定资产投资目标任务分解表"],
            ["单位", "指标", "全年目标任务", "目标增速（%）"],
        ] + zip(units, rates).map { [$0, "固定资产投资", "1000", $1] })
        let got = out.compactMap(\.targets).map { $0[0].ratePct }
        #expect(got == expected.map { $0.map(D) })
        if let warning {
            #expect(reader.warnings.contains { $0.message.contains(warning) })
        } else {
            #expect(reader.warnings.isEmpty)
        }
    }

    /// A wide sheet's per-indicator rate columns are decided each on its own.
    @Test func wideSheetRateColumns() throws {
        let (_, out) = try readAll([
            ["2022年各县区投资目标任务分解表"],
            ["县区", "固定资产投资目标", "固定资产投资增速", "工业投资目标", "工业投资增速"],
            ["钦南区", "1000", "0.15", "500", "30"],
            ["钦北区", "800", "0.12", "400", "25"],
        ])
        let rows = try #require(out.compactMap(\.targets).first)
        #expect(rows.map(\.indicator) == ["fai", "industrial"])
        #expect(rows.map(\.ratePct) == [D("15"), D("30")])
    }

    /// The sheet's own figures prove a growth column's fractions: computed growth (value ÷
    /// prior − 1) within half a point of the rate × 100; a row disagreeing disproves it; no row
    /// with both figures cannot tell.
    @Test(arguments: [
        ([("0.15", "1150", "1000"), ("0.0556", "1900", "1800"), ("0", "10", "10")], true as Bool?),
        ([("0.153", "1153", "1000"), ("-0.05", nil, "1000")], true),
        ([("0.15", "1150", "1000"), ("0.5", "1005", "1000")], false),
        ([("0.5", "1005", "1000")], false),
        ([("0.153", nil, nil), ("0.05", "600", nil)], nil),
    ] as [([(String, String?, String?)], Bool?)])
    func reportedGrowthProvenByFigures(rows: [(String, String?, String?)], proven: Bool?) {
        #expect(TargetRates.provenByFigures(rows.map { (D($0.0), $0.1.map(D), $0.2.map(D)) }) == proven)
    }
}
