import Foundation
import Testing
@testable import SheetReader

@Suite struct ValueParserTests {
    static let numbersCases: [(String, String)] = [
        ("1,234.5", "1234.5"), ("１２３４．５", "1234.5"), ("12.3%", "12.3"), ("(123.4)", "-123.4"),
        ("（123.4）", "-123.4"), ("-123", "-123"), ("1.2E+05", "120000"), ("1.2e-3", "0.0012"),
        ("12,345,678.90", "12345678.9"), (" 42 ", "42"), ("+7", "7"), (".5", "0.5"), ("5.", "5"),
        ("0.1", "0.1"), ("１，２３４", "1234"), ("−3.5", "-3.5"), ("(0.00)", "0"),
        ("123456789012345678901234567890.12", "123456789012345678901234567890.12"),
    ]

    @Test(arguments: numbersCases)
    func parsesNumbersExactly(text: String, expected: String) throws {
        let n = try #require(try ValueParser.number(text))
        #expect(n.value == Decimal(string: expected)!)
    }

    @Test func keepsDecimalPlacesAndPercentFlag() throws {
        let n = try #require(try ValueParser.number("1,600.50"))
        #expect(n.decimals == 2)
        #expect(!n.isPercent)
        let p = try #require(try ValueParser.number("-3.25%"))
        #expect(p.isPercent && p.value == Decimal(string: "-3.25")! && p.decimals == 2)
        #expect(try ValueParser.number("1.2E+05")?.decimals == 0)
    }

    @Test func exponentIsExactNotBinary() throws {
        // 0.1 + 0.2 in binary floating point is 0.30000000000000004; here it must be exact.
        let a = try #require(try ValueParser.number("1E-1")).value
        let b = try #require(try ValueParser.number("2E-1")).value
        #expect(a + b == Decimal(string: "0.3")!)
        #expect(try ValueParser.number("3.14159E+2")?.value == Decimal(string: "314.159")!)
    }

    @Test(arguments: ["", "   ", "-", "—", "——", "/", "#DIV/0!", "#N/A", "#VALUE!", "#REF!", "\u{3000}", "－"])
    func noValue(text: String) throws {
        #expect(try ValueParser.number(text) == nil)
    }

    @Test(arguments: ["abc", "12a", "1.2.3", "1,23.4", "12,3456", "E5", "1E+999", "((1))", "--5", "待核实", "1 2x"])
    func rejectsOtherText(text: String) {
        #expect(throws: ValueError.self) { try ValueParser.number(text) }
    }

    @Test func errorNamesValueAndExpectation() {
        do {
            _ = try ValueParser.number("待核实")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("'待核实'"))
            #expect(error.description.contains("number"))
        }
    }

    /// The continental style of a `;` file: `.` between thousands, `,` before decimals.
    @Test(arguments: [
        ("1.234,5", "1234.5"), ("987,6", "987.6"), ("12.000", "12000"), ("2.500", "2500"), ("1.234.567", "1234567"),
        ("12,5%", "12.5"), ("(1.234,5)", "-1234.5"), ("-0,25", "-0.25"), ("1,2E+05", "120000"), ("１．２３４，５", "1234.5"),
        ("800", "800"), ("0,5", "0.5"), (",5", "0.5"), ("¥1.234,50", "1234.5"), ("1 234,5", "1234.5"),
    ])
    func readsDecimalComma(text: String, expected: String) throws {
        let n = try #require(try ValueParser.number(text, style: .decimalComma))
        #expect(n.value == D(expected))
        #expect(n.isPercent == text.hasSuffix("%"))
    }

    /// A decimal point in a decimal-comma file is rejected, and the message says what it probably is.
    @Test(arguments: [
        ("1234.5", "'1234.5' is not a number (a decimal point? this file's numbers have a decimal comma and '.' between thousands: write 1234,5)"),
        ("1,234.5", "write 1234,5"), ("0.500", "write 0,5"), ("12.25", "write 12,25"), ("1.234.5", nil), ("12,3,4", nil),
    ] as [(String, String?)])
    func rejectsADecimalPointInADecimalCommaFile(text: String, hint: String?) {
        do {
            _ = try ValueParser.number(text, style: .decimalComma)
            Issue.record("\(text) read")
        } catch {
            if let hint { #expect(error.description.contains(hint)) } else { #expect(!error.description.contains("write")) }
        }
    }

    /// In a usual file, a decimal comma is still no number, but the message names it
    /// (`987,6` said "misplaced thousands separator").
    @Test(arguments: [
        ("987,6", "'987,6' is not a number (a decimal comma? this file's numbers have a decimal point: write 987.6)"),
        ("1.234,5", "'1.234,5' is not a number (a decimal comma? this file's numbers have a decimal point: write 1234.5)"),
        ("12,3456", "'12,3456' is not a number (a decimal comma? this file's numbers have a decimal point: write 12.3456)"),
        ("1,23.4", "'1,23.4' is not a number (misplaced thousands separator)"),
    ])
    func decimalCommaInADecimalPointFileIsNamed(text: String, message: String) {
        #expect(throws: ValueError.self) { try ValueParser.number(text) }
        do { _ = try ValueParser.number(text) } catch { #expect(error.description == message) }
    }

    /// A `;` file that does not tell its style: a cell that reads one way only is read so, one
    /// that reads both ways is rejected with both readings.
    @Test(arguments: [
        ("987,6", "987.6"), ("1234.5", "1234.5"), ("1.234,5", "1234.5"), ("1,234.5", "1234.5"), ("800", "800"),
        ("1.234.567", "1234567"), ("1,234,567", "1234567"), ("0.500", "0.5"), ("-", nil), ("", nil),
    ] as [(String, String?)])
    func undecidedReadsWhatReadsOneWay(text: String, expected: String?) throws {
        #expect(try ValueParser.number(text, style: .undecided)?.value == expected.map(D))
        #expect(ValueParser.isNumber(text, style: .undecided) == (expected != nil))
    }

    @Test(arguments: [
        ("12.000", "12 if '.' is the decimal point, 12000 if it separates thousands"),
        ("2.500%", "2.5 if '.' is the decimal point, 2500 if it separates thousands"),
        ("1,234", "1234 if ',' separates thousands, 1.234 if it is the decimal comma"),
    ])
    func undecidedRejectsWhatReadsBothWays(text: String, readings: String) {
        do {
            _ = try ValueParser.number(text, style: .undecided)
            Issue.record("\(text) read")
        } catch {
            #expect(error.description.contains(readings))
            #expect(error.description.contains("write it without a thousands separator"))
        }
        #expect(ValueParser.isNumber(text, style: .undecided))
    }

    /// Excel's currency and accounting formats (`¥1,234.00`): the sign is formatting.
    @Test(arguments: [
        ("¥1,234", "1234"), ("￥1,234.00", "1234"), ("¥-1,234", "-1234"), ("-¥1,234", "-1234"), ("(¥1,234.5)", "-1234.5"),
        ("¥ 1,234.00 ", "1234"), ("￥１２３４", "1234"), ("¥-", nil), ("¥", nil),
    ] as [(String, String?)])
    func currencySign(text: String, expected: String?) throws {
        #expect(try ValueParser.number(text)?.value == expected.map(D))
        #expect(try ValueParser.money(text, unit: .yi) == expected.map { D($0) * 10000 })
    }

    @Test(arguments: ["¥¥1", "1¥", "¥abc", "--¥1"])
    func currencySignAloneIsNoNumber(text: String) {
        #expect(throws: ValueError.self) { try ValueParser.number(text) }
    }

    static let moneyCases: [(String, MoneyUnit, String)] = [
        ("1.5", .yi, "15000"), ("123,456,789.00", .yuan, "12345.6789"), ("800", .wan, "800"),
        ("0.0001", .yi, "1"), ("1", .yuan, "0.0001"), ("(2.5)", .yi, "-25000"),
    ]

    @Test(arguments: moneyCases)
    func scalesToWanExactly(text: String, unit: MoneyUnit, expected: String) throws {
        #expect(try ValueParser.money(text, unit: unit) == Decimal(string: expected)!)
    }

    @Test func moneyRejectsPercent() {
        #expect(throws: ValueError.self) { try ValueParser.money("12%", unit: .wan) }
    }

    @Test(arguments: [("12.3%", "12.3"), ("12.3", "12.3"), ("(2.1)", "-2.1"), ("-5%", "-5")])
    func percent(text: String, expected: String) throws {
        #expect(try ValueParser.percent(text) == Decimal(string: expected)!)
    }

    static let codesCases: [(String, String)] = [
        ("2020-450702-48-01-012345", "2020-450702-48-01-012345"),
        ("２０２０－４５０７０２－４８－０１－０１２３４５", "2020-450702-48-01-012345"),
        (" 2020—450702—48—01—012345 ", "2020-450702-48-01-012345"),
        ("QZ-2022-001", "QZ-2022-001"),
        // Text-formula exports that keep Excel from turning the code into a number.
        ("=\"2021-450721-48-01-051001\"", "2021-450721-48-01-051001"),
        ("2021_450721_70_01_051005", "2021-450721-70-01-051005"),
        ("2207-450721-04-01-540816", "2207-450721-04-01-540816"),
        // Excel's text prefix and WPS's leading tab.
        ("'2021-450721-30-03-000002", "2021-450721-30-03-000002"), ("\t2021-450721-30-03-000001", "2021-450721-30-03-000001"),
    ]

    @Test(arguments: codesCases)
    func projectCodes(text: String, expected: String) throws {
        #expect(try ValueParser.projectCode(text) == expected)
    }

    @Test(arguments: ["", "  ", "-", "--", "---", "0", " 0 ", "０", "2.02045E+21", "无", "暂无", "待赋码", " 无 "])
    func badProjectCodes(text: String) {
        #expect(throws: ValueError.self) { try ValueParser.projectCode(text) }
    }

    static let datesCases: [(String, String)] = [
        ("2022-03-15", "2022-03-15"), ("2022/3/15", "2022-03-15"), ("2022年3月15日", "2022-03-15"),
        ("2022年3月", "2022-03-01"), ("2022.03", "2022-03-01"), ("2022.3.15", "2022-03-15"),
        ("2022-03", "2022-03-01"), ("20220315", "2022-03-15"), ("202203", "2022-03-01"),
        ("44635", "2022-03-15"), ("43831", "2020-01-01"), ("2024/2/29", "2024-02-29"), ("２０２２年３月", "2022-03-01"),
    ]

    @Test(arguments: datesCases)
    func dates(text: String, expected: String) throws {
        #expect(try ValueParser.date(text) == expected)
    }

    @Test(arguments: ["2022/2/30", "2023-02-29", "2022-13-01", "三月", "15/3/2022", "12345", "2022年"])
    func badDates(text: String) {
        #expect(throws: ValueError.self) { try ValueParser.date(text) }
    }

    /// The byte-level reader of common date cells: the ISO date, or nil to leave the cell
    /// (valid or not) to the general path.
    @Test(arguments: [
        ("2021年3月", "2021-03-01"), ("2022-03-15", "2022-03-15"), ("2022/3/15日", "2022-03-15"),
        ("2022年3月15号", "2022-03-15"), ("1900-01-01", "1900-01-01"), ("2199-12-31", "2199-12-31"),
        ("2024.2.29", "2024-02-29"), ("2021--03", "2021-03-01"), ("2021-03-", "2021-03-01"),
        ("2200-01-01", nil), ("2023-02-29", nil), ("2021-3-4-5", nil), ("2021", nil), ("20220315", nil),
        ("123456789-1", nil), ("2021年3月5日日", nil), ("２０２２年３月", nil), ("2021年3", "2021-03-01"),
        ("2021-003", nil), ("02021-3", nil), ("2021年", nil), ("", nil),
    ] as [(String, String?)])
    func plainDates(text: String, expected: String?) {
        #expect(ValueParser.plainDate(text) == expected)
    }

    /// The byte scan behind `text(_:)` flags exactly the whitespace scalars it would remove,
    /// also right after or between CJK ideographs (which it steps over three bytes at a time).
    @Test(arguments: [
        "钦州项目", "钦州 项目", "钦州\u{3000}", "\u{3000}钦州", "项目（二期）", "项目\u{00A0}", "项目\u{0085}x", "項\u{1680}",
        "\u{2000}钦", "钦\u{200A}", "钦\u{200B}", "钦\u{2028}", "钦\u{2029}", "钦\u{202F}", "钦\u{205F}", "钦\u{2060}",
        "钦\t", "1234.5", "", "鿿\n", "一", "ｓ", "钦\u{FEFF}", "éü", "😀 ", "😀",
    ])
    func mayNeedTrimFindsExactlyTheTrimmedScalars(text: String) {
        let trimmed: Set<UInt32> = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
        let expected = text.unicodeScalars.contains { trimmed.contains($0.value) || (0x2000...0x200A).contains($0.value) }
        #expect(ValueParser.mayNeedTrim(text) == expected)
        // The normaliser's lead-byte test over the same texts, by scalar ranges.
        let needs = text.unicodeScalars.contains { u in
            (0x09...0x0D).contains(u.value) || u.value == 0x20 || (0x80...0xBF).contains(u.value)
                || (0x1000...0x3FFF).contains(u.value) || (0xF000...0xFFFF).contains(u.value)
        }
        #expect(NameNormalizer.needsWork(text) == needs)
    }

    @Test func emptyDateIsNil() throws {
        #expect(try ValueParser.date("") == nil)
        #expect(try ValueParser.date("-") == nil)
    }

    static let yesNoCases: [(String, Bool)] = [
        ("是", true), ("否", false), ("Y", true), ("n", false), ("民间", true), ("民营企业", true),
        ("国有", false), ("国有企业", false), ("政府投资", false), ("√", true), (" 是 ", true), ("否\n", false),
        ("有", true), ("无", false), ("集体企业", true), ("个人", true), ("外资", false), ("外商独资", false),
        ("港澳台投资", false), ("国资控股", false),
    ]

    @Test(arguments: yesNoCases)
    func yesNo(text: String, expected: Bool) throws {
        #expect(try ValueParser.yesNo(text) == expected)
    }

    @Test(arguments: [
        ("停工", "停工"), ("停建", "停工"), ("暂停施工", "停工"), ("停工中", "停工"), ("已停工", "停工"), ("停工停产", "停工"),
        ("停 工", "停工"), ("在建", "在建"), ("竣工", "竣工"), ("已复工", "已复工"), ("停工后复工", "停工后复工"),
        ("未停工", "未停工"), ("新开工", "新开工"), ("前期", "前期"),
        ("未复工", "停工"), ("停工待复工", "停工"), ("尚未复工", "停工"), ("停缓建", "停工"), ("复工", "复工"),
        ("缓建", "停工"), ("暂缓建设", "停工"), ("暂缓实施", "停工"), ("缓建后已复工", "缓建后已复工"),
    ])
    func projectStatus(text: String, expected: String) {
        #expect(ValueParser.projectStatus(text) == expected)
    }

    /// Every unit converts to 万元 exactly (no binary fractions: 0.1 千元 is 0.01 万元).
    @Test(arguments: [
        (MoneyUnit.yi, "1.5", "15000"), (.baiwan, "1.5", "150"), (.wan, "1.5", "1.5"), (.qian, "1.5", "0.15"),
        (.yuan, "1.5", "0.00015"), (.qian, "0.1", "0.01"),
    ])
    func moneyUnits(unit: MoneyUnit, text: String, wan: String) throws {
        #expect(try ValueParser.money(text, unit: unit) == Decimal(string: wan))
    }

    /// A cell that states its own unit is in that unit, whatever the column's.
    @Test(arguments: [
        ("1.5亿", MoneyUnit.wan, "15000"), ("1,200万", .yi, "1200"), ("12.5万元", .yuan, "12.5"), ("800元", .wan, "0.08"),
        ("３千元", .wan, "0.3"), ("2百万元", .wan, "200"),
    ])
    func moneyCellWithItsOwnUnit(text: String, column: MoneyUnit, wan: String) throws {
        #expect(try ValueParser.money(text, unit: column) == Decimal(string: wan))
    }

    @Test(arguments: ["约300", "300（预估）", "亿", "12%万", "万元"])
    func moneyCellThatIsNotAnAmount(text: String) {
        #expect(throws: ValueError.self) { try ValueParser.money(text, unit: .wan) }
    }

    @Test func yesNoEmptyAndBad() throws {
        #expect(try ValueParser.yesNo("") == nil)
        #expect(throws: ValueError.self) { try ValueParser.yesNo("不详") }
    }
}
