import Foundation

/// Sign, 64-bit significand and exponent of a `Decimal`, read from its stored layout (an Int8
/// exponent; a byte holding the length in 16-bit words, the sign and the compact flag; two
/// reserved bytes; eight little-endian 16-bit words of significand), which Foundation does not
/// make public: its public `significand` builds a new `Decimal` and normalises, 0.5 µs a value.
///
/// The layout is checked once against the public API on a set of values (`layoutHolds`); where
/// it does not hold (another Foundation), every value takes the public path instead.
struct DecimalParts: Equatable {
    var negative: Bool
    var significand: UInt64
    var exponent: Int

    /// nil: NaN, or a significand beyond 64 bits.
    init?(_ value: Decimal) {
        guard Self.layoutHolds else {
            guard let parts = Self.publicParts(value) else { return nil }
            self = parts
            return
        }
        guard let parts = Self.layoutParts(value) else { return nil }
        self = parts
    }

    init(negative: Bool, significand: UInt64, exponent: Int) {
        self.negative = negative
        self.significand = significand
        self.exponent = exponent
    }

    static func layoutParts(_ value: Decimal) -> DecimalParts? {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        return withUnsafeBytes(of: value) { bytes -> DecimalParts? in
            let length = Int(bytes[1] >> 4), negative = bytes[1] & 0x08 != 0
            if length == 0 { return negative ? nil : DecimalParts(negative: false, significand: 0, exponent: 0) }  // NaN, zero
            guard length <= 4 else { return nil }
            var significand: UInt64 = 0
            for word in 0 ..< length {
                significand |= UInt64(bytes[4 + 2 * word]) << (16 * word) | UInt64(bytes[5 + 2 * word]) << (16 * word + 8)
            }
            return DecimalParts(negative: negative, significand: significand, exponent: Int(Int8(bitPattern: bytes[0])))
        }
    }

    /// The same from the public API (slow).
    static func publicParts(_ value: Decimal) -> DecimalParts? {
        guard !value.isNaN else { return nil }
        let significand = value.significand.magnitude
        guard significand <= Decimal(UInt64.max) else { return nil }
        let digits = NSDecimalNumber(decimal: significand).uint64Value
        return DecimalParts(negative: value.sign == .minus && digits != 0, significand: digits,
                            exponent: digits == 0 ? 0 : value.exponent)
    }

    static let layoutHolds: Bool = {
        let samples = ["0", "1", "-1", "12.5", "-1234.5678", "65536", "0.000001", "1e3", "18446744073709551615",
                       "-99999999999999.999999", "123456789012345678901234", "0.1234"]
        for text in samples {
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                  layoutParts(value) == publicParts(value) else { return false }
        }
        return layoutParts(Decimal.nan) == nil
    }()
}
