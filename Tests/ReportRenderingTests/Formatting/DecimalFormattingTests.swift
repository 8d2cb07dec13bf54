import Foundation
import Testing
@testable import ReportRendering

@Suite struct DecimalFormattingTests {
    @Test(arguments: [
        ("0", "0.00"), ("-1234.5", "-1,234.50"), ("1234567.8", "1,234,567.80"),
        ("0.005", "0.01"), ("-0.005", "-0.01"), ("2.345", "2.35"), ("2.3449", "2.34"),
        ("-0.001", "0.00"), ("999.995", "1,000.00"), ("100", "100.00"), ("123", "123.00"),
        ("1000", "1,000.00"), ("-999999.999", "-1,000,000.00"),
        ("12345678901234.56", "12,345,678,901,234.56"),
    ])
    func money(input: String, expected: String) {
        #expect(formatMoney(dec(input)) == expected)
    }

    @Test(arguments: [("15.25", "15.3%"), ("15.24", "15.2%"), ("-3.05", "-3.1%"), ("-0.04", "0.0%"), ("100", "100.0%"), ("0", "0.0%")])
    func percent(input: String, expected: String) {
        #expect(formatPercent(dec(input)) == expected)
    }

    @Test(arguments: [("2.45", "+2.5pp"), ("-3", "-3.0pp"), ("0.04", "0.0pp"), ("-0.04", "0.0pp"), ("0", "0.0pp")])
    func points(input: String, expected: String) {
        #expect(formatPoints(dec(input)) == expected)
    }

    @Test(arguments: [("2.5", 0, "3"), ("-2.5", 0, "-3"), ("1.005", 2, "1.01"), ("1.0049", 2, "1"), ("123.456", 1, "123.5")])
    func roundingIsHalfUpAwayFromZero(input: String, scale: Int, expected: String) {
        #expect(rounded(dec(input), scale: scale) == dec(expected))
    }

    @Test(arguments: [
        ("12345678901234.56", "12345678901234.56"), ("-12.5", "-12.5"), ("0.000001", "0.000001"),
        ("0", "0"), ("-0", "0"), ("1e30", "1000000000000000000000000000000"), ("1.5e-20", "0.000000000000000000015"),
    ])
    func plainStringIsExactPositional(input: String, expected: String) {
        #expect(plainDecimalString(dec(input)) == expected)
    }

    /// The fallback used if Decimal.description ever stops being positional.
    @Test(arguments: ["12345678901234.56", "-12.5", "0.000001", "1e30", "-1.5e-20", "7", "100", "-0.1"])
    func positionalFallbackAgreesWithDescription(input: String) {
        let d = dec(input)
        #expect(positionalString(d) == d.description)
        #expect(isPlainNumber(positionalString(d)))
    }

    @Test(arguments: [("1", true), ("-0.5", true), ("01", false), ("1e5", false), ("1.", false), (".5", false), ("", false), ("-", false)])
    func plainNumberGrammar(text: String, valid: Bool) {
        #expect(isPlainNumber(text) == valid)
    }

    @Test func nanHasNoPlainString() {
        #expect(plainDecimalString(Decimal.nan) == nil)
    }

    @Test(arguments: ["1", "12", "123", "1234", "1234567", "1000000"])
    func groupingPutsACommaEveryThreeDigits(digits: String) {
        let grouped = groupThousands(digits)
        #expect(grouped.replacingOccurrences(of: ",", with: "") == digits)
        let groups = grouped.split(separator: ",")
        #expect(groups.dropFirst().allSatisfy { $0.count == 3 })
        #expect((1...3).contains(groups[0].count))
    }
}
