import Foundation
import PostgresClient

/// What `invest-etl status` shows: recent batches with their counts and the
/// lines-read check, warnings, supersede links, and the last successful run.
public enum StatusQuery {
    public static let columns = [
        "batch", "status", "layout", "region", "month", "lines_read", "loaded", "skipped", "rejected", "check",
        "warnings", "superseded_by", "finished_at", "file", "received_as",
    ]

    /// Where a batch's file is now: the archive path `run` moved it to (V026), else the path it
    /// was loaded from (`load` does not move files). Needs `b` = etl.load_batch, `f` = etl.source_file.
    static let filePath = "coalesce(b.archived_as, b.file_name, f.file_name)"

    /// `file` is where the file is now; `received_as` the inbox path when `run` archived it.
    public static func batches(on connection: Connection, limit: Int) throws -> Listing {
        let result = try connection.query("""
            SELECT b.batch_key, b.status, b.layout, r.name AS region,
                   to_char(to_date(b.month_key::text, 'YYYYMM'), 'YYYY-MM') AS month, b.lines_read, b.rows_loaded,
                   b.rows_skipped, b.rows_rejected,
                   CASE WHEN b.status IN ('loaded', 'superseded') AND b.lines_read = b.rows_loaded + b.rows_skipped + b.rows_rejected
                        THEN 'ok' WHEN b.status IN ('loaded', 'superseded') THEN 'MISMATCH' ELSE '-' END AS check_text,
                   jsonb_array_length(b.warnings) AS warnings, b.superseded_by,
                   to_char(b.finished_at, 'YYYY-MM-DD HH24:MI:SS') AS finished_at,
                   \(unsafeRaw: filePath) AS file_name,
                   CASE WHEN b.archived_as IS NOT NULL THEN coalesce(b.file_name, f.file_name) END AS received_as
            FROM etl.load_batch b
            JOIN etl.source_file f ON f.source_file_key = b.source_file_key
            LEFT JOIN dw.dim_region r ON r.region_key = b.region_key
            ORDER BY b.batch_key DESC
            LIMIT \(limit)
            """)
        let rows = result.rows.map { row -> [String?] in
            [row["batch_key"], row["status"], row["layout"], row["region"], row["month"], row["lines_read"],
             row["rows_loaded"], row["rows_skipped"], row["rows_rejected"], row["check_text"], row["warnings"],
             row["superseded_by"], row["finished_at"], row["file_name"], row["received_as"]]
        }
        return Listing(columns: columns, rows: rows,
                       numeric: ["batch", "lines_read", "loaded", "skipped", "rejected", "warnings", "superseded_by"])
    }

    /// Warnings of the recent batches, one line each.
    public static func warnings(on connection: Connection, limit: Int) throws -> [String] {
        try connection.query("""
            SELECT b.batch_key, w->>'line' AS line, w->>'message' AS message
            FROM (SELECT * FROM etl.load_batch ORDER BY batch_key DESC LIMIT \(limit)) b,
                 jsonb_array_elements(b.warnings) w
            ORDER BY b.batch_key DESC
            """).rows.map { row in
            "batch \(row["batch_key"] ?? "?")" + (row["line"].map { " line \($0)" } ?? "") + ": \(row["message"] ?? "")"
        }
    }

    public struct Totals: Sendable {
        public var batches: [String: Int]
        public var mismatched: Int
        public var lastSuccessfulRun: String?
        public var lastRun: String?
    }

    public static func totals(on connection: Connection) throws -> Totals {
        var byStatus: [String: Int] = [:]
        for row in try connection.query("SELECT status, count(*) AS n FROM etl.load_batch GROUP BY status").rows {
            byStatus[row["status"] ?? "?"] = try row.int("n") ?? 0
        }
        let mismatched = try connection.query("""
            SELECT count(*) AS n FROM etl.load_batch
            WHERE status IN ('loaded', 'superseded') AND lines_read <> rows_loaded + rows_skipped + rows_rejected
            """).first?.int("n") ?? 0
        func describe(_ row: Row?) -> String? {
            guard let row else { return nil }
            return "run \(row["run_key"] ?? "?") (\(row["command"] ?? "?")) finished \(row["finished_at"] ?? "?"): "
                + "\(row["status"] ?? "?"), \(row["files_seen"] ?? "0") file(s) seen, \(row["files_loaded"] ?? "0") loaded, "
                + "\(row["files_rejected"] ?? "0") rejected, exit \(row["exit_code"] ?? "?")"
        }
        let select = """
            SELECT run_key, command, status, files_seen, files_loaded, files_rejected, exit_code,
                   to_char(finished_at, 'YYYY-MM-DD HH24:MI:SS') AS finished_at FROM etl.load_run
            """
        let success = try connection.query(SQL(unsafeRaw: select) + " WHERE status = 'succeeded' ORDER BY run_key DESC LIMIT 1").first
        let last = try connection.query(SQL(unsafeRaw: select) + " WHERE finished_at IS NOT NULL ORDER BY run_key DESC LIMIT 1").first
        return Totals(batches: byStatus, mismatched: mismatched, lastSuccessfulRun: describe(success), lastRun: describe(last))
    }
}
