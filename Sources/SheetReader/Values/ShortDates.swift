import Foundation

/// Dates a project sheet's clerk writes without a full year, read against the sheet's month.
extension ValueParser {
    /// `23.05` or `23年5月` (a two-digit year), and `8月底`, `8月上旬` (a part of a month with no
    /// year: the sheet's year, or for a date ahead — a planned restart — the first such month
    /// not before the sheet's). The month's first day, as for any month-only date; nil for
    /// anything else. A bare `3月` is not read: with no word marking it a date it may be a period.
    static func shortDate(_ text: String, sheet: YearMonth, ahead: Bool) -> String? {
        let s = NameNormalizer.normalize(text)
        let chars = Array(s)
        func number(_ part: ArraySlice<Character>) -> Int? {
            (1...2).contains(part.count) && part.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(String(part)) : nil
        }
        // `23.05`: two digits after the dot (Excel shows `23.10` as `23.1`, which stays unread).
        if chars.count == 5, chars[2] == ".", let yy = number(chars[..<2]), let m = number(chars[3...]),
           let date = twoDigitYear(yy, m, sheet: sheet) {
            return date
        }
        if let nian = chars.firstIndex(of: "年"), nian == 2, chars.last == "月", let yy = number(chars[..<2]),
           let m = number(chars[(nian + 1)..<(chars.count - 1)]), let date = twoDigitYear(yy, m, sheet: sheet) {
            return date
        }
        for suffix in ["上旬", "中旬", "下旬", "月初", "月中", "月底", "月末", "初", "底", "末"] where s.hasSuffix(suffix) {
            var rest = Array(s.dropLast(suffix.count))
            if suffix.hasPrefix("月") { rest.append("月") }
            guard rest.last == "月", let m = number(rest.dropLast()[...]), (1...12).contains(m) else { return nil }
            let year = ahead && m < sheet.month ? sheet.year + 1 : sheet.year
            return iso(year, m, 1)
        }
        return nil
    }

    /// 20YY-MM, when the year is within fifty years before the sheet's and five after.
    private static func twoDigitYear(_ yy: Int, _ m: Int, sheet: YearMonth) -> String? {
        let year = 2000 + yy
        guard (1...12).contains(m), (sheet.year - 50)...(sheet.year + 5) ~= year else { return nil }
        return iso(year, m, 1)
    }
}
