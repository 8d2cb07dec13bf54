import Foundation

/// Normalises names and header texts the way county sheets vary them: full-width ASCII
/// (digits, letters, brackets, colon, percent) becomes half-width, and every space, ideographic
/// space, line break and zero-width character is dropped. The loader reuses it to match region
/// and department names against the database, so it must stay a pure function of the text.
public enum NameNormalizer {
    public static func normalize(_ text: String) -> String {
        if !needsWork(text) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E:   // full-width ASCII block -> ASCII
                out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000, 0x00A0, 0x200B, 0x200C, 0x200D, 0xFEFF, 0x2060:
                continue
            default:
                if scalar.properties.isWhitespace { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Fast path for the common cell (plain CJK and ASCII): nothing to change when no byte is
    /// ASCII whitespace and no scalar starts with a UTF-8 lead byte of a block we rewrite
    /// (C2: NBSP/NEL, E1: U+1680, E2: U+2000-U+2FFF spaces and zero-widths, E3: U+3000,
    /// EF: full-width forms and BOM).
    @inline(__always)
    static func needsWork(_ text: String) -> Bool {
        ValueParser.withUTF8(text) { p in
            let n = p.count
            var i = 0
            while i < n {
                switch p[i] {
                case 0x09...0x0D, 0x20, 0xC2, 0xE1, 0xE2, 0xE3, 0xEF: return true
                case 0xE4...0xE9: i &+= 3   // a CJK ideograph; its continuation bytes match nothing
                default: i &+= 1
                }
            }
            return false
        }
    }
}
