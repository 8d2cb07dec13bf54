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

    /// Month columns alone (no annual target or rate beside them) are targets only under a title
    /// or header saying so (`目标`/`任务`/`计划`, or a `分解`); a county's monthly completions
    /// (`…完成情况（逐月累计）`) were read as targets and replaced the year's. Otherwise the file is
    /// rejected as a whole, saying why (nil: read as targets).
    @Test(arguments: [
        ("2022年1-8月各县区固定资产投资完成情况（逐月累计）", ["县（区）", "1-2月", "1-3月", "1-4月", "1-8月"], "under a title that says 完成"),
        ("2022年1-10月各县区争取上级转移支付资金情况", ["单位", "1-2月", "1-3月", "1-10月"], "under a title that says 争取"),
        ("2022年各县区固定资产投资", ["县区", "1-2月", "3月", "4月"], "no 目标/任务/计划 in the title or a header"),
        ("2022年固定资产投资计划完成情况", ["县区", "指标", "1月", "2月", "3月"], "under a title that says 完成"),
        ("2022年各县区固定资产投资目标", ["县区", "1-3月", "1-6月", "1-9月"], nil),
        ("2022年各县区固定资产投资", ["县区", "指标", "1-3月目标", "1-6月目标", "1-9月目标"], nil),
        ("2022年各县区需完成固定资产投资任务分解表", ["县区", "1-3月", "1-6月", "1-9月"], nil),
        ("2022年固定资产投资按月计划", ["县区", "指标", "1月", "2月", "3月"], nil),
    ] as [(String, [String], String?)])
    func monthColumnsAloneNeedTargetWords(title: String, header: [String], reason: String?) throws {
        let keys = header[1] == "指标" ? ["钦南区", "固定资产投资"] : ["钦南区"]
        let rows = [[title], header, keys + Array(repeating: "100", count: header.count - keys.count)]
        guard let reason else {
            let (reader, out) = try readAll(rows)
            #expect(reader.info.layout == .targets)
            #expect(out.compactMap(\.targets).count == 1)
            return
        }
        #expect {
            _ = try readAll(rows, fileName: "县区月报.csv")
        } throws: { error in
            guard let e = error as? SheetError else { return false }
            return e.code == .unknownLayout && e.file == "县区月报.csv" && e.message.contains(reason) && e.message.contains("not")
        }
    }
}
