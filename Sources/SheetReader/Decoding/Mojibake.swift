import Foundation

/// Text decoded in the wrong encoding: a Big5 (Traditional Chinese Office) or Shift-JIS file read
/// as GB18030 comes out as valid characters, but kana, Cyrillic and Greek among the Chinese
/// (`艶郡20221-4る翴兜ヘ秈`), where a county's sheet has none. Only a hint for the message of a
/// file whose header could not be found: it said "no header row" and nothing of the encoding.
enum Mojibake {
    /// Whether at least a tenth (and two) of the text's non-ASCII characters are of scripts a
    /// Chinese sheet does not use.
    static func likely(in texts: [String]) -> Bool {
        var odd = 0, nonASCII = 0
        for text in texts {
            for scalar in text.unicodeScalars where !scalar.isASCII {
                nonASCII += 1
                if oddRanges.contains(where: { $0.contains(scalar.value) }) { odd += 1 }
            }
        }
        return odd >= 2 && odd * 10 >= nonASCII
    }

    /// Latin letters with accents, Greek, Cyrillic, box drawing, kana, the private use area, the
    /// half-width katakana and the replacement character.
    static let oddRanges: [ClosedRange<UInt32>] = [
        0x00C0...0x024F, 0x0370...0x03FF, 0x0400...0x04FF, 0x2500...0x257F, 0x3040...0x30FF,
        0xE000...0xF8FF, 0xFF61...0xFF9F, 0xFFFD...0xFFFD,
    ]

    /// What to tell the operator.
    static func hint(encoding: TextEncoding, forced: Bool) -> String {
        "; the text does not look like Chinese read as \(encoding.rawValue)\(forced ? " (--encoding)" : ""): the file may be in "
            + "another encoding (Big5 and Shift-JIS are not read: save it again as UTF-8 or GBK), or force one of "
            + "\(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")) with --encoding"
    }
}
