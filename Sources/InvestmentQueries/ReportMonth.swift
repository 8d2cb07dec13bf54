import Foundation

/// A reporting month, written `YYYY-MM`; its key in the warehouse is `YYYYMM`.
public struct ReportMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM` (also `YYYYMM`); nil otherwise.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits: Substring
        if trimmed.count == 7, trimmed.dropFirst(4).first == "-" {
            digits = Substring(trimmed.prefix(4) + trimmed.suffix(2))
        } else if trimmed.count == 6 {
            digits = Substring(trimmed)
        } else {
            return nil
        }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let year = Int(digits.prefix(4)), let month = Int(digits.suffix(2)) else { return nil }
        self.init(year: year, month: month)
    }

    /// `YYYYMM`, the warehouse's month key.
    public var key: Int { year * 100 + month }

    public init?(key: Int) {
        self.init(year: key / 100, month: key % 100)
    }

    /// Years are 1900–2999, so four digits; no `String(format:)` (the stalled list formats
    /// three months for each of its thousands of rows).
    public var description: String { month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)" }

    /// `YYYY-MM` of a month key (`YYYYMM`); nil for nil or a key that is no month.
    public static func text(key: Int?) -> String? {
        key.flatMap { ReportMonth(key: $0) }?.description
    }

    /// The Chinese cumulative period, e.g. `2022年1-6月`.
    public var label: String { month == 1 ? "\(year)年1月" : "\(year)年1-\(month)月" }

    public static func < (a: ReportMonth, b: ReportMonth) -> Bool { a.key < b.key }
}
