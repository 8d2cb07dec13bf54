import Testing
@testable import SheetReader

@Suite struct UTF8ValidationTests {
    static let valid: [[UInt8]] = [
        [], Array("plain ascii, longer than eight bytes".utf8), Array("钦州市".utf8), Array("😎".utf8),
        [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
        [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xEF, 0xBF, 0xBD], [0x00],
    ]

    @Test(arguments: valid)
    func acceptsValid(bytes: [UInt8]) {
        #expect(bytes.withUnsafeBufferPointer { checkUTF8($0) } == .valid)
    }

    /// (bytes, index of the bad sequence's first byte)
    @Test(arguments: [
        ([0x80], 0), ([0x41, 0xBF], 1), ([0xC0, 0x80], 0), ([0xC1, 0xBF], 0),   // stray / overlong
        ([0xE0, 0x80, 0x80], 0), ([0xF0, 0x80, 0x80, 0x80], 0),                 // overlong
        ([0xED, 0xA0, 0x80], 0),                                                 // surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0), ([0xF5, 0x80, 0x80, 0x80], 0), ([0xFF], 0), // > U+10FFFF
        ([0x41, 0x42, 0xE4, 0x41], 2), ([0xE4, 0xB8, 0x41], 0),                 // cut by ASCII
        (Array("12345678钦".utf8) + [0xC7, 0xD5], 11),                          // GBK after UTF-8
    ] as [([UInt8], Int)])
    func rejectsInvalid(bytes: [UInt8], at index: Int) {
        #expect(bytes.withUnsafeBufferPointer { checkUTF8($0) } == .invalid(at: index))
    }

    @Test(arguments: [([0xE4], 0), ([0x41, 0xE4, 0xB8], 1), ([0xF0, 0x9F, 0x98], 0), ([0x41, 0xC2], 1)] as [([UInt8], Int)])
    func cutAtTheEndIsIncomplete(bytes: [UInt8], at index: Int) {
        #expect(bytes.withUnsafeBufferPointer { checkUTF8($0) } == .incomplete(at: index))
    }
}
