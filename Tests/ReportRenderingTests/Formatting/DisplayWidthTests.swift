import Testing
@testable import ReportRendering

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0), ("abc", 3), ("钦南区", 6), ("钦南区abc", 9), ("Qinzhou 港区", 12),
        ("，。（）、：；", 14),        // CJK and full-width punctuation
        ("ＡＢ１２", 8),                // full-width forms
        ("\u{3000}", 2),               // ideographic space
        ("e\u{301}", 1),               // combining acute accent
        ("한국어", 6), ("カタカナ", 8),
        ("𠀀𪚥", 4),                    // CJK Extension B
        ("😀", 2),
        ("a\u{200B}b", 2),             // zero width space
        ("“引号”", 6),                  // curly quotes are Ambiguous: 1 each
        ("-", 1), ("—", 1),
        ("1,234.50", 8),
    ])
    func width(text: String, expected: Int) {
        #expect(displayWidth(text) == expected)
    }

    @Test(arguments: [("钦南区", 10, false, "钦南区    "), ("钦南区", 10, true, "    钦南区"), ("abc", 2, false, "abc")])
    func padding(text: String, width: Int, right: Bool, expected: String) {
        #expect(pad(text, to: width, rightAlign: right) == expected)
    }

    /// The CJK fast path gives what the general rule gives: every scalar in its ranges is wide
    /// and none is a mark, format or control character.
    @Test(arguments: [0x4E00...0x9FFF, 0x3400...0x4DBF, 0xAC00...0xD7A3, 0xFF01...0xFF60] as [ClosedRange<UInt32>])
    func cjkFastPathAgreesWithTheRule(range: ClosedRange<UInt32>) {
        for v in range {
            let scalar = Unicode.Scalar(v)!
            let category = scalar.properties.generalCategory
            #expect(![.nonspacingMark, .enclosingMark, .format, .control].contains(category), "U+\(String(v, radix: 16))")
            #expect(displayWidth(of: scalar) == 2, "U+\(String(v, radix: 16))")
        }
    }

    @Test(arguments: [("a\tb", "a b"), ("a\nb\r", "a b "), ("x\u{85}y\u{2028}z\u{2029}", "x y z "), ("\u{7F}", " "),
                      ("钦南区", "钦南区"), ("e\u{301}", "e\u{301}")])
    func singleLineReplacesLineBreakingCharacters(text: String, expected: String) {
        #expect(singleLine(text) == expected)
    }
}
