// The CSV state machine over validated UTF-8 bytes, resumable when a record runs past the end
// of the buffer it was given. A value type so the hot loop touches no class storage.
//
// Dialect rules (RFC 4180, with the leniencies spreadsheets need):
// - records end at CRLF, LF or a lone CR; a line break inside quotes belongs to the field, and
//   `line` is the physical line where the record starts;
// - a final line break does not start another record; an empty line is a record `[""]`;
// - `""` inside a quoted field is one quote; a quote inside an unquoted field is literal
//   (`5" pipe` stays `5" pipe`);
// - text after a closing quote other than a delimiter or line break (`"a"b`): Excel and WPS
//   never write it and guessing would silently change the cell text, but the record's extent
//   is still clear (the field ends at the next delimiter or line break, as it would unquoted).
//   So the record comes out with its raw field text (`"a"b`) and a `problem` naming the
//   column; the structure layer rejects that row and the rest of the file loads (a clerk does
//   not lose a whole county file for one bad cell);
// - a quote still open at end of file is malformedCSV naming the line where it opened;
// - a record longer than 16 MiB is tooLarge; ragged rows are returned as they are.

import Glibc

struct CSVTokenizer {
    let delimiter: UInt8
    let fileName: String
    let maxRecordBytes: Int

    private enum State { case fieldStart, unquoted, quoted, afterQuote, junkAfterQuote }
    private struct Span { var start: Int; var end: Int; var escaped: Bool }  // relative to recordStart

    /// Buffer index where the current record starts.
    private(set) var recordStart = 0
    /// Physical line of the byte at `scan` (so, when the buffer is used up, of its end).
    private(set) var line = 1
    private var state = State.fieldStart
    private var scan = 0                 // buffer index of the next byte to look at
    private var fieldStart = 0           // relative
    private var quoteEnd = 0             // relative index of the closing quote candidate
    private var escaped = false
    private var spans: [Span] = []
    private var recordLine = 1
    private var quoteLine = 1
    private var skipLF = false           // the last record ended with CR; a LF right after is part of it
    private var problem: RecordProblem?  // the current record's first problem

    init(delimiter: UInt8, fileName: String, maxRecordBytes: Int) {
        self.delimiter = delimiter
        self.fileName = fileName
        self.maxRecordBytes = maxRecordBytes
    }

    /// The buffer lost its first `count` bytes (all before `recordStart`).
    mutating func dropped(_ count: Int) {
        scan -= count
        recordStart -= count
    }

    func tooLarge() -> SheetError {
        SheetError(code: .tooLarge, file: fileName, line: recordLine,
                   message: "a record is longer than \(maxRecordBytes / (1024 * 1024)) MiB; is the file really a CSV?")
    }

    /// The next record ending inside `p`, or nil (state kept) when `p` ends first.
    mutating func next(in p: UnsafeBufferPointer<UInt8>) throws -> CSVRecord? {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let delimiter = self.delimiter
        let n = p.count
        if skipLF {
            guard scan < n else { return nil }
            if p[scan] == lf { scan += 1; recordStart = scan }
            skipLF = false
        }
        var i = scan
        let base = recordStart
        defer { scan = i }
        while i < n {
            switch state {
            case .fieldStart:
                if p[i] == quote {
                    state = .quoted
                    quoteLine = line
                    escaped = false
                    i += 1
                    fieldStart = i - base
                } else {
                    state = .unquoted
                    fieldStart = i - base
                }
            case .unquoted:
                i = Self.skipPlain(p, from: i, delimiter: delimiter)
                while i < n {
                    let b = p[i]
                    if b == delimiter || b == lf || b == cr { break }
                    i += 1
                }
                guard i < n else { return nil }
                spans.append(Span(start: fieldStart, end: i - base, escaped: false))
                if p[i] == delimiter {
                    state = .fieldStart
                    i += 1
                } else {
                    return try endRecord(p, &i)
                }
            case .quoted:
                while i < n {
                    let b = p[i]
                    if b == quote { break }
                    if b == lf {
                        if p[i - 1] != cr { line += 1 }
                    } else if b == cr {
                        line += 1
                    }
                    i += 1
                }
                guard i < n else { return nil }
                quoteEnd = i - base
                state = .afterQuote
                i += 1
            case .afterQuote:
                let b = p[i]
                if b == quote {
                    escaped = true
                    state = .quoted
                    i += 1
                } else if b == delimiter {
                    spans.append(Span(start: fieldStart, end: quoteEnd, escaped: escaped))
                    state = .fieldStart
                    i += 1
                } else if b == lf || b == cr {
                    spans.append(Span(start: fieldStart, end: quoteEnd, escaped: escaped))
                    return try endRecord(p, &i)
                } else {
                    if problem == nil {
                        var end = i
                        while end < n && end < i + 12 && p[end] != delimiter && p[end] != lf && p[end] != cr { end += 1 }
                        let text = String(decoding: UnsafeBufferPointer(rebasing: p[i..<end]), as: UTF8.self)
                        problem = RecordProblem(
                            column: spans.count + 1,
                            message: "malformed CSV: text after the closing quote of a quoted field ('\(text)…'); "
                                + "a quote inside a quoted field must be doubled (\"\")")
                    }
                    fieldStart -= 1  // keep the cell's raw text, opening quote included
                    state = .junkAfterQuote
                }
            case .junkAfterQuote:
                while i < n {
                    let b = p[i]
                    if b == delimiter || b == lf || b == cr { break }
                    i += 1
                }
                guard i < n else { return nil }
                spans.append(Span(start: fieldStart, end: i - base, escaped: false))
                if p[i] == delimiter {
                    state = .fieldStart
                    i += 1
                } else {
                    return try endRecord(p, &i)
                }
            }
        }
        return nil
    }

    /// Skips eight bytes at a time to the first delimiter, LF or CR at or after `start`, or
    /// to where fewer than eight bytes are left (the byte loop goes on from there). Per word:
    /// a byte equal to x is a zero byte of `w ^ x`, flagged by `(v - 0x01…) & ~v & 0x80…`,
    /// whose lowest flag is always a real match (false flags only sit above a real one).
    @inline(__always)
    private static func skipPlain(_ p: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8) -> Int {
        guard let base = p.baseAddress else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let d = ones &* UInt64(delimiter), lf = ones &* 0x0A, cr = ones &* 0x0D
        var i = start
        while i &+ 8 <= p.count {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let x = w ^ d, y = w ^ lf, z = w ^ cr
            let m = ((x &- ones) & ~x | (y &- ones) & ~y | (z &- ones) & ~z) & highs
            if m != 0 { return i &+ (m.trailingZeroBitCount >> 3) }
            i &+= 8
        }
        return i
    }

    /// At end of input: the last record (one without a final line break), or nil.
    mutating func finish(in p: UnsafeBufferPointer<UInt8>) throws -> CSVRecord? {
        let end = p.count
        switch state {
        case .fieldStart:
            if spans.isEmpty && recordStart >= end { return nil }
            spans.append(Span(start: end - recordStart, end: end - recordStart, escaped: false))
        case .unquoted, .junkAfterQuote:
            spans.append(Span(start: fieldStart, end: end - recordStart, escaped: false))
        case .quoted:
            throw SheetError(code: .malformedCSV, file: fileName, line: quoteLine, column: spans.count + 1,
                             message: "a quoted field opened here is never closed (end of file reached)")
        case .afterQuote:
            spans.append(Span(start: fieldStart, end: quoteEnd, escaped: escaped))
        }
        if end - recordStart > maxRecordBytes { throw tooLarge() }
        let record = emit(p)
        recordStart = end
        scan = end
        return record
    }

    /// `p[i]` is the line break ending the current record.
    private mutating func endRecord(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws -> CSVRecord {
        if i - recordStart > maxRecordBytes { throw tooLarge() }
        if p[i] == UInt8(ascii: "\r") {
            if i + 1 < p.count {
                if p[i + 1] == UInt8(ascii: "\n") { i += 1 }
            } else {
                skipLF = true
            }
        }
        i += 1
        line += 1
        let record = emit(p)
        recordStart = i
        return record
    }

    /// Makes the record from `spans` and resets for the next one.
    private mutating func emit(_ p: UnsafeBufferPointer<UInt8>) -> CSVRecord {
        let base = recordStart
        var longest = 0, end = 0
        // Filled in place: appending checked capacity and uniqueness once per field.
        let fields = [String](unsafeUninitializedCapacity: spans.count) { out, initialized in
            for span in spans {
                let bytes = UnsafeBufferPointer(rebasing: p[(base + span.start)..<(base + span.end)])
                (out.baseAddress! + initialized).initialize(
                    to: span.escaped ? Self.unescape(bytes) : String(decoding: bytes, as: UTF8.self))
                initialized += 1
                longest = max(longest, span.end - span.start)
                end = max(end, span.end)
            }
        }
        var record = CSVRecord(line: recordLine, fields: fields, problem: problem)
        // A memchr over the record's bytes (every field lies in them) instead of a scan per cell.
        let hasNUL = end > 0 && memchr(p.baseAddress! + base, 0, end) != nil
        let hasQuestionMark = end > 0 && memchr(p.baseAddress! + base, Int32(UInt8(ascii: "?")), end) != nil
        record.scan = RecordScan(maxFieldBytes: longest, hasNUL: hasNUL, hasQuestionMark: hasQuestionMark)
        problem = nil
        spans.removeAll(keepingCapacity: true)
        state = .fieldStart
        recordLine = line
        return record
    }

    /// The 1-based column of the byte at `to` in the record starting at `from`: the delimiters
    /// outside quotes before it, plus one (a doubled quote inside quotes toggles twice).
    static func column(in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int, delimiter: UInt8) -> Int {
        var column = 1, quoted = false
        let start = min(max(0, from), p.count)
        for i in start..<min(max(start, to), p.count) {
            if p[i] == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if p[i] == delimiter, !quoted {
                column += 1
            }
        }
        return column
    }

    /// `""` -> `"` in a quoted field's content.
    private static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            out.append(b)
            i += (b == UInt8(ascii: "\"")) ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
