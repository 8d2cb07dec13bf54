import Foundation
import Testing
@testable import SheetReader

/// Two project tables side by side: the file is rejected naming the column where the second
/// starts (the right block's projects were lost without a word); one table whose header names
/// one required field twice still loads.
@Suite struct SideBySideTests {
    @Test(arguments: [
        ([["续建项目", "", "", "", "", "新开工项目", "", "", "", ""],
          ["序号", "项目名称", "统一项目代码", "年度计划投资", "1-10月完成投资", "序号", "项目名称", "统一项目代码", "年度计划投资", "1-10月完成投资"],
          ["1", "钦南续1", "2021-450702-36-03-110001", "5000", "4000", "1", "钦南新1", "2022-450702-48-01-110011", "3000", "2500"]],
         6, "F", "序号"),
        ([["项目名称", "项目代码", "1-11月完成投资", "本月完成投资", "", "项目名称", "项目代码", "1-11月完成投资", "本月完成投资"],
          ["灵山工1", "2021-450721-36-03-120001", "5000", "400", "", "灵山基1", "2022-450721-48-01-120011", "3000", "250"]],
         6, "F", "项目名称"),
    ] as [([[String]], Int, String, String)])
    func secondTableRejectsTheFile(rows: [[String]], column: Int, letters: String, text: String) throws {
        #expect {
            _ = try readAll([["钦南区2022年1-10月重大项目投资进度表"]] + rows, fileName: "两栏.csv")
        } throws: { error in
            guard let e = error as? SheetError else { return false }
            return e.file == "两栏.csv" && e.column == column && e.message.contains("column \(column) (\(letters), '\(text)')")
                && e.message.contains("two tables side by side")
        }
    }

    @Test(arguments: [
        (["项目名称", "统一项目代码", "1-5月完成投资", "1-6月完成投资"], ["钦南甲", "2022-450702-36-03-700001", "2000", "2400"]),
        (["项目名称", "项目编码", "统一项目代码", "1-6月完成投资"], ["钦南甲", "QN-01", "2022-450702-36-03-700001", "2400"]),
    ] as [([String], [String])])
    func oneTableLoads(header: [String], row: [String]) throws {
        let (_, out) = try readAll([["钦南区2022年1-6月重大项目投资进度表"], header, row])
        #expect(out.compactMap(\.project).map(\.ytdCompleted) == [Decimal(2400)])
    }

    @Test(arguments: [(0, "A"), (5, "F"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA")])
    func columnLetters(index: Int, letters: String) {
        #expect(SideBySide.letters(index) == letters)
    }
}
