import Testing
@testable import SheetReader

@Suite struct MojibakeTests {
    /// Big5 read as GB18030 shows kana and Cyrillic among the Chinese; county sheets, with their
    /// units, marks and full-width text, do not.
    @Test(arguments: [
        (["艶郡20221-4る翴兜ヘ秈", "兜ヘ嘿 兜ヘ絏 1-4るЧΘщ戈窾じ"], true),
        (["2022年1-6月钦州市重大项目投资进度表", "填报单位：灵山县发展和改革局 单位：万元"], false),
        (["★新开工项目 ※快报数 ①② —— ％ ＃"], false),
        (["钦州市重大项目投资进度表（ヘ）"], false),   // one odd character is a typo, not an encoding
    ] as [([String], Bool)])
    func likely(texts: [String], expected: Bool) {
        #expect(Mojibake.likely(in: texts) == expected)
    }
}
