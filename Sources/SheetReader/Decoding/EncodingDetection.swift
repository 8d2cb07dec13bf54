// Encoding detection without flags (DESIGN §5): a BOM decides; otherwise the sample is
// checked as UTF-8 and anything that is not valid UTF-8 is taken as GB18030 (the encoding
// Excel and WPS use for "CSV" on Chinese Windows). ASCII is the same in both.

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
            // A BOM of the forced encoding is still not text.
            return Result(encoding: forced, bomLength: bom?.encoding == forced ? bom!.bomLength : 0)
        }
        if let bom { return bom }
        switch checkUTF8(sample) {
        case .valid: return Result(encoding: .utf8, bomLength: 0)
        case .incomplete: return Result(encoding: atEOF ? .gb18030 : .utf8, bomLength: 0)
        case .invalid: return Result(encoding: .gb18030, bomLength: 0)
        }
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
