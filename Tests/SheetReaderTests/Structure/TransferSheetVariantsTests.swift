import Foundation
import Testing
@testable import SheetReader

/// Transfer-payment sheets as finance bureaus and departments send them, read as a person reads
/// them (each case was silently wrong or lost before).
@Suite struct TransferSheetVariantsTests {
    /// The finance bureau's usual form: 本年累计争取 beside its 目标任务. A column only transfer
    /// sheets have makes it a transfer sheet (it was a targets sheet: every amount dropped, and
    /// the targets stored as the units' annual targets); the target is not kept.
    @Test(arguments: ["本年累计争取", "累计到位资金", "本年累计争取上级转移支付资金"])
    func transferAmountBesideATarget(amount: String) throws {
        let (reader, out) = try readAll([
            ["钦州市2025年上半年争取上级转移支付资金完成情况表"],
            ["（单位：亿元）"],
            ["序号", "单位", amount, "上年同期", "同比增减（%）", "目标任务", "完成目标任务（%）"],
            ["一", "县区合计", "12.90", "12.10", "6.61", "25.00", "51.60"],
            ["1", "钦南区", "6.80", "6.20", "9.68", "13.00", "52.31"],
            ["2", "钦北区", "6.10", "5.90", "3.39", "12.00", "50.83"],
            ["", "全市合计", "12.90", "12.10", "6.61", "25.00", "51.60"],
        ])
        #expect(reader.info.layout == .transferPayments)
        let rows = out.compactMap(\.transfers).flatMap { $0 }
        #expect(rows.map(\.unit) == ["钦南区", "钦北区"])
        #expect(rows.map(\.ytdAmount) == [D("68000"), D("61000")])
        #expect(rows.map(\.priorYtdAmount) == [D("62000"), D("59000")])
        #expect(rows.map(\.reportedYoYPct) == [D("9.68"), D("3.39")])
        #expect(out.compactMap(\.rejected).isEmpty)
        #expect(reader.warnings.isEmpty)
    }

    /// A targets sheet of transfer payments stays one: its columns name no amount secured.
    @Test func transferTargetsStayTargets() throws {
        let (reader, _) = try readAll([
            ["2025年各县区争取上级转移支付资金目标任务分解表"],
            ["单位", "指标", "全年目标任务"],
            ["钦南区", "上级转移支付", "130000"],
        ])
        #expect(reader.info.layout == .targets)
    }
}
