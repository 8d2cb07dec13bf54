import Foundation
import Testing
@testable import SheetReader

/// A county finance bureau's or a department's own transfer sheet: no 单位 column, rows by
/// fund category, the unit in the title or file name (was rejected: "cannot tell the layout").
@Suite struct OneUnitTransferSheetTests {
    @Test(arguments: [
        // The county's own sheet, its finance bureau reporting: the county receives.
        (["灵山县2022年1-5月争取上级转移支付资金情况表", "填报单位：灵山县财政局"], "e22b.csv", ReadOptions(), "灵山县", "灵山县"),
        // A city department's: the department receives (the loader books it under the city).
        (["市交通运输局2022年1-5月争取上级资金情况"], "e22c.csv", ReadOptions(), nil, "市交通运输局"),
        // A county department's: the department, under its county.
        (["灵山县2022年1-5月争取上级资金情况", "填报单位：灵山县交通运输局"], "t.csv", ReadOptions(), "灵山县", "灵山县交通运输局"),
        // Nothing names it but --region.
        (["2022年1-5月争取上级转移支付资金情况表"], "t.csv", ReadOptions(region: "浦北县"), "浦北县", "浦北县"),
    ] as [([String], String, ReadOptions, String?, String)])
    func unitFromTheSheet(titles: [String], fileName: String, options: ReadOptions, region: String?, unit: String) throws {
        let (reader, out) = try readAll(titles.map { [$0] } + [
            ["资金类别", "本年累计争取", "上年同期", "同比增长（%）"],
            ["一般性转移支付", "1800", "1500", "20.0"],
            ["专项转移支付", "600", "500", "20.0"],
            ["合计", "2400", "2000", "20.0"],
        ], fileName: fileName, options: options)
        #expect(reader.info.layout == .transferPayments)
        #expect(reader.info.region == region)
        let rows = out.compactMap(\.transfer)
        #expect(rows.map(\.unit) == [unit, unit])
        #expect(rows.map(\.category) == ["一般性转移支付", "专项转移支付"])
        #expect(rows.map(\.ytdAmount) == [D("1800"), D("600")])
        #expect(reader.warnings.isEmpty)
    }

    /// A department's fund list: one row per fund (资金名称 | 文号 | 金额), no category, the unit in
    /// 填报单位 (was rejected: "no header row"). Each fund is a row of the unit; the loader sums them.
    @Test(arguments: [
        ["序号", "资金名称", "文号", "金额", "到位时间"],
        ["序号", "资金名称", "文号", "到位资金", "到位时间"],
        ["序号", "资金名称", "下达文号", "本年累计到位", "到位时间"],
        ["序号", "资金名称", "到位资金（万元）", "备注"],
    ])
    func departmentFundList(header: [String]) throws {
        let amountColumn = header.firstIndex { $0.contains("金额") || $0.contains("到位") && !$0.contains("时间") }!
        func row(_ n: String, _ name: String, _ doc: String, _ amount: String) -> [String] {
            header.indices.map { c in
                c == 0 ? n : c == 1 ? name : c == amountColumn ? amount : header[c].contains("文号") ? doc : ""
            }
        }
        let (reader, out) = try readAll([
            ["钦州市教育局2025年1-6月争取上级转移支付资金明细表"], ["填报单位：钦州市教育局", "", "", "单位：万元"], header,
            row("1", "2025年中央义务教育薄弱环节改善与能力提升补助资金", "桂财教〔2025〕12号", "1,280.00"),
            row("2", "2025年学前教育发展资金", "桂财教〔2025〕25号", "460.50"),
            row("3", "2025年学生资助补助经费", "桂财教〔2025〕40号", "1,655.2"),
            row("", "合计", "", "3,395.70"),
        ], fileName: "t03.csv")
        #expect(reader.info.layout == .transferPayments)
        let rows = out.compactMap(\.transfer)
        #expect(rows.map(\.unit) == ["钦州市教育局", "钦州市教育局", "钦州市教育局"])
        #expect(rows.map(\.ytdAmount) == [D("1280"), D("460.5"), D("1655.2")])
        #expect(reader.warnings.isEmpty)
    }

    /// A project list with its funding (`项目名称 | 总投资 | 到位资金`) is no unit's transfer sheet.
    @Test(arguments: ["到位资金", "争取资金"])
    func projectFundingIsNoTransferSheet(amount: String) throws {
        let rows = [["灵山县2022年1-5月重点项目资金情况"], ["项目名称", "总投资", amount], ["某项目", "100", "50"]]
        let layout = try? SheetReading(source: ArrayRecordSource(rows: rows), fileName: "t.csv", options: ReadOptions()).info.layout
        #expect(layout != .transferPayments)
    }

    /// With nothing naming the unit, the rejection says what is missing (it blamed the layout).
    @Test func noUnitAnywhere() throws {
        #expect {
            _ = try readAll([["2022年1-5月争取上级资金情况"], ["资金类别", "本年累计争取"], ["专项转移支付", "300"]])
        } throws: { error in
            let e = error as? SheetError
            return e?.code == .missingRegion && e?.message.contains("one-unit transfer sheet") == true
        }
    }
}
