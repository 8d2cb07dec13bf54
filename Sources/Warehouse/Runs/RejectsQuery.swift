import Foundation
import PostgresClient

/// Rejected rows as the operator reads them (`invest-etl rejects`, `<file>.rejects.txt`).
public enum RejectsQuery {
    public static let columns = ["batch", "file", "line", "column", "column_name", "raw_text", "reason"]

    /// Rejects of one batch, or of the most recent batches (newest first, then by line).
    public static func listing(on connection: Connection, batch: Int?, limit: Int = 1000) throws -> Listing {
        let result = try connection.query("""
            SELECT r.batch_key, \(unsafeRaw: StatusQuery.filePath) AS file_name, r.line_no, r.column_no, r.column_name,
                   r.raw_text, r.reason
            FROM etl.rejected_row r
            JOIN etl.load_batch b ON b.batch_key = r.batch_key
            JOIN etl.source_file f ON f.source_file_key = b.source_file_key
            WHERE \(batch) IS NULL OR r.batch_key = \(batch)
            ORDER BY r.batch_key DESC, r.line_no
            LIMIT \(limit)
            """)
        let rows = result.rows.map { row -> [String?] in
            [row["batch_key"], row["file_name"], row["line_no"], row["column_no"], row["column_name"], row["raw_text"], row["reason"]]
        }
        return Listing(columns: columns, rows: rows, numeric: ["batch", "line", "column"])
    }

    /// The `<name>.rejects.txt` written beside an archived file.
    public static func report(on connection: Connection, batch: Int, result: FileLoadResult, archivedAs: String) throws -> String {
        var text = "# \(result.summaryLine)\n# archived as \(archivedAs)\n# batch \(batch); list again with: invest-etl rejects --batch \(batch)\n\n"
        let listing = try listing(on: connection, batch: batch, limit: 100_000)
        for row in listing.rows {
            var place = "line \(row[2] ?? "?")"
            if let column = row[3] { place += ", column \(column)" + (row[4].map { " (\($0))" } ?? "") }
            text += "\(place): \(row[6] ?? "")\n    raw: \(row[5] ?? "")\n"
        }
        return text
    }
}
