import Foundation

/// Normalises names and header texts the way county sheets vary them: full-width ASCII
/// (digits, letters, brackets, colon, percent) becomes half-width, and every space, ideographic
/// space, line break and zero-width character is dropped. The loader reuses it to match region
/// and department names against the database, so it must stay a pure function of the text.
public enum NameNormalizer {
    public static func normalize(_ text: String) -> String {
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
}
