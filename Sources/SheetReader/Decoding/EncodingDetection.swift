// Encoding detection without flags (DESIGN §5): a BOM decides; otherwise UTF-16 shows by the
// NULs beside its ASCII characters; otherwise the sample is checked as UTF-8 and anything that
// is not valid UTF-8 is taken as GB18030 (the encoding Excel and WPS use for "CSV" on Chinese
// Windows), unless it is UTF-8 but for a few bad bytes. ASCII is the same in both.

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
        if let utf16 = utf16WithoutBOM(sample) { return Result(encoding: utf16, bomLength: 0) }
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
        if p.count >= 2, p[0] == 0xFE, p[1] == 0xFF { return Result(encoding: .utf16be, bomLength: 2) }
        return nil
    }

    /// UTF-16 without a mark, told by its ASCII characters (digits, delimiters, line breaks): a
    /// NUL beside each, after it in little-endian, before it in big-endian. UTF-8 and GBK text
    /// has no NUL at all; a damaged file's NUL padding pairs NUL with NUL and counts for
    /// neither order. Taken only when one order has at least 8 such characters, at least one
    /// code unit in 8, and four times as many as the other order (CJK such as 一 U+4E00 is a
    /// NUL and an ASCII byte too, in the other order).
    static func utf16WithoutBOM(_ p: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        let units = min(p.count, 64 * 1024) / 2
        guard units >= 16 else { return nil }
        func isText(_ b: UInt8) -> Bool { b == 0x09 || b == 0x0A || b == 0x0D || (0x20...0x7E).contains(b) }
        var little = 0, big = 0
        for k in 0..<units {
            let a = p[2 * k], b = p[2 * k + 1]
            if b == 0, isText(a) { little += 1 } else if a == 0, isText(b) { big += 1 }
        }
        func clear(_ x: Int, over y: Int) -> Bool { x >= 8 && x * 8 >= units && x >= 4 * y }
        if clear(little, over: big) { return .utf16le }
        if clear(big, over: little) { return .utf16be }
        return nil
    }

    /// True when every byte is ASCII: such a sample cannot tell UTF-8 from GB18030 yet.
    static func isASCII(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in p where b >= 0x80 { return false }
        return true
    }
}
