import Foundation
import Testing
@testable import Warehouse

/// Staged amounts are formatted from the `Decimal`'s stored parts (`DecimalParts`): the text must
/// be the exact value, as COPY into numeric reads it, whichever path formats it.
@Suite struct DecimalPartsTests {
    static let posix = Locale(identifier: "en_US_POSIX")

    @Test func storedLayoutIsTheOneReadHere() {
        // Not a platform guarantee: this Foundation's layout, which the fast path reads.
        #expect(DecimalParts.layoutHolds)
    }

    @Test(arguments: [
        ("0", "0"), ("1", "1"), ("-1", "-1"), ("12.5", "12.5"), ("-1234.5678", "-1234.5678"), ("0.05", "0.05"),
        ("1000", "1000"), ("1e3", "1000"), ("0.000001", "0.000001"), ("65536", "65536"), ("4294967296.5", "4294967296.5"),
        ("18446744073709551615", "18446744073709551615"), ("99999999999999.999999", "99999999999999.999999"),
        ("-0.1", "-0.1"), ("123456789012345678901234", "123456789012345678901234"), ("1.10", "1.1"),
    ])
    func amountTextIsTheExactValue(_ input: String, _ expected: String) throws {
        let value = try #require(Decimal(string: input, locale: Self.posix))
        let text = StagingRows.decimalText(value)
        #expect(text == expected)
        #expect(Decimal(string: text, locale: Self.posix) == value)
    }

    @Test(arguments: ["0", "7", "-7", "3.14159", "-0.000123", "1844674407370955.1615", "1e-6", "5e10", "-987654321.123456"])
    func layoutAndPublicPartsAgree(_ input: String) throws {
        let value = try #require(Decimal(string: input, locale: Self.posix))
        #expect(DecimalParts.layoutParts(value) == DecimalParts.publicParts(value))
    }

    @Test func notANumberHasNoParts() {
        #expect(DecimalParts(Decimal.nan) == nil)
        #expect(DecimalParts.layoutParts(Decimal.nan) == nil)
    }
}
