import Foundation

/// Checks on one record, before its cells are read as values, that reject the row (never the
/// file) with the line and column:
/// - a record the tokenizer flagged (`"a"b`, see CSVTokenizer);
/// - a NUL character: PostgreSQL text cannot hold it, and replacing it would load text the
///   county never wrote; a NUL usually means a corrupted or binary export;
/// - a cell longer than `maxCellBytes` (a 10 MB cell is an export accident, not a value), or a
///   code or name longer than `maxKeyBytes` (they are matched and indexed: a B-tree entry
///   cannot exceed about 2.7 KB, and no real project code or name comes near this).
enum RecordCheck {
    static let maxCellBytes = 32 * 1024
    static let maxKeyBytes = 1024
    /// Fields that are matched, looked up or indexed by the warehouse.
    static let keyFields = ["project_code", "project_name", "region", "unit", "indicator", "department", "category",
                            "industry", "period"]

    /// The (0-based column, reason) that rejects the record, or nil.
    static func problem(_ record: CSVRecord, columns: [String: Int]) -> (column: Int, reason: String)? {
        if let problem = record.problem { return (problem.column - 1, problem.message) }
        // The tokenizer's bound settles the usual record. A third of the limit: it counts the
        // buffer's bytes, and a String made from them could only be longer if they were not
        // valid UTF-8 (three bytes per replacement character), which the decoders rule out.
        if let scan = record.scan, !scan.hasNUL, scan.maxFieldBytes <= maxKeyBytes / 3 { return nil }
        for (index, field) in record.fields.enumerated() {
            let bytes = field.utf8.count
            if bytes > maxKeyBytes {
                if bytes > maxCellBytes {
                    return (index, "cell of \(bytes) bytes is longer than \(maxCellBytes) (\(field.prefix(20))…); a damaged export?")
                }
                if let name = keyFields.first(where: { columns[$0] == index }) {
                    return (index, "\(name) of \(bytes) bytes is longer than \(maxKeyBytes) (\(field.prefix(20))…)")
                }
            }
            if containsNUL(field) {
                let position = field.unicodeScalars.firstIndex(of: "\u{0}").map { field.unicodeScalars.distance(from: field.unicodeScalars.startIndex, to: $0) + 1 } ?? 0
                return (index, "NUL character (\\0) at character \(position) of the cell: the file is damaged or binary; "
                    + "re-export it from Excel or WPS")
            }
        }
        return nil
    }

    static func containsNUL(_ field: String) -> Bool {
        var field = field
        return field.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0, buffer.count) != nil
        }
    }
}

extension RecordCheck {
    /// The rejected row for a record `problem` found; raw text capped at 4 KiB (the file's
    /// bytes are kept whole elsewhere).
    static func rejection(_ record: CSVRecord, column: Int, reason: String, names: [String], delimiter: String) -> RejectedRow {
        var raw = record.fields.joined(separator: delimiter)
        if raw.utf8.count > 4096 { raw = String(raw.prefix(1024)) + "… (\(raw.utf8.count) bytes, truncated)" }
        return RejectedRow(line: record.line, column: column + 1, columnName: column < names.count ? names[column] : nil,
                           raw: raw, reason: reason)
    }
}
