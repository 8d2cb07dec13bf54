import Foundation

/// Totals over the files of one `load` or `run`, the exit code they earn (DESIGN §7), and
/// the one-screen text / JSON summary.
public struct LoadSummary: Sendable {
    public var results: [FileLoadResult]
    /// Set when the run stopped early (database gone, internal error): what happened.
    public var abortMessage: String?
    public var abortExitCode: Int32?

    public init(results: [FileLoadResult], abortMessage: String? = nil, abortExitCode: Int32? = nil) {
        self.results = results
        self.abortMessage = abortMessage
        self.abortExitCode = abortExitCode
    }

    public var filesLoaded: Int { results.filter { $0.outcome == .loaded }.count }
    public var filesAlreadyLoaded: Int { results.filter { $0.outcome == .alreadyLoaded }.count }
    public var filesValidated: Int { results.filter { $0.outcome == .validated }.count }
    public var filesRejected: Int { results.filter(\.isFailure).count }
    /// Rows loaded (or, in a dry run, that would load): a file over --max-rejects loads none.
    public var rowsLoaded: Int { results.reduce(0) { $0 + $1.rowsActuallyLoaded } }
    public var rowsSkipped: Int { results.reduce(0) { $0 + $1.rowsSkipped } }
    public var rowsRejected: Int { results.reduce(0) { $0 + $1.rowsRejected } }
    public var warnings: Int { results.reduce(0) { $0 + $1.warnings.count } }

    /// 0 every file loaded (or already held); 65 a file rejected whole or over --max-rejects
    /// (the other files still loaded); the abort code when the run stopped early.
    public var exitCode: Int32 {
        if let abortExitCode { return abortExitCode }
        return filesRejected > 0 ? 65 : 0
    }

    public var textLines: [String] {
        var lines: [String] = []
        var parts = ["\(results.count) file(s)", "\(filesLoaded) loaded"]
        if filesAlreadyLoaded > 0 { parts.append("\(filesAlreadyLoaded) already loaded") }
        if filesValidated > 0 { parts.append("\(filesValidated) validated (dry run)") }
        parts.append("\(filesRejected) rejected")
        lines.append(parts.joined(separator: ", "))
        lines.append("rows: \(rowsLoaded) loaded, \(rowsSkipped) skipped, \(rowsRejected) rejected; \(warnings) warning(s)")
        for result in results {
            lines.append("  " + result.summaryLine)
            for warning in result.warnings.prefix(3) {
                lines.append("      warning" + (warning.line.map { " line \($0)" } ?? "") + ": \(warning.message)")
            }
            if result.warnings.count > 3 { lines.append("      … \(result.warnings.count - 3) more warning(s): invest-etl status") }
        }
        if rowsRejected > 0 { lines.append("rejected rows: invest-etl rejects --batch ID") }
        if let abortMessage { lines.append("STOPPED: \(abortMessage)") }
        lines.append("exit \(exitCode)")
        return lines
    }

    public func json() throws -> String {
        struct FileJSON: Encodable {
            var file: String
            var outcome: String
            var batch: Int?
            var earlier_batch: Int?
            var superseded_batches: [Int]
            var layout: String?
            var region: String?
            var month: String?
            var sha256: String
            var bytes: Int
            var lines_read: Int
            var rows_loaded: Int
            var rows_skipped: Int
            var rows_rejected: Int
            var warnings: [String]
            var message: String?
        }
        struct SummaryJSON: Encodable {
            var files: Int
            var files_loaded: Int
            var files_already_loaded: Int
            var files_rejected: Int
            var rows_loaded: Int
            var rows_skipped: Int
            var rows_rejected: Int
            var warnings: Int
            var exit_code: Int32
            var stopped: String?
            var results: [FileJSON]
        }
        let summary = SummaryJSON(
            files: results.count, files_loaded: filesLoaded, files_already_loaded: filesAlreadyLoaded,
            files_rejected: filesRejected, rows_loaded: rowsLoaded, rows_skipped: rowsSkipped,
            rows_rejected: rowsRejected, warnings: warnings, exit_code: exitCode, stopped: abortMessage,
            results: results.map { r in
                FileJSON(file: r.file, outcome: r.outcome.rawValue, batch: r.batchKey, earlier_batch: r.earlierBatchKey,
                         superseded_batches: r.supersededBatches, layout: r.layout?.rawValue, region: r.region,
                         month: r.month?.description, sha256: r.sha256, bytes: r.bytes, lines_read: r.linesRead,
                         rows_loaded: r.rowsActuallyLoaded, rows_skipped: r.rowsSkipped, rows_rejected: r.rowsRejected,
                         warnings: r.warnings.map { ($0.line.map { "line \($0): " } ?? "") + $0.message },
                         message: r.message)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(summary), as: UTF8.self)
    }
}
