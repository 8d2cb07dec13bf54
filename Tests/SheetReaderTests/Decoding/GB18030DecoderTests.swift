import Testing
@testable import SheetReader

/// The table-driven GB18030 decoder against iconv (`IconvDecoder`), the reference it must
/// equal byte for byte: output, failure offsets and messages, for any split into chunks.
@Suite struct GB18030DecoderTests {
    static let table = GB18030Table.shared!

    struct Result: Equatable {
        var output: [UInt8]
        var failure: DecodeFailure?
        var pendingOffset: Int
    }

    /// Feeds `input` in two pieces split at `split`, as the stream does (the second one final).
    static func run(_ decoder: any TextDecoder, _ input: [UInt8], split: Int) -> Result {
        var out: [UInt8] = []
        decoder.pending.append(contentsOf: input[..<split])
        if let f = decoder.decode(into: &out, final: false) { return Result(output: out, failure: f, pendingOffset: decoder.pendingOffset) }
        decoder.pending.append(contentsOf: input[split...])
        let f = decoder.decode(into: &out, final: true)
        return Result(output: out, failure: f, pendingOffset: decoder.pendingOffset)
    }

    static func fast(_ input: [UInt8], split: Int, startOffset: Int = 0) -> Result {
        run(try! GB18030Decoder(table: table, startOffset: startOffset), input, split: split)
    }

    static func reference(_ input: [UInt8], split: Int, startOffset: Int = 0) -> Result {
        run(try! IconvDecoder(encoding: .gb18030, startOffset: startOffset), input, split: split)
    }

    @Test func gb18030UsesTheTableDecoder() throws {
        #expect(try makeDecoder(for: .gb18030, startOffset: 0) is GB18030Decoder)
        #expect(try makeDecoder(for: .utf16le, startOffset: 0) is IconvDecoder)
    }

    /// Every two-byte sequence with a GBK lead byte (valid or not), between ASCII, as iconv
    /// decodes it — including where it fails and with what message.
    @Test(arguments: Array(UInt8(0x81)...UInt8(0xFE)))
    func everyTwoByteSequenceMatchesIconv(lead: UInt8) {
        for trail in UInt8(0x00)...UInt8(0xFF) {
            let input: [UInt8] = [0x41, lead, trail, 0x42]
            let expected = Self.reference(input, split: input.count)
            #expect(Self.fast(input, split: input.count) == expected, "bytes \(hexBytes([lead, trail]))")
            // Cut between lead and trail: the lead waits for the next chunk.
            #expect(Self.fast(input, split: 2) == Self.reference(input, split: 2), "split \(hexBytes([lead, trail]))")
        }
    }

    /// All valid two-byte GBK in one input, split in the middle of a sequence.
    @Test func allValidTwoByteSequencesInOneChunk() {
        var input: [UInt8] = []
        for lead in UInt8(0x81)...UInt8(0xFE) {
            for trail in UInt8(0x40)...UInt8(0xFE) where trail != 0x7F { input += [lead, trail] }
        }
        let reference = Self.reference(input, split: input.count)
        let validEnd = reference.failure.map { $0.byteOffset } ?? input.count
        let valid = Array(input[..<validEnd])
        for split in [0, 1, valid.count / 2 + 1, valid.count] {
            #expect(Self.fast(valid, split: split) == Self.reference(valid, split: split), "split at \(split)")
        }
        #expect(valid.count > 40_000)   // GBK's ~21,000 two-byte characters decode without iconv failing
    }

    /// Four-byte GB18030, invalid and cut-off sequences, NUL and ASCII, at every split.
    @Test(arguments: [
        [0x95, 0x32, 0x82, 0x36],                          // 𠀀, four bytes
        [0x41, 0x81, 0x30, 0x81, 0x30, 0xC7, 0xD5, 0x42],  // U+0080 between ASCII and 钦
        [0x84, 0x31, 0xA4, 0x39],                          // U+FFFF, last of the BMP range
        [0xE3, 0x32, 0x9A, 0x35],                          // U+10FFFF
        [0x81, 0x30, 0x81],                                // file ends inside four bytes
        [0x41, 0xC7],                                      // file ends after a lead byte
        [0x41, 0x80, 0x42],                                // 0x80 is no lead byte
        [0x41, 0xFF],
        [0xC7, 0x7F, 0x41],                                // 0x7F is no trail byte
        [0x81, 0x30, 0x41, 0x42],                          // digit second byte, then not four bytes
        [0x81, 0x30, 0x81, 0x41],
        [0xA1, 0xA1, 0xA3, 0xAC, 0xA8, 0xBF, 0xFE, 0xFE],  // ideographic space, full-width comma, ǹ, user-defined area
        [0x00, 0x41, 0x0D, 0x0A, 0x7F],                    // NUL, CR LF, DEL pass through
        [0xC7, 0xD5, 0xD6, 0xDD, 0x2C, 0x22, 0xCF, 0xEE, 0x22],
    ] as [[UInt8]])
    func oddSequencesMatchIconvAtEverySplit(bytes: [UInt8]) {
        for split in 0...bytes.count {
            #expect(Self.fast(bytes, split: split) == Self.reference(bytes, split: split), "split at \(split)")
        }
        // Offsets count from where the text starts (after a BOM, say).
        #expect(Self.fast(bytes, split: bytes.count, startOffset: 3) == Self.reference(bytes, split: bytes.count, startOffset: 3))
    }

    /// A chunk far larger than the decoder's first scratch buffer (64 KiB), text of all kinds.
    @Test func largeChunkMatchesIconv() {
        let line = TestEncoding.encode("1,钦州市𠀀重大项目（二期）,2021-450700-36-04-7000010,\"10,924.94\",€ü\r\n", as: .gb18030)
        var input: [UInt8] = []
        while input.count < 300_000 { input += line }
        for split in [0, 65_537, input.count] {
            let result = Self.fast(input, split: split)
            #expect(result == Self.reference(input, split: split))
            #expect(result.failure == nil && result.pendingOffset == input.count)
        }
    }
}
