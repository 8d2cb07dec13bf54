import Testing
@testable import SheetReader

@Suite struct IconvDecoderTests {
    /// Feeds `input` to a decoder in two pieces split at `split`, as the stream does.
    static func decode(_ input: [UInt8], _ encoding: TextEncoding, split: Int) -> ([UInt8], DecodeFailure?) {
        let decoder = try! makeDecoder(for: encoding, startOffset: 0)
        var out: [UInt8] = []
        decoder.pending.append(contentsOf: input[..<split])
        if let f = decoder.decode(into: &out, final: false) { return (out, f) }
        decoder.pending.append(contentsOf: input[split...])
        let f = decoder.decode(into: &out, final: true)
        return (out, f)
    }

    @Test(arguments: [
        ([0xC7, 0xD5, 0xD6, 0xDD], "钦州"),
        ([0xCF, 0xEE, 0xC4, 0xBF, 0xB4, 0xFA, 0xC2, 0xEB], "项目代码"),
        ([0xB8, 0xBD, 0xBC, 0xFE, 0x31, 0x2C], "附件1,"),
        ([0x95, 0x32, 0x82, 0x36], "𠀀"),                  // four-byte GB18030
        ([0x81, 0x30, 0x81, 0x30], "\u{80}"),
    ] as [([UInt8], String)])
    func knownGB18030Bytes(bytes: [UInt8], text: String) {
        for split in 0...bytes.count {
            let (out, failure) = Self.decode(bytes, .gb18030, split: split)
            #expect(failure == nil)
            #expect(String(decoding: out, as: UTF8.self) == text, "split at \(split)")
        }
    }

    @Test(arguments: ["钦州市重大项目,1-6月\n完成投资（万元）", "𠀀😎 mixed ascii\r\n第二行"])
    func everySplitPositionRoundTrips(text: String) {
        for encoding in [TextEncoding.gb18030, .utf16le, .utf8] {
            let bytes = TestEncoding.encode(text, as: encoding)
            for split in 0...bytes.count {
                let (out, failure) = Self.decode(bytes, encoding, split: split)
                #expect(failure == nil)
                #expect(String(decoding: out, as: UTF8.self) == text, "\(encoding) split at \(split)")
            }
        }
    }

    /// (encoding, bytes, offset of the bad byte, decoded text before it)
    @Test(arguments: [
        (TextEncoding.gb18030, [0x41, 0xC7, 0xD5, 0xFF, 0x42], 3, "A钦"),
        (.gb18030, [0x41, 0x80], 1, "A"),
        (.gb18030, [0xC7, 0xD5, 0xC7], 2, "钦"),               // cut at end of file
        (.utf16le, [0x41, 0x00, 0x00, 0xDC, 0x42, 0x00], 2, "A"), // lone low surrogate
        (.utf16le, [0x41, 0x00, 0x42], 2, "A"),                  // odd length
        (.utf8, [0x41, 0xE4, 0xB8, 0x41], 1, "A"),
        (.utf8, [0x41, 0xE4, 0xB8], 1, "A"),                     // cut at end of file
    ] as [(TextEncoding, [UInt8], Int, String)])
    func invalidBytesStopWithTheirOffset(encoding: TextEncoding, bytes: [UInt8], offset: Int, before: String) {
        for split in 0...bytes.count {
            let (out, failure) = Self.decode(bytes, encoding, split: split)
            #expect(failure?.byteOffset == offset, "split at \(split)")
            #expect(String(decoding: out, as: UTF8.self) == before)
            #expect(!out.contains(0xEF) || !String(decoding: out, as: UTF8.self).contains("\u{FFFD}"))
        }
    }

    @Test func offsetsCountFromTheFileStartAfterABOM() {
        let decoder = try! makeDecoder(for: .utf16le, startOffset: 2)
        var out: [UInt8] = []
        decoder.pending = [0x41, 0x00, 0x00, 0xDC]
        #expect(decoder.decode(into: &out, final: true)?.byteOffset == 4)
    }
}
