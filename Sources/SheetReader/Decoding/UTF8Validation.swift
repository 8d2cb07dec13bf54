// Strict UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF),
// resumable across chunk ends. Used both to detect the encoding and to check UTF-8 input,
// which is passed through untouched (no transcoding, never a U+FFFD).

enum UTF8Check: Equatable {
    case valid
    /// A sequence starting at this index is cut off by the end of the buffer (fine mid-file).
    case incomplete(at: Int)
    /// The sequence starting at this index is not UTF-8.
    case invalid(at: Int)
}

/// Checks `p[from..<count]`.
func checkUTF8(_ p: UnsafeBufferPointer<UInt8>, from: Int = 0) -> UTF8Check {
    guard let base = p.baseAddress else { return .valid }
    let n = p.count
    var i = from
    while i < n {
        // ASCII fast path, eight bytes at a time.
        while i + 8 <= n {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        if i >= n { break }
        let b0 = base[i]
        if b0 < 0x80 { i += 1; continue }
        switch utf8Sequence(p, at: i) {
        case .scalar(_, let length): i += length
        case .incomplete: return .incomplete(at: i)
        case .invalid: return .invalid(at: i)
        }
    }
    return .valid
}

/// The UTF-8 sequence of two to four bytes starting at `p[i]` (a byte 0x80 or above).
enum UTF8Sequence: Equatable {
    case scalar(UInt32, length: Int)
    /// Valid so far, cut by the end of `p`.
    case incomplete
    case invalid
}

@inline(__always)
func utf8Sequence(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> UTF8Sequence {
    let b0 = p[i]
    var need = 0
    var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
    switch b0 {
    case 0xC2...0xDF: need = 1
    case 0xE0: need = 2; lo = 0xA0
    case 0xE1...0xEC, 0xEE, 0xEF: need = 2
    case 0xED: need = 2; hi = 0x9F
    case 0xF0: need = 3; lo = 0x90
    case 0xF1...0xF3: need = 3
    case 0xF4: need = 3; hi = 0x8F
    default: return .invalid
    }
    var value = UInt32(b0) & (0x7F >> (need + 1))
    for k in 1...need {
        guard i + k < p.count else { return .incomplete }
        let b = p[i + k]
        if k == 1 {
            guard b >= lo && b <= hi else { return .invalid }
        } else {
            guard b & 0xC0 == 0x80 else { return .invalid }
        }
        value = value << 6 | UInt32(b & 0x3F)
    }
    return .scalar(value, length: need + 1)
}
