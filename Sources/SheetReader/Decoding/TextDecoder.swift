// Streaming conversion of a file's original bytes into validated UTF-8.
//
// A decoder is fed raw bytes in `pending` (the caller appends each chunk there) and appends
// UTF-8 to the caller's buffer. A sequence cut by the chunk end stays in `pending` for the
// next call. Bad bytes stop decoding: everything before them has been appended, and the
// failure carries their offset in the ORIGINAL file; the caller adds the line number (it is
// the tokenizer that counts lines, over exactly the text appended so far).

struct DecodeFailure: Equatable {
    /// 0-based offset of the first bad byte in the original file.
    var byteOffset: Int
    var message: String

    /// The file ends inside a sequence of `encoding` (`bytes`: the rest of the file).
    static func cutOff(at byteOffset: Int, encoding: String, bytes: some Collection<UInt8>) -> DecodeFailure {
        DecodeFailure(byteOffset: byteOffset, message: "the file ends inside a \(encoding) sequence (bytes \(hexBytes(bytes)))")
    }

    /// `bytes` (from the bad byte on; the first four are shown) are not valid `encoding`.
    static func invalid(at byteOffset: Int, encoding: String, bytes: some Collection<UInt8>) -> DecodeFailure {
        DecodeFailure(byteOffset: byteOffset, message: "bytes \(hexBytes(bytes.prefix(4))) are not valid \(encoding)")
    }
}

protocol TextDecoder: AnyObject {
    var encoding: TextEncoding { get }
    /// Raw bytes not yet decoded; `pendingOffset` is the file offset of `pending[0]`.
    var pending: [UInt8] { get set }
    var pendingOffset: Int { get }
    /// Decodes as much of `pending` as possible into `output`. With `final`, a cut-off
    /// sequence at the end is a failure rather than something to wait for.
    func decode(into output: inout [UInt8], final: Bool) -> DecodeFailure?
}

func hexBytes(_ bytes: some Collection<UInt8>) -> String {
    bytes.map { b in
        let s = String(b, radix: 16, uppercase: true)
        return b < 16 ? "0" + s : s
    }.joined(separator: " ")
}

/// Makes the decoder for `encoding`; `startOffset` is where the text starts (after a BOM).
func makeDecoder(for encoding: TextEncoding, startOffset: Int) throws(DecoderSetupError) -> any TextDecoder {
    switch encoding {
    case .utf8: return UTF8PassThroughDecoder(startOffset: startOffset)
    case .gb18030:
        if let table = GB18030Table.shared { return try GB18030Decoder(table: table, startOffset: startOffset) }
        return try IconvDecoder(encoding: encoding, startOffset: startOffset)
    case .utf16le, .utf16be: return try IconvDecoder(encoding: encoding, startOffset: startOffset)
    }
}

struct DecoderSetupError: Error {
    var message: String
}
