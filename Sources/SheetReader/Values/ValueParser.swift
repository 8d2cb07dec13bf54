import Foundation

/// A number read from a cell: the exact value as written (percent sign removed, not divided),
/// how many decimals the cell showed (for subtotal rounding tolerance) and whether it had `%`.
public struct ParsedNumber: Sendable, Equatable {
    public var value: Decimal
    public var decimals: Int
    public var isPercent: Bool
    /// The same value as integer digits and a power of ten, when the digits fit a UInt64:
    /// lets subtotal sums run in fixed point (see `Amount`) without Decimal arithmetic.
    var significand: UInt64?
    var exponent = 0
    var negative = false
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

    /// Project-code cells that say "no code": 无 / 暂无 / 待赋码 …
    public static let noCodeTexts: Set<String> = [
        "无", "暂无", "没有", "无代码", "无编码", "未赋码", "待赋码", "暂未赋码", "未取得", "待定", "空", "0",
    ]

    /// Trim, full-width -> half-width, drop spaces (incl. ideographic and thousands spaces).
    static func clean(_ text: String) -> String {
        var s = NameNormalizer.normalize(text)
        if s.utf8.contains(0xE2) { s = s.replacingOccurrences(of: "−", with: "-") }   // U+2212 minus sign
        return s
    }

    /// Parses a number in the file's `style`; `nil` for an empty or no-value cell; throws for
    /// anything else. A cell that reads only in the other style says so in the error.
    public static func number(_ text: String, style: NumberStyle = .decimalPoint) throws(ValueError) -> ParsedNumber? {
        switch style {
        case .decimalPoint:
            if let plain = plainNumber(text) { return plain }
            return try number(text, decimal: ".", group: ",")
        case .decimalComma:
            return try number(text, decimal: ",", group: ".")
        case .undecided:
            let point: ParsedNumber?
            do { point = try number(text, decimal: ".", group: ",") } catch {
                // Reads with a decimal comma only, or not at all.
                guard let comma = try? number(text, decimal: ",", group: ".") else { throw error }
                return comma
            }
            guard let point, let comma = try? number(text, decimal: ",", group: "."), comma.value != point.value else { return point }
            let dot = clean(text).contains(".")
            throw ValueError(text: text, expected: "a number", detail: (dot
                ? "\(point.value) if '.' is the decimal point, \(comma.value) if it separates thousands"
                : "\(point.value) if ',' separates thousands, \(comma.value) if it is the decimal comma")
                + "; no other number in this ;-delimited file tells which: write it without a thousands separator")
        }
    }

    /// Whether the cell holds a number in `style` (for `undecided`, in either).
    public static func isNumber(_ text: String, style: NumberStyle = .decimalPoint) -> Bool {
        if (try? number(text, style: style)) != nil { return true }
        return style == .undecided && (try? number(text, decimal: ",", group: ".")) != nil
    }

    /// `number` with the decimal and thousands marks given; a cell that reads with the two
    /// swapped says what it probably is.
    private static func number(_ text: String, decimal: Character, group: Character) throws(ValueError) -> ParsedNumber? {
        do { return try general(text, decimal: decimal, group: group) } catch {
            guard clean(text).contains(group), let other = try? general(text, decimal: group, group: decimal) else { throw error }
            var hinted = error
            hinted.detail = decimal == "."
                ? "a decimal comma? this file's numbers have a decimal point: write \(other.value)"
                : "a decimal point? this file's numbers have a decimal comma and '.' between thousands: write "
                    + "\(other.value)".replacingOccurrences(of: ".", with: ",")
            throw hinted
        }
    }

    /// `¥1,234`, `￥1,234.00`: a currency sign is formatting (Excel's currency and accounting
    /// formats); the amount is in the column's unit.
    private static func droppingCurrency(_ s: Substring) -> Substring {
        s.first == "¥" || s.first == "￥" ? s.dropFirst() : s
    }

    private static func general(_ text: String, decimal: Character, group: Character) throws(ValueError) -> ParsedNumber? {
        let s = String(droppingCurrency(Substring(clean(text))))
        if s.isEmpty { return nil }
        if let f = s.utf8.first, !(0x30...0x39).contains(f), noValueTexts.contains(s) || noValueTexts.contains(s.uppercased()) { return nil }
        var body = Substring(s)
        var negative = false
        var percent = false
        if body.hasSuffix("%") { percent = true; body = body.dropLast() }
        if body.hasPrefix("("), body.hasSuffix(")"), body.count >= 3 {
            negative = true
            body = droppingCurrency(body.dropFirst().dropLast())
            if !percent, body.hasSuffix("%") { percent = true; body = body.dropLast() }
        }
        if let first = body.first, first == "-" || first == "+" {
            if negative && first == "-" { throw ValueError(text: text, expected: "a number", detail: "two minus signs") }
            negative = negative || first == "-"
            body = droppingCurrency(body.dropFirst())
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
        let parts = body.split(separator: decimal, omittingEmptySubsequences: false)
        guard parts.count <= 2 else {
            throw ValueError(text: text, expected: "a number", detail: decimal == "." ? "more than one decimal point" : "more than one decimal comma")
        }
        var integer = String(parts[0])
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        if integer.contains(group) {
            let groups = integer.split(separator: group, omittingEmptySubsequences: false)
            // `0.500` is no continental 500 (Excel writes 500): the new style's first group
            // starts with a digit other than 0. (The decimal point's `0,500` reads 500, as it did.)
            guard let head = groups.first, (1...3).contains(head.count), group == "," || head.first != "0",
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
        var fixed: UInt64?
        if digits.count <= 19 {   // fits UInt64 (< 1.8e19): exact without parsing text again
            var v: UInt64 = 0
            for ch in digits.utf8 { v = v * 10 + UInt64(ch - 0x30) }
            significand = Decimal(v)
            fixed = v
        } else {
            guard let d = Decimal(string: String(digits)) else { throw ValueError(text: text, expected: "a number") }
            significand = d
        }
        let decimalExponent = exponent - fraction.count
        var value = Decimal(sign: negative ? .minus : .plus, exponent: decimalExponent, significand: significand)
        if value.isZero { value = 0 }
        var parsed = ParsedNumber(value: value, decimals: max(0, -decimalExponent), isPercent: percent)
        parsed.significand = fixed
        parsed.exponent = decimalExponent
        parsed.negative = negative && fixed != 0
        return parsed
    }

    /// The common cell — `1234.56`, `-12`, `1,234.5` in ASCII, at most 19 digits — read straight
    /// from its bytes, with exactly the result of the general path below; nil for anything
    /// else (which the general path then handles, errors included).
    @inline(__always)
    static func plainNumber(_ text: String) -> ParsedNumber? {
        withUTF8(text) { plainNumber(utf8: $0) }
    }

    private static func plainNumber(utf8 bytes: UnsafeBufferPointer<UInt8>) -> ParsedNumber? {
        var v: UInt64 = 0
        var significant = 0, integerDigits = 0, fractionDigits = 0, groupDigits = 0, groups = 0
        var negative = false, inFraction = false, sawComma = false
        for index in 0..<bytes.count {
            let b = bytes[index]
            switch b {
            case 0x30...0x39:
                if inFraction { fractionDigits += 1 } else { integerDigits += 1; groupDigits += 1 }
                if v != 0 || b != 0x30 {
                    significant += 1
                    if significant > 19 { return nil }
                    v = v &* 10 &+ UInt64(b - 0x30)
                }
            case UInt8(ascii: "-"):
                guard index == 0 else { return nil }
                negative = true
            case UInt8(ascii: ","):
                // Thousands separators: 1-3 digits first, then groups of exactly three.
                guard !inFraction, groupDigits >= 1, groupDigits <= 3, !sawComma || groupDigits == 3 else { return nil }
                sawComma = true
                groups += 1
                groupDigits = 0
            case UInt8(ascii: "."):
                guard !inFraction, !sawComma || groupDigits == 3 else { return nil }
                inFraction = true
            default:
                return nil
            }
        }
        guard integerDigits + fractionDigits > 0, !sawComma || groupDigits == 3 || inFraction else { return nil }
        if sawComma, !inFraction, groupDigits != 3 { return nil }
        if significant > 19 { return nil }
        let exponent = -fractionDigits
        var value = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(v))
        if value.isZero { value = 0 }
        var parsed = ParsedNumber(value: value, decimals: fractionDigits, isPercent: false)
        parsed.significand = v
        parsed.exponent = exponent
        parsed.negative = negative && v != 0
        return parsed
    }

    /// A money amount in the given unit, converted to 万元 exactly. A cell that states its own
    /// unit (`1.5亿`) is in that unit.
    public static func money(_ text: String, unit: MoneyUnit, style: NumberStyle = .decimalPoint) throws(ValueError) -> Decimal? {
        let n: ParsedNumber?
        var unit = unit
        do { n = try number(text, style: style) } catch {
            guard let stated = numberWithUnit(text, style: style) else { throw error }
            (n, unit) = (stated.number, stated.unit)
        }
        guard let n else { return nil }
        if n.isPercent { throw ValueError(text: text, expected: "an amount of money", detail: "it is a percentage") }
        return n.value * unit.toWan
    }

    /// `1.5亿`, `1,200万`, `12.5万元`, `800元`: a number followed by a money unit, as clerks type
    /// when a figure is in another unit than the column's. Nil for anything else.
    public static func numberWithUnit(_ text: String, style: NumberStyle = .decimalPoint) -> (number: ParsedNumber, unit: MoneyUnit)? {
        let s = NameNormalizer.normalize(text)
        for (word, unit) in MoneyUnit.spellings where s.hasSuffix(word) {
            guard let n = try? number(String(s.dropLast(word.count)), style: style), !n.isPercent else { return nil }
            return (n, unit)
        }
        return nil
    }

    /// A percentage: `12.3%` and `12.3` both give 12.3.
    public static func percent(_ text: String, style: NumberStyle = .decimalPoint) throws(ValueError) -> Decimal? {
        try number(text, style: style)?.value
    }

    /// Unified project codes (`2020-450702-48-01-012345`): full-width and dash variants
    /// normalised, spaces removed. Other non-empty codes are accepted as the county wrote them,
    /// except a code Excel turned into a number (`2.02045E+21`), which has lost its digits.
    public static func projectCode(_ text: String) throws(ValueError) -> String {
        // The usual code, ASCII digits and hyphens: normalising, unquoting and the dash
        // replacements below all leave it as it is, so only the set members can stop it.
        if isDigitsAndHyphens(text), !isDigitHyphenSetText(text) { return text }
        var s = NameNormalizer.normalize(text)
        // `="2021-450721-48-01-051001"`: the text formula exports use to keep Excel from
        // turning the code into a number.
        if s.hasPrefix("=\""), s.hasSuffix("\""), s.count >= 3 { s = String(s.dropFirst(2).dropLast()) }
        // `'2021-450721-…`: Excel's text prefix, typed to keep the code from becoming a number;
        // kept, it would make the same project a new one in the next month's file.
        if s.hasPrefix("'"), s.count > 1 { s.removeFirst() }
        if s.utf8.contains(where: { $0 == 0xE2 || $0 == UInt8(ascii: "_") }) {
            for dash in ["—", "–", "‐", "‑", "−", "_"] { s = s.replacingOccurrences(of: dash, with: "-") }
        }
        // `2021-450721-48-01-051001`, the usual code: String comparison against the CJK words
        // in the sets below consults Unicode normalisation data (a noticeable share of the
        // reader); a text of ASCII digits and hyphens can only equal their all-digit-and-hyphen
        // members (no other scalar decomposes to one), checked on bytes.
        if isDigitsAndHyphens(s), !isDigitHyphenSetText(s) { return s }
        guard !s.isEmpty, !noValueTexts.contains(s) else {
            throw ValueError(text: text, expected: "a project code", detail: "the cell is empty")
        }
        // Counties write these for a project that has no unified code yet; taking the word as a
        // code would merge every such project of a region into one.
        guard !noCodeTexts.contains(s) else {
            throw ValueError(text: text, expected: "a project code",
                             detail: "the sheet says the project has no unified code (统一项目代码) yet; a project is tracked across months by its code")
        }
        let upper = s.utf8.contains(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) ? s.uppercased() : ""
        if upper.utf8.contains(UInt8(ascii: "E")), upper.allSatisfy({ $0.isNumber || $0 == "." || $0 == "E" || $0 == "+" }) {
            throw ValueError(text: text, expected: "a project code",
                             detail: "Excel turned the code into a number and dropped digits; format the column as text")
        }
        return s
    }

    private static func isDigitsAndHyphens(_ s: String) -> Bool {
        withUTF8(s) { bytes in
            var digit = false
            for b in bytes {
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
                case UInt8(ascii: "-"): continue
                default: return false
                }
            }
            return digit
        }
    }

    /// Whether `s` equals a member of `digitHyphenSetTexts` (lengths first: a code is long).
    private static func isDigitHyphenSetText(_ s: String) -> Bool {
        let n = s.utf8.count
        return digitHyphenSetTexts.contains { $0.utf8.count == n && $0.utf8.elementsEqual(s.utf8) }
    }

    /// Runs `body` over the UTF-8 of `s` in place (a native String is contiguous), which
    /// the byte scans of the hot path run through much faster than `String.UTF8View`'s iterator.
    @inline(__always)
    static func withUTF8<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }

    /// Members of `noValueTexts` and `noCodeTexts` made of ASCII digits and hyphens only.
    private static let digitHyphenSetTexts: [String] = noValueTexts.union(noCodeTexts).filter {
        $0.utf8.allSatisfy { b in b == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
    }

    /// Dates -> ISO `YYYY-MM-DD` (day 1 when only a month is given). Accepts `2022-03-15`,
    /// `2022/3/15`, `2022.3.15`, `2022年3月15日`, `2022年3月`, `2022-03`, `2022.03`, `202203`
    /// and Excel serial day numbers (20000…80000, i.e. 1954…2119, 1900 date system).
    public static func date(_ text: String) throws(ValueError) -> String? {
        if let plain = plainDate(text) { return plain }
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

    /// A date given to the part of a month (`2022年3月上旬`, `2022年3月底`, `2022.3月初`): the month,
    /// as `date` gives a month (day 1); a date followed by the word for what happened on it
    /// (`2022年3月1日开工`, `2022年8月复工`): that date (it was left empty). Nil for anything else
    /// (`拟10月开工` and `计划2023年开工` are no date).
    public static func roughDate(_ text: String) -> String? {
        let s = NameNormalizer.normalize(text)
        for word in ["开工建设", "开工", "动工", "复工"] where s.hasSuffix(word) && s.count > word.count {
            let rest = String(s.dropLast(word.count))
            return (try? date(rest)) ?? roughDate(rest)
        }
        for suffix in ["上旬", "中旬", "下旬", "月初", "月中", "月底", "月末", "初", "中", "底", "末"] where s.hasSuffix(suffix) {
            var rest = String(s.dropLast(suffix.count))
            if suffix.hasPrefix("月") { rest += "月" }
            guard rest.hasSuffix("月"), let month = try? date(rest) else { return nil }
            return month
        }
        return nil
    }

    /// The common valid date cell (`2021年3月`, `2022-03-15`, `2022/3/15日`) read from its bytes,
    /// with exactly the general path's result; nil for anything else, errors included.
    static func plainDate(_ text: String) -> String? {
        if let r = text.utf8.withContiguousStorageIfAvailable({ plainDate(utf8: $0) }) { return r }
        return Array(text.utf8).withUnsafeBufferPointer { plainDate(utf8: $0) }
    }

    /// `plainDate` over the cell's UTF-8, without allocating: at most three pieces are kept
    /// (more can only give nil), the ISO text is written byte by byte.
    private static func plainDate(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var end = bytes.count
        // One trailing 日 (E6 97 A5) or 号 (E5 8F B7) is dropped, as in the general path.
        if end >= 3, (bytes[end - 3] == 0xE6 && bytes[end - 2] == 0x97 && bytes[end - 1] == 0xA5)
            || (bytes[end - 3] == 0xE5 && bytes[end - 2] == 0x8F && bytes[end - 1] == 0xB7) {
            end -= 3
        }
        var values = (0, 0, 0), widths = (0, 0, 0)
        var pieces = 0
        var value = 0, digits = 0
        var i = 0
        while i <= end {
            let b: UInt8 = i < end ? bytes[i] : UInt8(ascii: "-")   // a separator closes the last piece
            var step = 1
            switch b {
            case 0x30...0x39:
                guard digits < 8 else { return nil }
                value = value * 10 + Int(b - 0x30)
                digits += 1
                i += 1
                continue
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."):
                break
            case 0xE5 where i + 2 < end && bytes[i + 1] == 0xB9 && bytes[i + 2] == 0xB4,   // 年
                 0xE6 where i + 2 < end && bytes[i + 1] == 0x9C && bytes[i + 2] == 0x88:   // 月
                step = 3
            default:
                return nil
            }
            if digits > 0 {
                switch pieces {
                case 0: values.0 = value; widths.0 = digits
                case 1: values.1 = value; widths.1 = digits
                case 2: values.2 = value; widths.2 = digits
                default: return nil   // a fourth piece: the general path decides (and rejects)
                }
                pieces += 1
            }
            value = 0
            digits = 0
            i += step
        }
        guard pieces == 2 || pieces == 3, widths.0 == 4, widths.1 <= 2 else { return nil }
        let y = values.0, m = values.1
        var d = 1
        if pieces == 3 {
            guard widths.2 <= 2 else { return nil }
            d = values.2
        }
        guard (1900...2199).contains(y), (1...12).contains(m), d >= 1, d <= daysIn(y, m) else { return nil }
        return isoDigits(y, m, d)
    }

    /// `iso` for a year of four digits, without intermediate Strings.
    private static func isoDigits(_ y: Int, _ m: Int, _ d: Int) -> String {
        String(unsafeUninitializedCapacity: 10) { out in
            func put(_ at: Int, _ n: Int) { out[at] = UInt8(truncatingIfNeeded: 0x30 + n) }
            put(0, y / 1000); put(1, y / 100 % 10); put(2, y / 10 % 10); put(3, y % 10)
            out[4] = UInt8(ascii: "-")
            put(5, m / 10); put(6, m % 10)
            out[7] = UInt8(ascii: "-")
            put(8, d / 10); put(9, d % 10)
            return 10
        }
    }

    /// Yes/no cells: 是/否, Y/N, 有/无, √/×. For 投资主体, the statistical meaning of 民间投资
    /// (domestic collective, private and individual investors and the firms they control): 民间,
    /// 民营, 私营, 个体, 集体 -> true; state (国有, 政府, 城投…) and foreign or Hong Kong, Macao and
    /// Taiwan investors (外资, 外商, 港澳台), which the statistics count apart -> false.
    public static func yesNo(_ text: String) throws(ValueError) -> Bool? {
        // The usual cell, exactly 是 or 否: cleaning and upper-casing leave it as it is.
        if text.utf8.count == 3 {
            for (word, value) in yesNoBytes where withUTF8(text, { $0.elementsEqual(word) }) { return value }
        }
        let s = clean(text).uppercased()
        if s.isEmpty { return nil }
        // Byte comparison first (String == on CJK text consults normalisation data); none of
        // these words is in `noValueTexts`.
        for (word, value) in yesNoWords where s.utf8.elementsEqual(word.utf8) { return value }
        if noValueTexts.contains(s) { return nil }
        switch s {
        case "是", "Y", "YES", "TRUE", "1", "√", "✓", "有": return true
        case "否", "N", "NO", "FALSE", "0", "×", "✗", "无", "X": return false
        default: break
        }
        for word in ["民间", "民营", "私营", "私人", "个体", "个人", "集体", "自然人"] where s.contains(word) { return true }
        for word in ["国有", "国资", "政府", "国企", "央企", "事业", "财政", "城投", "外资", "外商", "港澳台"]
            where s.contains(word) { return false }
        throw ValueError(text: text, expected: "yes or no (是/否, Y/N, 民间/国有)")
    }

    private static let yesNoBytes: [([UInt8], Bool)] = [(Array("是".utf8), true), (Array("否".utf8), false)]

    private static let yesNoWords: [(String, Bool)] = [
        ("是", true), ("否", false), ("Y", true), ("N", false), ("有", true), ("无", false),
    ]

    /// Plain text cells: trimmed, inner line breaks removed; empty -> nil.
    /// A project's status as the reports read it: the ways counties write a stall (停建, 暂停施工,
    /// 停工中, 已停工, 停工停产, 缓建 — the policy's 停缓建 projects) become 停工, the value the stalled list and the stall counts
    /// look for; anything else (在建, 竣工, 已复工, 未停工) stays as written.
    public static func projectStatus(_ status: String) -> String {
        // Every stall word has 停 (E5 81 9C) or 复 (E5 A4 8D, 未复工): the usual 在建 / 竣工 / 停工
        // cell returns at once.
        if status.utf8.elementsEqual("停工".utf8) || !mayBeStall(status) { return status }
        let normalized = NameNormalizer.normalize(status)
        // Not yet restarted is still stalled: 未复工, 停工待复工, 尚未复工.
        if ["未复工", "待复工", "没有复工", "未恢复施工"].contains(where: { normalized.contains($0) }) { return "停工" }
        if ["复工", "未停", "无停", "不停", "没有停"].contains(where: { normalized.contains($0) }) { return status }
        return ["停工", "停建", "暂停", "已停", "停产", "停滞", "停止", "停缓", "缓建", "暂缓"].contains(where: { normalized.contains($0) })
            ? "停工" : status
    }

    /// Whether the text holds 停 (E5 81 9C), 复 (E5 A4 8D) or 缓 (E7 BC 93, 缓建): one pass over its bytes.
    private static func mayBeStall(_ text: String) -> Bool {
        withUTF8(text) { bytes in
            guard bytes.count >= 3 else { return false }
            for i in 0...(bytes.count - 3) {
                if bytes[i] == 0xE5, bytes[i + 1] == 0x81 && bytes[i + 2] == 0x9C || bytes[i + 1] == 0xA4 && bytes[i + 2] == 0x8D {
                    return true
                }
                if bytes[i] == 0xE7, bytes[i + 1] == 0xBC, bytes[i + 2] == 0x93 { return true }
            }
            return false
        }
    }

    public static func text(_ text: String) -> String? {
        if text.isEmpty { return nil }
        if !mayNeedTrim(text) { return text }
        let s = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined()
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}")))
        return s.isEmpty ? nil : s
    }

    /// False when `text` has no whitespace or line break that `text(_:)` would remove: no ASCII
    /// whitespace, NEL, NBSP, U+1680, U+2000…U+200A, U+2028/2029, U+202F, U+205F or U+3000.
    /// Exact for those scalars (unlike `NameNormalizer.needsWork`, which also flags the
    /// full-width forms that are common in names and that `text(_:)` keeps).
    @inline(__always)
    static func mayNeedTrim(_ text: String) -> Bool {
        withUTF8(text) { mayNeedTrim(utf8: $0) }
    }

    /// Over valid UTF-8 (a String's): a three-byte CJK ideograph (lead E4–E9, most of a
    /// name's bytes) is stepped over whole; continuation bytes never match a case.
    private static func mayNeedTrim(utf8 p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        var i = 0
        while i < n {
            let b = p[i]
            switch b {
            case 0xE4...0xE9:
                i &+= 3
                continue
            case 0x09...0x0D, 0x20:
                return true
            case 0xC2:
                if i + 1 < n, p[i + 1] == 0x85 || p[i + 1] == 0xA0 { return true }
            case 0xE1:
                if i + 2 < n, p[i + 1] == 0x9A, p[i + 2] == 0x80 { return true }
            case 0xE2:
                if i + 2 < n {
                    let c = p[i + 1], d = p[i + 2]
                    if c == 0x80, (0x80...0x8A).contains(d) || d == 0xA8 || d == 0xA9 || d == 0xAF { return true }
                    if c == 0x81, d == 0x9F { return true }
                }
            case 0xE3:
                if i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0x80 { return true }
            default:
                break
            }
            i &+= 1
        }
        return false
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
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
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
