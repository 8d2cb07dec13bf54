// Encoding detection without flags (DESIGN §5): a BOM decides; otherwise the sample is
// checked as UTF-8 and anything that is not valid UTF-8 is taken as GB18030 (the encoding
// Excel and WPS use for "CSV" on Chinese Windows), unless it is UTF-8 but for a few bad
// bytes. ASCII is the same in both.

enum EncodingDetection {
    /// What the start of the file says.
    struct Result: Equatable {
        var encoding: TextEncoding
        /// Bytes of BOM to drop before decoding.
        var bomLength: Int
    }

    /// `sample` is the start of the file; `atEOF` says it is the whole file (a sequence cut
    /// at its end is then evidence against UTF-8).
    static func detect(sample: UnsafeBufferPointer<UInt8>, atEOF: Bool, forced: TextEncoding?) -> Result {
        let bom = bomEncoding(sample)
        if let forced {
            // A BOM of the forced encoding is still not text; nor is a UTF-8 BOM a tool put
            // before GBK bytes (`--encoding gb18030` failed on it).
            let dropped = bom?.encoding == forced || (bom?.encoding == .utf8 && forced == .gb18030)
            return Result(encoding: forced, bomLength: dropped ? bom!.bomLength : 0)
        }
        if let bom {
            // A UTF-8 BOM before GBK text (a converter that added the mark and not the
            // conversion): GB18030 after the mark, as the text itself says.
            if bom.encoding == .utf8, bom.bomLength < sample.count {
                let rest = UnsafeBufferPointer(rebasing: sample[bom.bomLength...])
                if case .invalid = checkUTF8(rest) {
                    let evidence = utf8Evidence(rest)
                    if !(evidence.sequences >= 8 && evidence.sequences >= 4 * evidence.errors) {
                        return Result(encoding: .gb18030, bomLength: bom.bomLength)
                    }
                }
            }
            return bom
        }
        switch checkUTF8(sample) {
        case .valid: return Result(encoding: .utf8, bomLength: 0)
        case .incomplete: return Result(encoding: atEOF ? .gb18030 : .utf8, bomLength: 0)
        case .invalid:
            // UTF-8 with a stray bad byte (a name pasted from elsewhere) is still UTF-8: read as
            // GB18030 it failed on its first Chinese character with a message about GB18030;
            // as UTF-8 it fails at the bad byte, naming its line. GBK text breaks UTF-8 at
            // almost every character, so it has errors and next to no valid sequences.
            let evidence = utf8Evidence(sample)
            let mostlyUTF8 = evidence.sequences >= 8 && evidence.sequences >= 4 * evidence.errors
            return Result(encoding: mostlyUTF8 ? .utf8 : .gb18030, bomLength: 0)
        }
    }

    /// Valid multi-byte UTF-8 sequences and invalid ones (each skipped by one byte) in `p`. Stops
    /// once the errors are too many for the text to count as UTF-8 (GBK text errs at almost
    /// every character: counting a whole sample of it cost 10% of reading the corpus).
    static func utf8Evidence(_ p: UnsafeBufferPointer<UInt8>) -> (sequences: Int, errors: Int) {
        var sequences = 0, errors = 0, i = 0
        func leads(_ range: Range<Int>) -> Int { p[range].lazy.filter { (0xC2...0xF4).contains($0) }.count }
        while i < p.count {
            switch checkUTF8(p, from: i) {
            case .valid:
                return (sequences + leads(i..<p.count), errors)
            case .incomplete(let at):
                return (sequences + leads(i..<at), errors)
            case .invalid(let at):
                sequences += leads(i..<at)
                errors += 1
                i = at + 1
                if errors >= 16, sequences < 4 * errors { return (sequences, errors) }
            }
        }
        return (sequences, errors)
    }

    static func bomEncoding(_ p: UnsafeBufferPointer<UInt8>) -> Result? {
        if p.count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { return Result(encoding: .utf8, bomLength: 3) }
        if p.count >= 2, p[0] == 0xFF, p[1] == 0xFE { return Result(encoding: .utf16le, bomLength: 2) }
        return nil
    }

    /// True when every byte is ASCII: such a sample cannot tell UTF-8 from GB18030 yet.
    static func isASCII(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in p where b >= 0x80 { return false }
        return true
    }
}
