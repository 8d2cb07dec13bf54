import Foundation

/// Rounds half away from zero ("四舍五入", what NSDecimalRound calls `.plain`) to `scale`
/// decimal places. Exact: never goes through `Double`.
public func rounded(_ d: Decimal, scale: Int) -> Decimal {
    var input = d
    var result = Decimal()
    NSDecimalRound(&result, &input, scale, .plain)
    return result
}

/// Exact plain decimal text of `d`: digits, at most one `.`, a leading `-` only when negative;
/// never an exponent. `nil` for NaN. This is the JSON and CSV form of a number.
public func plainDecimalString(_ d: Decimal) -> String? {
    if d.isNaN { return nil }
    if d.isZero { return "0" }
    // Decimal.description is plain positional notation today; this guard keeps the promise
    // even if a Foundation version ever switches to scientific notation.
    let text = d.description
    if isPlainNumber(text) { return text }
    return positionalString(d)
}

/// `d` rounded half-up to `scale` decimals, always showing exactly `scale` decimals, with an
/// optional thousands separator in the integer part: `1,234,567.80`. Negative values keep their
/// `-`; a value that rounds to zero is shown unsigned (`0.00`, never `-0.00`).
public func formatDecimal(_ d: Decimal, scale: Int, grouping: Bool = false) -> String {
    guard let text = plainDecimalString(rounded(d, scale: max(scale, 0))) else { return "NaN" }
    var digits = Substring(text)
    var negative = false
    if digits.hasPrefix("-") { negative = true; digits = digits.dropFirst() }
    let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    var integerPart = String(parts[0])
    var fraction = parts.count > 1 ? String(parts[1]) : ""
    if integerPart.isEmpty { integerPart = "0" }
    if fraction.count < scale { fraction += String(repeating: "0", count: scale - fraction.count) }
    if fraction.count > scale { fraction = String(fraction.prefix(scale)) }
    if grouping { integerPart = groupThousands(integerPart) }
    if negative && (integerPart + fraction).contains(where: { $0 != "0" && $0 != "," }) == false {
        negative = false
    }
    return (negative ? "-" : "") + integerPart + (scale > 0 ? "." + fraction : "")
}

/// 万元 as people read it: `1,234,567.80`.
public func formatMoney(_ d: Decimal) -> String { formatDecimal(d, scale: 2, grouping: true) }

/// A percentage with one decimal and a sign suffix: `15.3%`, `-2.0%`.
public func formatPercent(_ d: Decimal) -> String { formatDecimal(d, scale: 1) + "%" }

/// Percentage points, always signed so "ahead" and "behind" read at a glance: `+2.5pp`, `-3.0pp`, `0.0pp`.
public func formatPoints(_ d: Decimal) -> String {
    let text = formatDecimal(d, scale: 1)
    let isZero = !text.contains(where: { $0 >= "1" && $0 <= "9" })
    return (text.hasPrefix("-") || isZero ? text : "+" + text) + "pp"
}

func groupThousands(_ digits: String) -> String {
    var out: [Character] = []
    for (i, c) in digits.reversed().enumerated() {
        if i > 0 && i % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return String(out.reversed())
}

/// JSON number grammar without exponent: -?(0|[1-9][0-9]*)(\.[0-9]+)?
func isPlainNumber(_ s: String) -> Bool {
    var chars = Substring(s)
    if chars.hasPrefix("-") { chars = chars.dropFirst() }
    let parts = chars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let intPart = parts.first, !intPart.isEmpty, intPart.allSatisfy(\.isASCIIDigit) else { return false }
    if intPart.count > 1 && intPart.first == "0" { return false }
    if parts.count == 2 { return !parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit) }
    return true
}

/// Fallback: rebuild positional notation from significand and exponent, digit by digit.
func positionalString(_ d: Decimal) -> String {
    let negative = d < 0
    var significand = d.significand < 0 ? -d.significand : d.significand
    var exponent = d.exponent
    // Normalise the significand to an integer (it is one for finite Decimals, but be safe).
    while rounded(significand, scale: 0) != significand { significand *= 10; exponent -= 1 }
    var digits = ""
    var n = significand
    repeat {
        let q = rounded(n / 10, scale: 0, mode: .down)
        let r = n - q * 10
        digits = String(describing: NSDecimalNumber(decimal: r).intValue) + digits
        n = q
    } while n > 0
    if exponent >= 0 {
        digits += String(repeating: "0", count: exponent)
    } else {
        let shift = -exponent
        if digits.count <= shift { digits = String(repeating: "0", count: shift - digits.count + 1) + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -shift))
        while digits.hasSuffix("0") { digits.removeLast() }
        if digits.hasSuffix(".") { digits.removeLast() }
    }
    return (negative ? "-" : "") + digits
}

private func rounded(_ d: Decimal, scale: Int, mode: NSDecimalNumber.RoundingMode) -> Decimal {
    var input = d
    var result = Decimal()
    NSDecimalRound(&result, &input, scale, mode)
    return result
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
