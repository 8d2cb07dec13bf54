// The streaming CSV tokenizer: original bytes -> UTF-8 (Decoding/) -> records.
//
// Decoding happens before splitting because GBK is not self-synchronising (a trail byte is
// 0x40-0xFE, so it can look like ASCII `@`, `\`, `|` or a letter) and UTF-16 is full of bytes
// that look like anything. The tokenizer works on the UTF-8 output (where a byte below 0x80
// is always that ASCII character) and makes one String per field.
// Memory: one input chunk plus the current record (the buffer is compacted before each read).
//
// Dialect rules: see CSVTokenizer.swift.

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
    /// The decoder again when it finds runs of UTF-8 in GBK text (`StrayUTF8`).
    private let gbkDecoder: GB18030Decoder?
    private let chunkSize: Int
    private let maxRecordBytes: Int

    /// Decoded, validated UTF-8; the current record starts at `recordStart`.
    private var buffer: [UInt8] = []
    /// Bytes of decoded text dropped from the front of `buffer` so far.
    private var dropped = 0
    private var inputDone = false
    private var finished = false
    private var decodeFailure: DecodeFailure?

    private var tokenizer: CSVTokenizer

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
        if let kind = FileKind.notCSV(raw) {
            throw SheetError(code: .unreadable, file: fileName, message: kind)
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
        self.gbkDecoder = decoder as? GB18030Decoder
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
            let tabFirst = detected.encoding.isUTF16
            self.delimiter = text.withUnsafeBufferPointer {
                DelimiterDetection.detect(
                    UnsafeBufferPointer(rebasing: $0[..<min($0.count, RecordStream.delimiterSampleSize)]),
                    complete: complete, preferTab: tabFirst)
            }
        }
        self.buffer = text
        self.tokenizer = CSVTokenizer(delimiter: delimiter, fileName: fileName, maxRecordBytes: maxRecordBytes)
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
                let start = dropped + tokenizer.recordStart
                if let record = try buffer.withUnsafeBufferPointer({ try tokenizer.next(in: $0) }) {
                    return noted(record, from: start, to: dropped + tokenizer.recordStart)
                }
                // The buffer ends inside a record (or exactly at its start): get more text.
                if let failure = decodeFailure {
                    throw SheetError(code: .invalidEncoding, file: fileName, line: tokenizer.line,
                                     byteOffset: failure.byteOffset,
                                     message: failure.message + " (encoding \(encoding.rawValue)"
                                        + (encoding == .utf8 ? "; if the file is GBK, force --encoding gb18030)"
                                            : "; the file may be in another encoding: force one of \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")) with --encoding, or save it again as UTF-8)"))
                }
                if inputDone {
                    finished = true
                    return try buffer.withUnsafeBufferPointer { try tokenizer.finish(in: $0) }
                        .map { noted($0, from: start, to: .max) }
                }
                if buffer.count - tokenizer.recordStart > maxRecordBytes { throw tokenizer.tooLarge() }
                compact()
                try readChunk()
            }
        } catch {
            finished = true
            throw error
        }
    }

    /// `record` (its text from `start` to `end` in the decoded stream) with a note for each run
    /// of UTF-8 the decoder found in it, naming the cell.
    private func noted(_ record: CSVRecord, from start: Int, to end: Int) -> CSVRecord {
        guard let runs = gbkDecoder, let first = runs.strayRuns.first, first.textOffset < end else { return record }
        var record = record
        var taken = 0
        for stray in runs.strayRuns.prefix(while: { $0.textOffset < end }) {
            taken += 1
            let column = buffer.withUnsafeBufferPointer {
                CSVTokenizer.column(in: $0, from: start - dropped, to: stray.textOffset - dropped, delimiter: delimiter)
            }
            let run = stray.run
            let message = run.verdict == .utf8
                ? "UTF-8 bytes in this GBK file at byte \(stray.byteOffset) (text pasted from a web page or chat, then saved as "
                    + "ANSI CSV?): read as UTF-8 '\(run.utf8)', not as GBK '\(run.gbk)'; check the cell"
                : "bytes at byte \(stray.byteOffset) that may be UTF-8 in this GBK file: read as GBK '\(run.gbk)'; as UTF-8 they "
                    + "would be '\(run.utf8)'; check the cell, and save the sheet as CSV UTF-8"
            record.notes.append(RecordProblem(column: column, message: message))
        }
        runs.strayRuns.removeFirst(taken)
        return record
    }

    /// Drops the records already returned so the buffer holds only the current one.
    private func compact() {
        let done = tokenizer.recordStart
        guard done > 0 else { return }
        dropped += done
        if done == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else {
            buffer.removeSubrange(..<done)
        }
        tokenizer.dropped(done)
    }
}
