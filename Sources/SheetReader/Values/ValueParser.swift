import Foundation

/// A number read from a cell: the exact value as written (percent sign removed, not divided),
/// how many decimals the cell showed (for subtotal rounding tolerance) and whether it had `%`.
public struct ParsedNumber: Sendable, Equatable {
    public var value: Decimal
    public var decimals: Int
    public var isPercent: Bool
    public init(value: Decimal, decimals: Int, isPercent: Bool) {
        self.value = value
        self.decimals = decimals
        self.isPercent = isPercent
    }
}

/// Why a cell could not be read; `description` names the value and what was expected.
public struct ValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var expected: String
    public var detail: String?
    public init(text: String, expected: String, detail: String? = nil) {
        self.text = text
        self.expected = expected
        self.detail = detail
    }
    public var description: String {
        var s = "'\(text)' is not \(expected)"
        if let detail { s += " (\(detail))" }
        return s
    }
}

/// Cell values -> typed values. Money is exact: text is cleaned and handed to `Decimal(string:)`,
/// exponents are applied to the decimal's exponent, never through `Double`.
public enum ValueParser {
    /// Cell texts that mean "no value" (Excel errors and the dashes counties use).
    public static let noValueTexts: Set<String> = [
        "-", "--", "---", "—", "——", "–", "/", "\\", "#DIV/0!", "#N/A", "#VALUE!", "#REF!",
        "#NUM!", "#NAME?", "#NULL!", "N/A", "NA",
    ]

    /// Trim, full-width -> half-width, drop spaces (incl. ideographic and thousands spaces).
    static func clean(_ text: String) -> String {
        var s = NameNormalizer.normalize(text)
        if s.utf8.contains(0xE2) { s = s.replacingOccurrences(of: "−", with: "-") }   // U+2212 minus sign
        return s
    }

    /// Parses a number; `nil` for an empty or no-value cell; throws for anything else.
    public static func number(_ text: String) throws(ValueError) -> ParsedNumber? {
        let s = clean(text)
        if s.isEmpty { return nil }
        if let f = s.utf8.first, !(0x30...0x39).contains(f), noValueTexts.contains(s) || noValueTexts.contains(s.uppercased()) { return nil }
        var body = Substring(s)
        var negative = false
        var percent = false
        if body.hasSuffix("%") { percent = true; body = body.dropLast() }
        if body.hasPrefix("("), body.hasSuffix(")"), body.count >= 3 {
            negative = true
            body = body.dropFirst().dropLast()
            if !percent, body.hasSuffix("%") { percent = true; body = body.dropLast() }
        }
        if let first = body.first, first == "-" || first == "+" {
            if negative && first == "-" { throw ValueError(text: text, expected: "a number", detail: "two minus signs") }
            negative = negative || first == "-"
            body = body.dropFirst()
        }
        // Split off an exponent: 1.2E+05.
        var exponent = 0
        if let eIndex = body.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            let expText = body[body.index(after: eIndex)...]
            var digits = Substring(expText)
            var expNegative = false
            if let f = digits.first, f == "+" || f == "-" { expNegative = f == "-"; digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let e = Int(digits), e <= 40 else {
                throw ValueError(text: text, expected: "a number", detail: "bad exponent")
            }
            exponent = expNegative ? -e : e
            body = body[..<eIndex]
        }
        // Thousands separators: only between groups of three digits in the integer part.
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw ValueError(text: text, expected: "a number", detail: "more than one decimal point") }
        var integer = String(parts[0])
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        if integer.contains(",") {
            let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
            guard let head = groups.first, (1...3).contains(head.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw ValueError(text: text, expected: "a number", detail: "misplaced thousands separator")
            }
            integer = groups.joined()
        }
        guard !(integer.isEmpty && fraction.isEmpty),
              (integer + fraction).allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValueError(text: text, expected: "a number")
        }
        // Exact: significand digits as an integer, scaled by the decimal exponent.
        let digits = (integer + fraction).drop(while: { $0 == "0" })
        guard digits.count <= 34 else { throw ValueError(text: text, expected: "a number", detail: "too many digits") }
        let significand: Decimal
        if digits.count <= 19 {   // fits UInt64 (< 1.8e19): exact without parsing text again
            var v: UInt64 = 0
            for ch in digits.utf8 { v = v * 10 + UInt64(ch - 0x30) }
            significand = Decimal(v)
        } else {
            guard let d = Decimal(string: String(digits)) else { throw ValueError(text: text, expected: "a number") }
            significand = d
        }
        let decimalExponent = exponent - fraction.count
        var value = Decimal(sign: negative ? .minus : .plus, exponent: decimalExponent, significand: significand)
        if value.isZero { value = 0 }
        return ParsedNumber(value: value, decimals: max(0, -decimalExponent), isPercent: percent)
    }

    /// A money amount in the given unit, converted to 万元 exactly.
    public static func money(_ text: String, unit: MoneyUnit) throws(ValueError) -> Decimal? {
        guard let n = try number(text) else { return nil }
        if n.isPercent { throw ValueError(text: text, expected: "an amount of money", detail: "it is a percentage") }
        return n.value * unit.toWan
    }

    /// A percentage: `12.3%` and `12.3` both give 12.3.
    public static func percent(_ text: String) throws(ValueError) -> Decimal? {
        try number(text)?.value
    }

    /// Unified project codes (`2020-450702-48-01-012345`): full-width and dash variants
    /// normalised, spaces removed. Other non-empty codes are accepted as the county wrote them,
    /// except a code Excel turned into a number (`2.02045E+21`), which has lost its digits.
    public static func projectCode(_ text: String) throws(ValueError) -> String {
        var s = NameNormalizer.normalize(text)
        if s.utf8.contains(where: { $0 == 0xE2 || $0 == UInt8(ascii: "_") }) {
            for dash in ["—", "–", "‐", "‑", "−", "_"] { s = s.replacingOccurrences(of: dash, with: "-") }
        }
        guard !s.isEmpty, !noValueTexts.contains(s) else {
            throw ValueError(text: text, expected: "a project code", detail: "the cell is empty")
        }
        let upper = s.uppercased()
        if upper.contains("E"), upper.allSatisfy({ $0.isNumber || $0 == "." || $0 == "E" || $0 == "+" }) {
            throw ValueError(text: text, expected: "a project code",
                             detail: "Excel turned the code into a number and dropped digits; format the column as text")
        }
        return s
    }

    /// Dates -> ISO `YYYY-MM-DD` (day 1 when only a month is given). Accepts `2022-03-15`,
    /// `2022/3/15`, `2022.3.15`, `2022年3月15日`, `2022年3月`, `2022-03`, `2022.03`, `202203`
    /// and Excel serial day numbers (20000…80000, i.e. 1954…2119, 1900 date system).
    public static func date(_ text: String) throws(ValueError) -> String? {
        var s = clean(text)
        if s.isEmpty || noValueTexts.contains(s) { return nil }
        let err = ValueError(text: text, expected: "a date (YYYY-MM-DD, YYYY/M/D, YYYY年M月D日 or YYYY年M月)")
        // Excel serials.
        if s.allSatisfy({ $0.isASCII && $0.isNumber }), s.count == 5, let serial = Int(s), (20000...80000).contains(serial) {
            let (y, m, d) = civil(fromDays: serial - 25569)   // 25569 = 1970-01-01 in Excel's system
            return iso(y, m, d)
        }
        if s.hasSuffix("日") || s.hasSuffix("号") { s.removeLast() }
        let separators: Set<Character> = ["-", "/", ".", "年", "月"]
        let pieces = s.split(whereSeparator: { separators.contains($0) }).map(String.init)
        guard pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { throw err }
        var y = 0, m = 0, d = 1
        switch pieces.count {
        case 1 where pieces[0].count == 8:
            y = Int(pieces[0].prefix(4))!; m = Int(pieces[0].dropFirst(4).prefix(2))!; d = Int(pieces[0].suffix(2))!
        case 1 where pieces[0].count == 6:
            y = Int(pieces[0].prefix(4))!; m = Int(pieces[0].suffix(2))!
        case 2:
            guard pieces[0].count == 4, pieces[1].count <= 2 else { throw err }
            y = Int(pieces[0])!; m = Int(pieces[1])!
        case 3:
            guard pieces[0].count == 4, pieces[1].count <= 2, pieces[2].count <= 2 else { throw err }
            y = Int(pieces[0])!; m = Int(pieces[1])!; d = Int(pieces[2])!
        default:
            throw err
        }
        guard (1900...2199).contains(y), (1...12).contains(m), (1...daysIn(y, m)).contains(d) else {
            throw ValueError(text: text, expected: "a date", detail: "no such day")
        }
        return iso(y, m, d)
    }

    /// Yes/no cells: 是/否, Y/N, 有/无, √/×; for 投资主体, 民间/民营/私营 -> true and 国有/政府 -> false.
    public static func yesNo(_ text: String) throws(ValueError) -> Bool? {
        let s = clean(text).uppercased()
        if s.isEmpty || noValueTexts.contains(s) { return nil }
        switch s {
        case "是", "Y", "YES", "TRUE", "1", "√", "✓", "有": return true
        case "否", "N", "NO", "FALSE", "0", "×", "✗", "无", "X": return false
        default: break
        }
        for word in ["民间", "民营", "私营", "个体", "外资", "港澳台"] where s.contains(word) { return true }
        for word in ["国有", "政府", "国企", "央企", "事业", "财政", "城投"] where s.contains(word) { return false }
        throw ValueError(text: text, expected: "yes or no (是/否, Y/N, 民间/国有)")
    }

    /// Plain text cells: trimmed, inner line breaks removed; empty -> nil.
    public static func text(_ text: String) -> String? {
        if text.isEmpty { return nil }
        if !NameNormalizer.needsWork(text) { return text }
        let s = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined()
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}")))
        return s.isEmpty ? nil : s
    }

    // MARK: calendar arithmetic without Foundation's Calendar (proleptic Gregorian).

    static func daysIn(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// Howard Hinnant's days-from-civil inverse.
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
