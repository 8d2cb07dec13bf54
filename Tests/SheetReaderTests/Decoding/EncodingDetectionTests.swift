import Testing
@testable import SheetReader

@Suite struct EncodingDetectionTests {
    static let gbk钦州: [UInt8] = [0xC7, 0xD5, 0xD6, 0xDD]

    @Test(arguments: [
        ([0xEF, 0xBB, 0xBF] + Array("a,b".utf8), TextEncoding.utf8, 3),
        ([0xFF, 0xFE, 0x61, 0x00], .utf16le, 2),
        ([0xFE, 0xFF, 0x00, 0x61], .utf16be, 2),
        (Array("项目名称,金额".utf8), .utf8, 0),
        (Array("ascii only".utf8), .utf8, 0),
        ([], .utf8, 0),
        (Array("title,".utf8) + gbk钦州, .gb18030, 0),
        ([0xCF, 0xEE, 0xC4, 0xBF], .gb18030, 0),      // 项目
    ] as [([UInt8], TextEncoding, Int)])
    func detects(sample: [UInt8], encoding: TextEncoding, bom: Int) {
        let r = sample.withUnsafeBufferPointer { EncodingDetection.detect(sample: $0, atEOF: true, forced: nil) }
        #expect(r == .init(encoding: encoding, bomLength: bom))
    }

    /// UTF-8 with one stray byte stays UTF-8 (the decoder then names the bad byte's line); GBK
    /// text, even with stray bytes of its own, stays GB18030.
    @Test func mostlyUTF8WithABadByteIsUTF8() {
        let text = Array("2022年6月灵山县重大项目\n项目代码,项目名称,1-6月完成投资\n".utf8)
        let bad = text + [0xFF] + Array("项目乙,30\n".utf8)
        #expect(bad.withUnsafeBufferPointer { EncodingDetection.detect(sample: $0, atEOF: true, forced: nil) }.encoding == .utf8)
        let gbk = TestEncoding.encode("2022年6月灵山县重大项目\n项目代码,项目名称,1-6月完成投资\n", as: .gb18030)
        for sample in [gbk, gbk + [0xFF] + gbk, Array("名".utf8) + gbk] {
            #expect(sample.withUnsafeBufferPointer { EncodingDetection.detect(sample: $0, atEOF: true, forced: nil) }.encoding == .gb18030)
        }
    }

    @Test func aSequenceCutByTheSampleEndIsNotEvidence() {
        let sample = Array("钦".utf8).dropLast()
        let cut = Array(sample)
        #expect(cut.withUnsafeBufferPointer { EncodingDetection.detect(sample: $0, atEOF: false, forced: nil) }.encoding == .utf8)
        #expect(cut.withUnsafeBufferPointer { EncodingDetection.detect(sample: $0, atEOF: true, forced: nil) }.encoding == .gb18030)
    }

    @Test(arguments: TextEncoding.allCases)
    func forcedEncodingWins(forced: TextEncoding) {
        let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF, 0x61]
        let r = utf8BOM.withUnsafeBufferPointer { EncodingDetection.detect(sample: $0, atEOF: true, forced: forced) }
        #expect(r.encoding == forced)
        #expect(r.bomLength == (forced == .utf8 || forced == .gb18030 ? 3 : 0))
    }

    static let sheet = "2022年1月钦州高新区重大项目\n项目代码\t项目名称\t1-1月完成投资\n2022-450700-48-01-000100\t道路\t1234.5\n"

    /// UTF-16 without a mark, by the NUL beside its ASCII characters (it was read as GB18030 and
    /// rejected, the big-endian even with its mark).
    @Test(arguments: [TextEncoding.utf16le, .utf16be])
    func utf16WithoutAMark(encoding: TextEncoding) {
        let bytes = TestEncoding.encode(Self.sheet, as: encoding)
        #expect(bytes.withUnsafeBufferPointer { EncodingDetection.detect(sample: $0, atEOF: true, forced: nil) }
                == .init(encoding: encoding, bomLength: 0))
    }

    /// No NUL beside ASCII in one order only: not UTF-16 — GBK text padded with NULs (a damaged
    /// file), all-Chinese UTF-16 too short to tell, a file of NULs.
    @Test(arguments: [
        TestEncoding.encode(sheet, as: .gb18030) + [UInt8](repeating: 0, count: 512),
        TestEncoding.encode("钦州高新区重大项目", as: .utf16le),
        [UInt8](repeating: 0, count: 1024),
        Array("a\0b\0".utf8),
    ])
    func notUTF16(bytes: [UInt8]) {
        let r = bytes.withUnsafeBufferPointer { EncodingDetection.detect(sample: $0, atEOF: true, forced: nil) }
        #expect(r.encoding != .utf16le && r.encoding != .utf16be)
    }

    /// A UTF-8 BOM a converter put before GBK bytes: the text after it is GB18030 (the file could
    /// not be read at all; `--encoding gb18030` failed on the mark). A UTF-8 file with one stray
    /// byte after its BOM stays UTF-8.
    @Test func aUTF8MarkBeforeGBKText() {
        let gbk = TestEncoding.encode("2022年6月灵山县重大项目\n项目代码,项目名称,1-6月完成投资\n", as: .gb18030)
        let marked = [0xEF, 0xBB, 0xBF] + gbk
        #expect(marked.withUnsafeBufferPointer { EncodingDetection.detect(sample: $0, atEOF: true, forced: nil) }
                == .init(encoding: .gb18030, bomLength: 3))
        let utf8 = [0xEF, 0xBB, 0xBF] + Array("2022年6月灵山县重大项目\n项目代码,项目名称,1-6月完成投资\n".utf8) + [0xFF]
        #expect(utf8.withUnsafeBufferPointer { EncodingDetection.detect(sample: $0, atEOF: true, forced: nil) }
                == .init(encoding: .utf8, bomLength: 3))
    }
}
