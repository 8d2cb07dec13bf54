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
    /// Fund categories as column groups, `政府性基金转移支付` among them (its group was dropped: every
    /// unit's total short by it, with only a subtotal warning), in 元 with `增减%` under each.
    @Test func governmentFundGroup() throws {
        let (reader, out) = try readAll([
            ["钦州市2025年1-6月各县区争取上级转移支付资金情况统计表"],
            ["", "", "", "", "", "", "", "", "", "", "", "", "单位：元"],
            ["县区", "一般性转移支付", "", "", "专项转移支付", "", "", "政府性基金转移支付", "", "", "合计", "", ""],
            ["", "本年累计", "上年同期", "增减%", "本年累计", "上年同期", "增减%", "本年累计", "上年同期", "增减%", "本年累计", "上年同期", "增减%"],
            ["全市合计", "624,450,000", "549,224,702", "13.70", "308,750,000", "286,455,972", "7.78", "15,930,000", "13,158,360", "21.06",
             "949,130,000", "848,839,034", "11.82"],
            ["钦南区", "624,450,000", "549,224,702", "13.70", "308,750,000", "286,455,972", "7.78", "15,930,000", "13,158,360", "21.06",
             "949,130,000", "848,839,034", "11.82"],
        ])
        #expect(reader.info.layout == .transferPayments)
        let rows = out.compactMap(\.transfers).flatMap { $0 }
        #expect(rows.map(\.category) == ["一般性转移支付", "专项转移支付", "政府性基金转移支付"])
        #expect(rows.map(\.ytdAmount) == [D("62445"), D("30875"), D("1593")])
        #expect(rows.map(\.priorYtdAmount) == [D("54922.4702"), D("28645.5972"), D("1315.836")])
        #expect(reader.warnings.isEmpty)
    }

    /// One fund written several ways is one category, whichever way a sheet writes it (a
    /// 资金类别 cell, a column, a section row): a department's `政府性基金` and the finance
    /// bureau's `政府性基金转移支付` were two, and its money counted twice.
    @Test(arguments: [
        ("政府性基金", "政府性基金转移支付"), ("政府性基金转移支付资金", "政府性基金转移支付"),
        ("一般转移支付", "一般性转移支付"), ("一般性转移支付资金", "一般性转移支付"),
        ("专项转移支付资金", "专项转移支付"), ("均衡性转移支付", "均衡性转移支付"), ("其他资金", "其他资金"),
    ] as [(String, String)])
    func categorySpellings(written: String, stored: String) throws {
        let (_, asCell) = try readAll([
            ["市交通运输局2025年1-6月争取上级转移支付资金情况"],
            ["资金类别", "本年累计争取（万元）", "上年同期（万元）"],
            [written, "3200", "4100"],
        ])
        #expect(asCell.compactMap(\.transfer).map(\.category) == [stored])
        let (_, asSection) = try readAll([
            ["2025年1-6月市直部门争取上级转移支付资金情况表"],
            ["部门", "本年累计争取", "上年同期"],
            ["三、\(written)", "", ""],
            ["市交通运输局", "3200", "4100"],
        ])
        if written.contains("转移支付") || written.contains("基金") {
            #expect(asSection.compactMap(\.transfer).map(\.category) == [stored])
        }
    }

    /// A column per category, the same fund written short (`政府性基金`).
    @Test func shortCategoryColumn() throws {
        let (_, out) = try readAll([
            ["2025年1-6月钦州市争取上级转移支付资金情况表"],
            ["单位", "一般转移支付", "专项转移支付", "政府性基金", "合计"],
            ["钦南区", "1100", "560", "30", "1690"],
        ])
        let rows = out.compactMap(\.transfers).flatMap { $0 }
        #expect(rows.map(\.category) == ["一般性转移支付", "专项转移支付", "政府性基金转移支付"])
        #expect(rows.map(\.ytdAmount) == [D("1100"), D("560"), D("30")])
    }
    /// A group beside the categories whose name is no known category is not read, and the batch
    /// names it (without the 合计 group it was silent).
    @Test func unknownGroupIsNamed() throws {
        let (reader, out) = try readAll([
            ["2025年1-6月钦州市争取上级转移支付资金情况表"],
            ["单位", "一般性转移支付", "", "其他上级补助", "", "合计", ""],
            ["", "本年累计", "上年同期", "本年累计", "上年同期", "本年累计", "上年同期"],
            ["钦南区", "1100", "1000", "50", "40", "1150", "1040"],
        ])
        #expect(out.compactMap(\.transfers).flatMap { $0 }.map(\.category) == ["一般性转移支付"])
        #expect(reader.warnings.map(\.message) == [
            "column group '其他上级补助' is no known fund category: its amounts are not read; add it to fund_column in a --synonyms file"])
    }
    /// `增减%` and its spellings beside a transfer amount are the reported growth rate (it was
    /// lost); `增减` with a money unit stays the change in money, which is not kept.
    @Test(arguments: [("增减%", "6.37"), ("增减（%）", "6.37"), ("增减幅度（%）", "6.37"), ("±%", "6.37"), ("同比增减（万元）", nil)]
          as [(String, String?)])
    func growthRateColumn(header: String, rate: String?) throws {
        let (_, out) = try readAll([
            ["2025年1-6月全市上级转移支付资金到位情况"],
            ["序号", "单位", "转移支付类别", "本年累计到位资金", "上年同期", header],
            ["1", "钦南区", "一般性转移支付", "8.52", "8.01", "6.37"],
        ])
        #expect(out.compactMap(\.transfer).map(\.reportedYoYPct) == [rate.map(D)])
    }

    /// `增减%` under each fund category's group is that category's reported rate.
    @Test func growthRateUnderEachFund() throws {
        let (_, out) = try readAll([
            ["钦州市2025年1-6月各县区争取上级转移支付资金情况统计表"],
            ["县区", "一般性转移支付", "", "", "政府性基金转移支付", "", ""],
            ["", "本年累计", "上年同期", "增减%", "本年累计", "上年同期", "增减%"],
            ["钦南区", "62445", "54922", "13.70", "1593", "1316", "21.06"],
        ])
        #expect(out.compactMap(\.transfers).flatMap { $0 }.map(\.reportedYoYPct) == [D("13.70"), D("21.06")])
    }

    /// A transfer sheet's `同比增长（%）` written as fractions (`0.0968` for 9.68 %) is read ×100 when
    /// its amounts and last year's prove it, as in indicator sheets (a unit's +6 % verdict read
    /// 0.1 % growth); percents stay as written.
    @Test(arguments: [(["0.0968", "0.0339"], ["9.68", "3.39"], true), (["9.68", "3.39"], ["9.68", "3.39"], false)])
    func growthWrittenAsFractions(cells: [String], expected: [String], warned: Bool) throws {
        let (reader, out) = try readAll([
            ["钦州市2025年上半年争取上级转移支付资金情况表"],
            ["序号", "单位", "本年累计争取", "上年同期", "同比增长（%）"],
            ["1", "钦南区", "68000", "62000", cells[0]],
            ["2", "钦北区", "61000", "59000", cells[1]],
        ])
        #expect(reader.info.layout == .transferPayments)
        #expect(out.compactMap(\.transfers).flatMap { $0 }.map(\.reportedYoYPct) == expected.map(D))
        #expect(reader.warnings.contains { $0.message.contains("read as fractions, ×100") } == warned, "\(reader.warnings)")
    }
}
