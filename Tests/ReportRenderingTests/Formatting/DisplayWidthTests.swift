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
}
