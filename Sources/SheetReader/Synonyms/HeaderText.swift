import Foundation

/// A header cell after normalisation: spaces and line breaks gone, brackets and colons
/// half-width, dash variants as `-`, and a trailing unit (`（万元）`, `(亿元)`, `单位：万元`,
/// `(%)`) cut off and remembered for the column.
public struct HeaderText: Sendable, Equatable {
    public var text: String
    public var unit: MoneyUnit?
    public var isPercent: Bool

    public init(_ raw: String) {
        var s = NameNormalizer.normalize(raw)
        s = HeaderText.unifyDashes(s)
        // `1-6月份完成投资` is `1-6月完成投资`; a bare `月份` (the period column) stays.
        if s.contains("月份") { s = HeaderText.dropMonthSuffix(s) }
        var unit: MoneyUnit?
        var percent = false
        // Trailing units, possibly several: "同比±%", "金额(万元)", "1-6月完成投资(单位:万元)".
        while true {
            if let (rest, u, p) = HeaderText.stripUnit(s) {
                s = rest
                if let u { unit = u }
                if p { percent = true }
            } else { break }
        }
        self.text = s
        self.unit = unit
        self.isPercent = percent
    }

    /// `—`, `–`, `~`, and `至` between digits (1至6月) become `-`.
    static func unifyDashes(_ s: String) -> String {
        var chars = Array(s)
        for i in chars.indices {
            switch chars[i] {
            case "—", "–", "‐", "‑", "−", "~", "〜": chars[i] = "-"
            case "至" where i > 0 && i + 1 < chars.count && chars[i - 1].isNumber && chars[i + 1].isNumber:
                chars[i] = "-"
            default: break
            }
        }
        return String(chars)
    }

    /// `N月份` -> `N月` where a digit precedes the 月.
    static func dropMonthSuffix(_ s: String) -> String {
        var out: [Character] = []
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            out.append(chars[i])
            if chars[i] == "月", i + 1 < chars.count, chars[i + 1] == "份", i > 0, chars[i - 1].isASCII, chars[i - 1].isNumber { i += 2; continue }
            i += 1
        }
        return String(out)
    }

    static let unitWords: [(String, MoneyUnit?, Bool)] = MoneyUnit.spellings.map { ($0.text, $0.unit, false) } + [("%", nil, true)]

    private static func stripUnit(_ s: String) -> (String, MoneyUnit?, Bool)? {
        guard !s.isEmpty else { return nil }
        // Bracketed: "(万元)", "(单位:万元)", "[亿元]".
        if let last = s.last, last == ")" || last == "]" || last == "】" {
            let open: Character = last == ")" ? "(" : (last == "]" ? "[" : "【")
            guard let openIndex = s.lastIndex(of: open) else { return nil }
            var inner = String(s[s.index(after: openIndex)..<s.index(before: s.endIndex)])
            for prefix in ["金额单位:", "单位:", "单位"] where inner.hasPrefix(prefix) {
                inner.removeFirst(prefix.count)
                break
            }
            for (word, unit, percent) in unitWords where inner == word {
                return (String(s[..<openIndex]), unit, percent)
            }
            return nil
        }
        // Unbracketed "单位:万元" (title cells) and a bare trailing "%".
        for prefix in ["金额单位:", "单位:"] {
            if let r = s.range(of: prefix, options: .backwards) {
                let inner = String(s[r.upperBound...])
                for (word, unit, percent) in unitWords where inner == word {
                    return (String(s[..<r.lowerBound]), unit, percent)
                }
            }
        }
        if s.hasSuffix("%"), s.count > 1 { return (String(s.dropLast()), nil, true) }
        return nil
    }
}
