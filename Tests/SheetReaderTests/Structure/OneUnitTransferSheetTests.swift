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
