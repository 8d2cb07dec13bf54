import Foundation

/// Records from memory, for tests and for callers that already hold the cells.
/// Lines are numbered 1, 2, 3… unless records are given with their own numbers.
public final class ArrayRecordSource: RecordSource {
    public let encoding: TextEncoding
    public let delimiter: UInt8
    private var records: [CSVRecord]
    private var index = 0

    public init(records: [CSVRecord], encoding: TextEncoding = .utf8, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.records = records
        self.encoding = encoding
        self.delimiter = delimiter
    }

    public convenience init(rows: [[String]], encoding: TextEncoding = .utf8, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.init(records: rows.enumerated().map { CSVRecord(line: $0.offset + 1, fields: $0.element) },
                  encoding: encoding, delimiter: delimiter)
    }

    public func next() throws -> CSVRecord? {
        guard index < records.count else { return nil }
        defer { index += 1 }
        return records[index]
    }
}
