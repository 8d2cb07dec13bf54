import Testing
@testable import SheetReader

@Suite struct LostCharactersTests {
    /// `?` before a Chinese character, after another one, a space or the start of the cell: a
    /// character the ANSI export could not write. A question mark, a code, a URL are not.
    @Test(arguments: [
        ("浦北县?祥路改造工程", true),
        ("浦北县?村污水处理厂", true),
        ("浦北县??路改造工程", true),
        ("?村污水处理厂", true),
        ("钦南区 ?村污水处理厂", true),
        ("是否?", false),
        ("是否开工?", false),
        ("钦南区道路改造工程", false),
        ("http://a.cn/?id=道路", false),
        ("A?路", false),
        ("？村", false),               // a full-width question mark is the clerk's own
        ("?", false),
        ("", false),
        ("㐀?𠮷", true),               // extension A and B characters are Chinese too
    ] as [(String, Bool)])
    func likely(text: String, expected: Bool) {
        #expect(LostCharacters.likely(in: text) == expected)
    }
}
