import Foundation
import Testing
@testable import SheetReader

/// Month and quarter columns of a targets sheet, per period or cumulative: the annual target
/// tells which (they were always summed, so cumulative columns gave m12 = 1369000 for T = 230000).
@Suite struct TargetMonthsTests {
    static let twelve = (1...12).map { "\($0)月" }
    static let quarters = ["一季度", "二季度", "三季度", "四季度"]

    @Test(arguments: [
        // Cumulative, rising to T: each is the target to the end of its month.
        ("230000", twelve, ["10000", "30000", "46000", "63000", "80000", "100000", "120000", "140000", "160000", "185000", "205000", "230000"],
         [3: "46000", 5: "80000", 12: "230000"], true, false),
        // Per month, adding up to T (equal months rise too, but do not end at T).
        ("480000", twelve, Array(repeating: "40000", count: 12), [3: "120000", 5: "200000", 12: "480000"], false, false),
        // Quarters, cumulative and per quarter.
        ("200000", quarters, ["40000", "100000", "150000", "200000"], [3: "40000", 6: "100000", 9: "150000", 12: "200000"], true, false),
        ("330", quarters, ["70", "90", "85", "85"], [3: "70", 6: "160", 9: "245", 12: "330"], false, false),
        // Neither: the documented reading (per period), with a warning.
        ("500", quarters, ["100", "200", "300", "400"], [3: "100", 6: "300", 9: "600", 12: "1000"], false, true),
        // Up to May only: per-period sums beyond T while the figures stay within it are cumulative.
        ("100", Array(twelve.prefix(5)), ["10", "30", "50", "70", "90"], [1: "10", 3: "50", 5: "90"], true, false),
        // Up to May, within T either way: per period, no warning.
        ("1000", Array(twelve.prefix(3)), ["10", "30", "50"], [1: "10", 2: "40", 3: "90"], false, false),
    ] as [(String, [String], [String], [Int: String], Bool, Bool)])
    func readingProvedByTheAnnualTarget(annual: String, columns: [String], values: [String], expected: [Int: String],
                                        cumulativeWarning: Bool, mismatchWarning: Bool) throws {
        let (reader, out) = try readAll([
            ["浦北县2022年固定资产投资目标任务分解表"],
            ["单位：万元"],
            ["指标", "全年目标任务", "目标增速（%）"] + columns,
            ["固定资产投资", annual, "15"] + values,
        ])
        let row = try #require(out.compactMap(\.targets).first?.first)
        #expect(row.annualTarget == D(annual))
        #expect(expected.allSatisfy { row.monthlyYTD[$0.key] == D($0.value) })
        #expect(reader.warnings.contains { $0.message.contains("cumulative targets") } == cumulativeWarning)
        #expect(reader.warnings.contains { $0.message.contains("neither add up") } == mismatchWarning)
    }

    /// A row without an annual target reads as an earlier row of the sheet proved.
    @Test func rowWithoutTargetFollowsTheSheet() throws {
        let (_, out) = try readAll([
            ["2022年市直部门固定资产投资目标任务分解表"],
            ["单位", "指标", "全年目标任务"] + Self.quarters,
            ["市交通运输局", "固定资产投资", "200000", "40000", "100000", "150000", "200000"],
            ["市水利局", "固定资产投资", "", "10000", "30000", "55000", "80000"],
        ])
        let rows = out.compactMap(\.targets).map { $0[0] }
        #expect(rows.map { $0.monthlyYTD[12] } == [D("200000"), D("80000")])
    }
}
