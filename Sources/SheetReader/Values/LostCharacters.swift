// Characters lost in an ANSI export: Excel's "CSV (逗号分隔)" on Chinese Windows writes GBK, and
// a character GBK has no code for (𠮷, 䶮, names' rare hanzi) comes out as an ASCII `?`
// (`浦北县?祥路改造工程`). Such a name loaded without a word and replaced the project's good one.

enum LostCharacters {
    /// Whether `text` has a `?` (or several) before a Chinese character and after another one,
    /// a space or the start of the cell. A question mark ends a question (`是否?`): not after it.
    static func likely(in text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "?")) else { return false }
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "?" else { i += 1; continue }
            var end = i
            while end < scalars.count, scalars[end] == "?" { end += 1 }
            let before = i == 0 || isHan(scalars[i - 1]) || scalars[i - 1].properties.isWhitespace
            if before, end < scalars.count, isHan(scalars[end]) { return true }
            i = end
        }
        return false
    }

    /// CJK unified ideographs, extension A and B–H, and the compatibility ideographs.
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: return true
        default: return false
        }
    }

    /// What to tell the operator about such a cell of a file in `encoding`.
    static func advice(_ encoding: TextEncoding) -> String {
        encoding == .gb18030
            ? "a character the ANSI (GBK) CSV export could not write was probably saved as '?'; "
                + "save the sheet as \"CSV UTF-8\" and send it again"
            : "a character was probably lost when the text passed through GBK (ANSI) before this file was made; "
                + "check it against the original"
    }
}
