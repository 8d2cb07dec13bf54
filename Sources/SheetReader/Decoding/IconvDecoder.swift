// GB18030 (a superset of GBK and GB2312) and UTF-16 (either byte order) through glibc iconv.

import Glibc

/// One iconv descriptor converting `source` to UTF-8, owned by this one object and closed
/// exactly once, in deinit. Not `Sendable`: iconv keeps conversion state per descriptor.
final class IconvHandle {
    let raw: iconv_t

    init(from source: String) throws(DecoderSetupError) {
        let h = iconv_open("UTF-8", source)
        guard let h, h != iconv_t(bitPattern: -1) else {
            throw DecoderSetupError(message: "iconv cannot convert from \(source) on this system (errno \(errno))")
        }
        raw = h
    }

    deinit { iconv_close(raw) }
}

final class IconvDecoder: TextDecoder {
    let encoding: TextEncoding
    var pending: [UInt8] = []
    private(set) var pendingOffset: Int
    private let converter: IconvHandle
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchSize: Int

    init(encoding: TextEncoding, startOffset: Int) throws(DecoderSetupError) {
        let source: String
        switch encoding {
        case .gb18030: source = "GB18030"
        case .utf16le: source = "UTF-16LE"
        case .utf16be: source = "UTF-16BE"
        case .utf8: source = "UTF-8"
        }
        converter = try IconvHandle(from: source)
        self.encoding = encoding
        self.pendingOffset = startOffset
        self.scratchSize = 1 << 16
        self.scratch = .allocate(capacity: scratchSize)
    }

    deinit { scratch.deallocate() }

    func decode(into output: inout [UInt8], final: Bool) -> DecodeFailure? {
        guard !pending.isEmpty else { return nil }
        let total = pending.count
        var inLeft = total
        var failure: DecodeFailure?
        pending.withUnsafeMutableBufferPointer { raw in
            var inPtr: UnsafeMutablePointer<CChar>? =
                UnsafeMutableRawPointer(raw.baseAddress!).assumingMemoryBound(to: CChar.self)
            while inLeft > 0 {
                var outPtr: UnsafeMutablePointer<CChar>? =
                    UnsafeMutableRawPointer(scratch).assumingMemoryBound(to: CChar.self)
                var outLeft = scratchSize
                let result = iconv(converter.raw, &inPtr, &inLeft, &outPtr, &outLeft)
                let code = errno
                let produced = scratchSize - outLeft
                if produced > 0 {
                    output.append(contentsOf: UnsafeBufferPointer(start: scratch, count: produced))
                }
                if result != -1 { continue }
                let at = total - inLeft
                if code == E2BIG { continue }
                if code == EINVAL {
                    if final { failure = .cutOff(at: pendingOffset + at, encoding: encoding.rawValue, bytes: raw[at...]) }
                    break  // keep the cut-off sequence for the next chunk
                }
                failure = .invalid(at: pendingOffset + at, encoding: encoding.rawValue, bytes: raw[at...])
                break
            }
        }
        let consumed = total - inLeft
        if consumed == total {
            pending.removeAll(keepingCapacity: true)
        } else {
            pending.removeSubrange(..<consumed)
        }
        pendingOffset += consumed
        return failure
    }
}
