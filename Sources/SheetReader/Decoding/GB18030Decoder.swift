// GB18030 (GBK) decoding without a trip through iconv for the common bytes: ASCII is copied
// and a two-byte GBK sequence is looked up in a table built once from iconv itself, so the
// result is iconv's by construction. Everything else — four-byte GB18030 sequences, bytes
// iconv rejects, a sequence cut by the chunk end — goes to iconv one sequence at a time, so
// the output and the failures (offsets and messages) are exactly those of `IconvDecoder`.
// iconv was ~6% of `invest-etl read` over the GBK county files, mostly its per-character
// internal UCS-4 step; the table loop is a load and three stores per character.
// One departure from iconv: a run of UTF-8 in the GBK text (a name pasted from a web page) is
// read as UTF-8 when `StrayUTF8` says so, and listed in `strayRuns` for a warning.

import Glibc

/// Two-byte GBK -> UTF-8, made from iconv at first use.
struct GB18030Table: Sendable {
    static let firstLead: UInt8 = 0x81, lastLead: UInt8 = 0xFE
    static let firstTrail: UInt8 = 0x40, lastTrail: UInt8 = 0xFE
    static let trails = Int(lastTrail - firstTrail) + 1

    /// By `(lead - 0x81) * 191 + (trail - 0x40)`: the UTF-8 bytes (first byte lowest) and
    /// their count in the top byte; 0 when iconv does not turn the pair into one scalar of
    /// at most three UTF-8 bytes (the decoder then asks iconv).
    let pairs: [UInt32]

    /// nil when iconv has no GB18030 or does not map ASCII to itself (then `IconvDecoder` is used).
    static let shared: GB18030Table? = build()

    static func build() -> GB18030Table? {
        guard let h = try? IconvHandle(from: "GB18030") else { return nil }
        for b in UInt8(0)..<0x80 where convert(h, [b]) != [b] { return nil }
        var pairs = [UInt32](repeating: 0, count: Int(lastLead - firstLead + 1) * trails)
        for lead in firstLead...lastLead {
            for trail in firstTrail...lastTrail {
                guard let u = convert(h, [lead, trail]), (1...3).contains(u.count),
                      u.count == utf8Length(lead: u[0]) else { continue }
                var packed = UInt32(u.count) << 24
                for (k, byte) in u.enumerated() { packed |= UInt32(byte) << (8 * k) }
                pairs[Int(lead - firstLead) * trails + Int(trail - firstTrail)] = packed
            }
        }
        return GB18030Table(pairs: pairs)
    }

    /// The packed UTF-8 of `lead trail` (as in `pairs`), 0 for none or bytes outside the table.
    func pair(_ lead: UInt8, _ trail: UInt8) -> UInt32 {
        guard lead >= Self.firstLead, lead <= Self.lastLead, trail >= Self.firstTrail, trail <= Self.lastTrail else { return 0 }
        return pairs[Int(lead - Self.firstLead) * Self.trails + Int(trail - Self.firstTrail)]
    }

    /// iconv's output for `input` when it converts all of it, else nil.
    private static func convert(_ handle: IconvHandle, _ input: [UInt8]) -> [UInt8]? {
        let h = handle.raw
        var input = input
        var out = [UInt8](repeating: 0, count: 16)
        let result: (Int, Int)? = input.withUnsafeMutableBytes { inRaw in
            out.withUnsafeMutableBytes { outRaw in
                var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count, outLeft = outRaw.count
                if iconv(h, &inPtr, &inLeft, &outPtr, &outLeft) == -1 {
                    _ = iconv(h, nil, nil, nil, nil)   // back to the initial state
                    return nil
                }
                return (inLeft, outRaw.count - outLeft)
            }
        }
        guard let (inLeft, produced) = result, inLeft == 0 else { return nil }
        return Array(out[..<produced])
    }

    private static func utf8Length(lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC0...0xDF: return 2
        case 0xE0...0xEF: return 3
        default: return 4
        }
    }
}

/// A run of UTF-8 the decoder found in the GBK text (`StrayUTF8`) and did not pass over.
struct StrayRun: Equatable {
    /// Offset of the run's text in the decoder's output (all calls together).
    var textOffset: Int
    /// Offset of its first byte in the file.
    var byteOffset: Int
    var run: StrayUTF8.Run
}

final class GB18030Decoder: TextDecoder {
    let encoding = TextEncoding.gb18030
    var pending: [UInt8] = []
    private(set) var pendingOffset: Int
    /// Runs of UTF-8 read as such or warned about, in file order, for the reader to take.
    var strayRuns: [StrayRun] = []
    private let findsStrayUTF8: Bool
    /// File offset from which runs are looked for again (the bytes before were weighed).
    private var examinedUpTo = 0
    /// Bytes of output so far.
    private var produced = 0
    private let table: GB18030Table
    private let converter: IconvHandle
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchSize: Int

    /// `findsStrayUTF8`: read runs of UTF-8 as `StrayUTF8` decides (off: exactly iconv's output).
    init(table: GB18030Table, startOffset: Int, findsStrayUTF8: Bool = true) throws(DecoderSetupError) {
        converter = try IconvHandle(from: "GB18030")
        self.table = table
        self.findsStrayUTF8 = findsStrayUTF8
        self.pendingOffset = startOffset
        self.scratchSize = 1 << 16
        self.scratch = .allocate(capacity: scratchSize)
    }

    deinit { scratch.deallocate() }

    func decode(into output: inout [UInt8], final: Bool) -> DecodeFailure? {
        guard !pending.isEmpty else { return nil }
        let total = pending.count
        // GB18030 never takes more than twice its bytes in UTF-8, so the output always fits
        // (and iconv always has at least 64 bytes of room for the <= 4 bytes it is given).
        let capacity = 2 * total + 64
        if scratchSize < capacity {
            scratch.deallocate()
            scratch = .allocate(capacity: capacity)
            scratchSize = capacity
        }
        let out = scratch
        var i = 0, o = 0
        var failure: DecodeFailure?
        pending.withUnsafeMutableBufferPointer { raw in
            let src = raw.baseAddress!
            table.pairs.withUnsafeBufferPointer { pairs in
                while i < total {
                    // Eight ASCII bytes at a time (numbers, codes, delimiters are ASCII).
                    while i &+ 8 <= total {
                        let w = UnsafeRawPointer(src + i).loadUnaligned(as: UInt64.self)
                        if w & 0x8080_8080_8080_8080 != 0 { break }
                        UnsafeMutableRawPointer(out + o).storeBytes(of: w, as: UInt64.self)
                        i &+= 8
                        o &+= 8
                    }
                    guard i < total else { break }
                    let b = src[i]
                    if b < 0x80 {
                        out[o] = b
                        o += 1
                        i += 1
                        continue
                    }
                    // A GBK character whose bytes start a three-byte UTF-8 sequence: maybe UTF-8.
                    if findsStrayUTF8, StrayUTF8.mayStart(b), pendingOffset + i >= examinedUpTo {
                        if i + 2 >= total, !final { return }  // wait for the bytes that tell
                        if i + 2 < total, src[i + 1] & 0xC0 == 0x80, src[i + 2] & 0xC0 == 0x80 {
                            let rest = UnsafeBufferPointer(start: UnsafePointer(src + i), count: total - i)
                            guard case .run(let run) = StrayUTF8.examine(rest, final: final, table: table) else { return }
                            examinedUpTo = pendingOffset + i + max(run.span, 1)
                            if run.verdict != .gbk {
                                strayRuns.append(StrayRun(textOffset: produced + o, byteOffset: pendingOffset + i, run: run))
                            }
                            if run.verdict == .utf8 {
                                (out + o).update(from: src + i, count: run.length)
                                o += run.length
                                i += run.length
                                continue
                            }
                        }
                    }
                    if b >= GB18030Table.firstLead, b <= GB18030Table.lastLead, i + 1 < total {
                        let t = src[i + 1]
                        if t >= GB18030Table.firstTrail, t <= GB18030Table.lastTrail {
                            let e = pairs[Int(b &- GB18030Table.firstLead) &* GB18030Table.trails
                                          &+ Int(t &- GB18030Table.firstTrail)]
                            if e != 0 {
                                out[o] = UInt8(truncatingIfNeeded: e)
                                out[o + 1] = UInt8(truncatingIfNeeded: e >> 8)
                                out[o + 2] = UInt8(truncatingIfNeeded: e >> 16)
                                o += Int(e >> 24)
                                i += 2
                                continue
                            }
                        }
                    }
                    // Anything else: iconv converts (or rejects) the sequence starting here.
                    let step = iconvStep(src + i, available: total - i, into: out + o, room: capacity - o)
                    o += step.produced
                    i += step.consumed
                    if step.consumed > 0 { continue }
                    if step.code == EINVAL {
                        if final { failure = .cutOff(at: pendingOffset + i, encoding: encoding.rawValue, bytes: raw[i...]) }
                        return  // keep the cut-off sequence for the next chunk
                    }
                    failure = .invalid(at: pendingOffset + i, encoding: encoding.rawValue, bytes: raw[i...])
                    return
                }
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(start: out, count: o))
        produced += o
        if i == total {
            pending.removeAll(keepingCapacity: true)
        } else {
            pending.removeSubrange(..<i)
        }
        pendingOffset += i
        return failure
    }

    /// iconv over the next few bytes (a GB18030 sequence has at most four; more only when
    /// iconv says four are a cut-off sequence, which it cannot be). `code` is errno when
    /// nothing was consumed.
    private func iconvStep(_ at: UnsafeMutablePointer<UInt8>, available: Int, into out: UnsafeMutablePointer<UInt8>,
                           room: Int) -> (consumed: Int, produced: Int, code: Int32) {
        var window = min(4, available)
        while true {
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(at).assumingMemoryBound(to: CChar.self)
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out).assumingMemoryBound(to: CChar.self)
            var inLeft = window, outLeft = room
            let result = iconv(converter.raw, &inPtr, &inLeft, &outPtr, &outLeft)
            let code = errno
            let consumed = window - inLeft, produced = room - outLeft
            if result != -1 || consumed > 0 { return (consumed, produced, 0) }
            precondition(code != E2BIG, "GB18030Decoder: output room for a four-byte sequence")
            if code == EINVAL, window < available {
                window = available
                continue
            }
            return (0, 0, code)
        }
    }
}
