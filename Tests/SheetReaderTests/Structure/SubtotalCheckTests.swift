import Foundation
import Testing
@testable import SheetReader

@Suite struct SubtotalCheckTests {
    func a(_ s: String, decimals: Int = 2) -> [String: Amount] {
        ["ytd": Amount(wan: Decimal(string: s)!, halfULP: Decimal(sign: .plus, exponent: -decimals - 1, significand: 5))]
    }

    @Test func matchingSubtotalIsSilent() {
        var c = SubtotalChecker()
        c.data(a("1.11"), line: 2)
        c.data(a("2.22"), line: 3)
        c.subtotal(label: "小计", wholeSheet: false, line: 4, amounts: a("3.33"))
        c.finish()
        #expect(c.warnings.isEmpty)
    }

    /// A rejected row in the range explains the difference: the warning says so.
    @Test func rejectedRowInTheRangeIsNamed() {
        var c = SubtotalChecker()
        c.data(a("800.00"), line: 10)
        c.rejected()
        c.data(a("150.00"), line: 12)
        c.subtotal(label: "小计", wholeSheet: false, line: 13, amounts: a("1000.00"))
        c.finish()
        #expect(c.warnings.first?.message.hasSuffix("; 1 rejected row in its range is not in the sum") == true)
        var clean = SubtotalChecker()
        clean.data(a("800.00"), line: 10)
        clean.subtotal(label: "小计", wholeSheet: false, line: 13, amounts: a("1000.00"))
        clean.finish()
        #expect(clean.warnings.first?.message.contains("rejected") == false)
    }

    @Test func mismatchIsAWarningWithTheLine() {
        var c = SubtotalChecker()
        c.names["ytd"] = "1-6月完成投资"
        c.data(a("800.00"), line: 10)
        c.data(a("150.00"), line: 12)
        c.subtotal(label: "小计", wholeSheet: false, line: 13, amounts: a("1000.00"))
        c.finish()   // the rows below it could still add up (`groupTotalBeforeItsMembers`)
        #expect(c.warnings.count == 1)
        #expect(c.warnings.first?.line == 13)
        #expect(c.warnings.first?.message.contains("1-6月完成投资") == true)
        #expect(c.warnings.first?.message.contains("lines 10–12") == true)
    }

    @Test(arguments: [("3.35", 2, false), ("3.34", 2, true), ("3", 0, true), ("3.3", 1, true), ("3.4", 1, false)])
    func roundingTolerance(subtotal: String, decimals: Int, silent: Bool) {
        // Rows 1.11 + 2.22 = 3.33; a subtotal shown with fewer decimals may round.
        var c = SubtotalChecker()
        c.data(a("1.11"), line: 1)
        c.data(a("2.22"), line: 2)
        c.subtotal(label: "合计", wholeSheet: true, line: 3, amounts: a(subtotal, decimals: decimals))
        #expect(c.warnings.isEmpty == silent)
    }

    @Test func subtotalCoversRowsSinceSection() {
        var c = SubtotalChecker()
        c.section(level: 1, label: "产业项目", line: 1, amounts: [:])
        c.data(a("5"), line: 2)
        c.section(level: 2, label: "服务业", line: 3, amounts: [:])
        c.data(a("1"), line: 4)
        c.subtotal(label: "小计", wholeSheet: false, line: 5, amounts: a("1"))
        c.subtotal(label: "合计", wholeSheet: true, line: 6, amounts: a("6"))
        c.finish()
        #expect(c.warnings.isEmpty)
    }

    /// `一、工业项目 / （一）新建 300 / （二）续建 500 / 小计 800`: the 小计 closes the whole section
    /// (it was checked against 续建's 500 only); one that fits neither is still a warning.
    @Test(arguments: [("800", false), ("500", false), ("700", true)])
    func subtotalAfterSubSectionsCoversTheSection(_ total: String, _ warned: Bool) {
        var c = SubtotalChecker()
        c.section(level: 1, label: "工业项目", line: 1, amounts: [:])
        c.section(level: 2, label: "新建项目", line: 2, amounts: [:])
        c.data(a("300"), line: 3)
        c.section(level: 2, label: "续建项目", line: 4, amounts: [:])
        c.data(a("500"), line: 5)
        c.subtotal(label: "小计", wholeSheet: false, line: 6, amounts: a(total))
        c.section(level: 1, label: "基础设施项目", line: 7, amounts: [:])
        c.data(a("400"), line: 8)
        c.finish()
        #expect(!c.warnings.isEmpty == warned, "\(c.warnings)")
    }

    @Test func totalAboveTheRowsIsCheckedAtTheEnd() {
        var c = SubtotalChecker()
        c.subtotal(label: "全市合计", wholeSheet: true, line: 2, amounts: a("10"))
        c.data(a("4"), line: 3)
        c.data(a("5"), line: 4)
        #expect(c.warnings.isEmpty)
        c.finish()
        #expect(c.warnings.count == 1)
        #expect(c.warnings.first?.line == 2)
    }

    @Test func sectionRowWithAmountsIsChecked() {
        var c = SubtotalChecker()
        c.section(level: 1, label: "产业项目", line: 1, amounts: a("3"))
        c.data(a("1"), line: 2)
        c.section(level: 2, label: "工业", line: 3, amounts: a("2"))
        c.data(a("2"), line: 4)
        c.section(level: 1, label: "基础设施", line: 5, amounts: a("9"))
        c.data(a("8"), line: 6)
        c.finish()
        #expect(c.warnings.map(\.line) == [5])
    }

    /// A statistics bureau's order, each group's total before its members: checked against the
    /// rows below it when the rows above do not add up; warned about (with the rows above) when
    /// neither does, in its place among the warnings.
    @Test func groupTotalBeforeItsMembers() {
        var c = SubtotalChecker()
        c.data(a("30"), line: 3)                                             // 全市
        c.subtotal(label: "其中:县区合计", wholeSheet: false, line: 4, amounts: a("24"))
        c.data(a("14"), line: 5)
        c.data(a("10"), line: 6)
        c.subtotal(label: "园区合计", wholeSheet: false, line: 7, amounts: a("6"))
        c.data(a("6"), line: 8)
        c.finish()
        #expect(c.warnings.isEmpty)

        var wrong = SubtotalChecker()
        wrong.data(a("1"), line: 2)
        wrong.subtotal(label: "小计", wholeSheet: false, line: 3, amounts: a("5"))
        wrong.data(a("2"), line: 4)
        wrong.warn(SheetWarning(line: 4, message: "a later warning"))
        wrong.finish()
        #expect(wrong.warnings.map(\.line) == [3, 4])
        #expect(wrong.warnings.first?.message.contains("lines 2–2") == true)
    }
}
