// The streaming CSV tokenizer: original bytes -> UTF-8 (Decoding/) -> records.
//
// Decoding happens before splitting because GBK is not self-synchronising (a trail byte can
// equal `,` `;` or `"`... in other encodings). The tokenizer works on the UTF-8 bytes and
// makes one String per field. Memory: one input chunk plus the current record.
//
// Dialect rules (RFC 4180, with the leniencies spreadsheets need):
// - records end at CRLF, LF or a lone CR; a line break inside quotes belongs to the field, and
//   `line` is the physical line where the record starts;
// - a final line break does not start another record; an empty line is a record `[""]`;
// - `""` inside a quoted field is one quote; a quote inside an unquoted field is literal
//   (`5" pipe` stays `5" pipe`);
// - text after a closing quote other than a delimiter or line break (`"a"b`) is malformedCSV
//   naming line and column: Excel and WPS never write it, and guessing would silently change
//   the cell text;
// - a quote still open at end of file is malformedCSV naming the line where it opened;
// - a record longer than 16 MiB is tooLarge; ragged rows are returned as they are.

import Foundation

public final class RecordStream: RecordSource {
    public let encoding: TextEncoding
    public let delimiter: UInt8
    public let fileName: String
    /// Original bytes read and decoded so far (including ones buffered but not yet tokenized).
    public private(set) var bytesRead: Int = 0

    static let defaultChunkSize = 256 * 1024
    static let defaultMaxRecordBytes = 16 * 1024 * 1024
    /// How much of the start of the file may be read to tell UTF-8 from GB18030 when it starts with ASCII.
    static let encodingSampleLimit = 1024 * 1024
    static let minimumEncodingSample = 64 * 1024
    static let delimiterSampleSize = 64 * 1024

    private let source: ByteSource
    private let decoder: any TextDecoder
    private let chunkSize: Int
    private let maxRecordBytes: Int

    /// Decoded, validated UTF-8; the current record starts at `recordStart`.
    private var buffer: [UInt8] = []
    private var recordStart = 0
    private var inputDone = false
    private var finished = false
    private var decodeFailure: DecodeFailure?

    // Tokenizer state, resumable when a record runs past the end of the buffer.
    private enum State { case fieldStart, unquoted, quoted, afterQuote }
    private struct Span { var start: Int; var end: Int; var escaped: Bool }  // relative to recordStart
    private var state = State.fieldStart
    private var scan = 0                 // absolute index of the next byte to look at
    private var fieldStart = 0           // relative
    private var quoteEnd = 0             // relative index of the closing quote candidate
    private var escaped = false
    private var spans: [Span] = []
    private var line = 1                 // physical line of the byte at `scan`
    private var recordLine = 1
    private var quoteLine = 1
    private var skipLF = false           // the last record ended with CR; a LF right after is part of it

    public convenience init(url: URL, encoding: TextEncoding? = nil, delimiter: UInt8? = nil,
                            fileName: String? = nil) throws {
        try self.init(url: url, encoding: encoding, delimiter: delimiter, fileName: fileName,
                      chunkSize: RecordStream.defaultChunkSize)
    }

    convenience init(url: URL, encoding: TextEncoding?, delimiter: UInt8?, fileName: String?,
                     chunkSize: Int, maxRecordBytes: Int = RecordStream.defaultMaxRecordBytes) throws {
        let name = fileName ?? url.lastPathComponent
        let source = try FileByteSource(path: url.path, fileName: name)
        try self.init(source: source, encoding: encoding, delimiter: delimiter, fileName: name,
                      chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    }

    public convenience init(bytes: [UInt8], encoding: TextEncoding? = nil, delimiter: UInt8? = nil,
                            fileName: String) throws {
        try self.init(bytes: bytes, encoding: encoding, delimiter: delimiter, fileName: fileName,
                      chunkSize: RecordStream.defaultChunkSize)
    }

    convenience init(bytes: [UInt8], encoding: TextEncoding?, delimiter: UInt8?, fileName: String,
                     chunkSize: Int, maxRecordBytes: Int = RecordStream.defaultMaxRecordBytes) throws {
        try self.init(source: ArrayByteSource(bytes), encoding: encoding, delimiter: delimiter,
                      fileName: fileName, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    }

    private init(source: ByteSource, encoding forced: TextEncoding?, delimiter forcedDelimiter: UInt8?,
                 fileName: String, chunkSize: Int, maxRecordBytes: Int) throws {
        precondition(chunkSize > 0)
        self.source = source
        self.fileName = fileName
        self.chunkSize = chunkSize
        self.maxRecordBytes = maxRecordBytes

        // Encoding: a sample of at least 64 KiB (whatever the chunk size), extended up to 1 MiB
        // while it is all ASCII, which reads the same in UTF-8 and GB18030.
        var raw: [UInt8] = []
        var rawEOF = false
        var sawNonASCII = false
        while true {
            let n = try source.read(into: &raw, max: chunkSize)
            if n == 0 { rawEOF = true; break }
            if !sawNonASCII {
                let fresh = raw.count - n
                sawNonASCII = raw.withUnsafeBufferPointer {
                    !EncodingDetection.isASCII(UnsafeBufferPointer(rebasing: $0[fresh...]))
                }
            }
            if sawNonASCII && raw.count >= RecordStream.minimumEncodingSample { break }
            if raw.count >= RecordStream.encodingSampleLimit { break }
        }
        let detected = raw.withUnsafeBufferPointer {
            EncodingDetection.detect(sample: $0, atEOF: rawEOF, forced: forced)
        }
        self.encoding = detected.encoding
        let decoder: any TextDecoder
        do {
            decoder = try makeDecoder(for: detected.encoding, startOffset: detected.bomLength)
        } catch {
            throw SheetError(code: .unreadable, file: fileName, message: error.message)
        }
        self.decoder = decoder
        var text: [UInt8] = []
        var read = raw.count
        decoder.pending.append(contentsOf: raw[detected.bomLength...])
        var failure = decoder.decode(into: &text, final: rawEOF)
        var done = rawEOF

        // Delimiter: from the first 64 KiB of text.
        while failure == nil && !done && text.count < RecordStream.delimiterSampleSize {
            let n = try source.read(into: &decoder.pending, max: chunkSize)
            read += n
            if n == 0 { done = true }
            failure = decoder.decode(into: &text, final: done)
        }
        if let forcedDelimiter {
            self.delimiter = forcedDelimiter
        } else {
            let complete = done && failure == nil && text.count <= RecordStream.delimiterSampleSize
            let tabFirst = detected.encoding == .utf16le
            self.delimiter = text.withUnsafeBufferPointer {
                DelimiterDetection.detect(
                    UnsafeBufferPointer(rebasing: $0[..<min($0.count, RecordStream.delimiterSampleSize)]),
                    complete: complete, preferTab: tabFirst)
            }
        }
        self.buffer = text
        self.bytesRead = read
        self.decodeFailure = failure
        self.inputDone = done
    }

    /// Reads and decodes one more chunk (or finishes the input).
    private func readChunk() throws {
        let n = try source.read(into: &decoder.pending, max: chunkSize)
        bytesRead += n
        if n == 0 { inputDone = true }
        decodeFailure = decoder.decode(into: &buffer, final: inputDone)
    }

    public func next() throws -> CSVRecord? {
        guard !finished else { return nil }
        do {
            while true {
                if let record = try tokenize() { return record }
                // The buffer ends inside a record (or exactly at its start): get more text.
                if let failure = decodeFailure {
                    throw SheetError(code: .invalidEncoding, file: fileName, line: line,
                                     byteOffset: failure.byteOffset,
                                     message: failure.message + " (encoding \(encoding.rawValue)"
                                        + (encoding == .utf8 ? "; if the file is GBK, force --encoding gb18030)" : ")"))
                }
                if inputDone { return try finishAtEndOfInput() }
                if buffer.count - recordStart > maxRecordBytes { throw tooLarge() }
                compact()
                try readChunk()
            }
        } catch {
            finished = true
            throw error
        }
    }

    private func tooLarge() -> SheetError {
        SheetError(code: .tooLarge, file: fileName, line: recordLine,
                   message: "a record is longer than \(maxRecordBytes / (1024 * 1024)) MiB; is the file really a CSV?")
    }

    /// Drops the records already returned so the buffer holds only the current one.
    private func compact() {
        guard recordStart > 0 else { return }
        if recordStart == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else {
            buffer.removeSubrange(..<recordStart)
        }
        scan -= recordStart
        recordStart = 0
    }

    private func finishAtEndOfInput() throws -> CSVRecord? {
        finished = true
        switch state {
        case .fieldStart:
            if spans.isEmpty && recordStart == buffer.count { return nil }
            spans.append(Span(start: scan - recordStart, end: scan - recordStart, escaped: false))
        case .unquoted:
            spans.append(Span(start: fieldStart, end: buffer.count - recordStart, escaped: false))
        case .quoted:
            throw SheetError(code: .malformedCSV, file: fileName, line: quoteLine, column: spans.count + 1,
                             message: "a quoted field opened here is never closed (end of file reached)")
        case .afterQuote:
            spans.append(Span(start: fieldStart, end: quoteEnd, escaped: escaped))
        }
        return buffer.withUnsafeBufferPointer { emit($0, end: buffer.count) }
    }

    /// Tokenizes from `scan`; returns a record when one ends inside the buffer, else nil with
    /// the state saved for when more text arrives.
    private func tokenize() throws -> CSVRecord? {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let delimiter = self.delimiter
        if skipLF {
            guard scan < buffer.count else { return nil }
            if buffer[scan] == lf { scan += 1; recordStart = scan }
            skipLF = false
        }
        return try buffer.withUnsafeBufferPointer { p throws -> CSVRecord? in
            let n = p.count
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
                        var end = i
                        while end < n && end < i + 12 && p[end] != delimiter && p[end] != lf && p[end] != cr { end += 1 }
                        let text = String(decoding: UnsafeBufferPointer(rebasing: p[i..<end]), as: UTF8.self)
                        throw SheetError(
                            code: .malformedCSV, file: fileName, line: line, column: spans.count + 1,
                            message: "text after the closing quote of a quoted field ('\(text)…'); "
                                + "a quote inside a quoted field must be doubled (\"\")")
                    }
                }
            }
            return nil
        }
    }

    /// `p[i]` is the line break ending the current record.
    private func endRecord(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws -> CSVRecord {
        let end = i
        if end - recordStart > maxRecordBytes { throw tooLarge() }
        if p[i] == UInt8(ascii: "\r") {
            if i + 1 < p.count {
                if p[i + 1] == UInt8(ascii: "\n") { i += 1 }
            } else {
                skipLF = true
            }
        }
        i += 1
        line += 1
        let record = emit(p, end: end)
        recordStart = i
        return record
    }

    /// Makes the record from `spans` and resets for the next one.
    private func emit(_ p: UnsafeBufferPointer<UInt8>, end: Int) -> CSVRecord {
        let base = recordStart
        var fields: [String] = []
        fields.reserveCapacity(spans.count)
        for span in spans {
            let bytes = UnsafeBufferPointer(rebasing: p[(base + span.start)..<(base + span.end)])
            if span.escaped {
                fields.append(unescape(bytes))
            } else {
                fields.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        let record = CSVRecord(line: recordLine, fields: fields)
        spans.removeAll(keepingCapacity: true)
        state = .fieldStart
        recordLine = line
        return record
    }

    /// `""` -> `"` in a quoted field's content.
    private func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
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
