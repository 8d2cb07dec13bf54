import Foundation
import Testing
@testable import SheetReader

/// A project's amount heading merged over its parts: the 合计/小计/总计 column is the amount (the
/// first part was loaded as the year to date), the row of part names is part of the header (it
/// was read as a subtotal, with a warning that `合计` is not a number, or rejected as a project
/// without a code), and parts without a total reject the file naming them.
@Suite struct AmountPartsTests {
    static func sheet(_ heading: String, _ parts: [String], _ month: String, values: [String]) -> [[String]] {
        let pad = Array(repeating: "", count: parts.count - 1)
        return [
            ["钦南区2022年重大项目投资进度表"],
            ["项目名称", "统一项目代码", "年度计划投资", heading] + pad + [month],
            ["", "", "", ] + parts + [""],
            ["钦南甲", "2022-450702-36-03-700001", "5000"] + values + ["500"],
        ]
    }

    @Test(arguments: [
        ("1-4月完成投资", ["其中：政府投资", "其中：社会投资", "合计"], ["1800", "600", "2400"]),
        ("1-7月完成投资", ["建筑安装工程", "设备工器具购置", "其他费用", "合计"], ["1500", "600", "300", "2400"]),
        ("1-8月完成投资", ["合计", "其中：政府投资", "其中：社会投资"], ["2400", "1800", "600"]),
        ("1-3月完成投资", ["小计", "其中：建安工程", "设备工器具购置"], ["2400", "1800", "600"]),
        ("1-5月完成投资", ["中央资金", "地方资金", "总计"], ["1000", "1400", "2400"]),
        ("1月完成投资", ["合计", "其中：建安工程", "其中：设备购置"], ["2400", "1800", "600"]),
    ] as [(String, [String], [String])])
    func totalIsTheAmount(heading: String, parts: [String], values: [String]) throws {
        let (reader, out) = try readAll(Self.sheet(heading, parts, "本月完成投资", values: values), fileName: "钦南区2022年.csv")
        let rows = out.compactMap(\.project)
        #expect(rows.map(\.ytdCompleted) == [Decimal(2400)])
        #expect(rows.map(\.monthCompleted) == [Decimal(500)])
        #expect(out.compactMap(\.rejected).isEmpty)
        #expect(reader.warnings.filter { $0.message.contains("not a number") || $0.message.contains("subtotal") }.isEmpty)
    }

    @Test func partsWithoutTotalAreAmbiguous() throws {
        #expect {
            _ = try readAll(Self.sheet("1-7月完成投资", ["建筑安装工程", "设备工器具购置", "其他费用"], "7月完成投资",
                                       values: ["1500", "600", "300"]), fileName: "钦北区.csv")
        } throws: { error in
            guard let e = error as? SheetError else { return false }
            return e.code == .missingColumns && e.file == "钦北区.csv" && e.message.contains("1-7月完成投资")
                && e.message.contains("建筑安装工程 | 设备工器具购置 | 其他费用") && e.message.contains("ambiguous")
        }
    }

    /// A heading over amounts it names itself is no split: `本年累计 | 其中：本月`.
    @Test func namedAmountsAreNoParts() throws {
        let (_, out) = try readAll([
            ["钦南区2022年1-6月重大项目投资进度表"],
            ["项目名称", "统一项目代码", "1-6月完成投资", ""],
            ["", "", "本年累计", "其中：本月"],
            ["钦南甲", "2022-450702-36-03-700001", "2400", "500"],
        ])
        let rows = out.compactMap(\.project)
        #expect(rows.map(\.ytdCompleted) == [Decimal(2400)])
        #expect(rows.map(\.monthCompleted) == [Decimal(500)])
    }
}
