import Foundation
import SheetReader

/// What loading one file did.
public struct FileLoadResult: Sendable {
    public enum Outcome: String, Sendable, Codable {
        /// Merged; rows rejected within the limit are listed by `invest-etl rejects`.
        case loaded
        /// The same bytes are already held by `earlierBatchKey`: nothing done.
        case alreadyLoaded = "already-loaded"
        /// The whole file was rejected (no layout, month or required columns; bad encoding …).
        case rejected
        /// More rejected rows than `--max-rejects`: nothing from the file was merged.
        case tooManyRejects = "too-many-rejects"
        /// `--dry-run`: read and validated, nothing written.
        case validated
        /// The file could not be read at all (no batch: there are no bytes to keep).
        case unreadable
    }

    public var file: String
    public var outcome: Outcome
    public var sha256: String = ""
    public var bytes: Int = 0
    public var batchKey: Int?
    public var earlierBatchKey: Int?
    public var earlierBatchStatus: String?
    public var supersededBatches: [Int] = []
    public var layout: SheetLayout?
    public var region: String?
    public var month: YearMonth?
    public var linesRead = 0
    public var rowsLoaded = 0
    /// Of `rowsLoaded`, the project rows copied straight into the fact table (`ProjectCache`).
    public var factsCopied = 0
    public var rowsSkipped = 0
    /// Data rows rejected. A file rejected as a whole counts none (the run summary said
    /// "1 rejected" row for a prose .txt): it is a rejected file, `outcome` says so, and its
    /// batch keeps the reason as one line of `etl.rejected_row` for `invest-etl rejects`.
    public var rowsRejected = 0
    public var warnings: [SheetWarning] = []
    public var message: String?

    public init(file: String, outcome: Outcome) {
        self.file = file
        self.outcome = outcome
    }

    /// A file that loads nothing because of its content (exit 65).
    public var isFailure: Bool {
        outcome == .rejected || outcome == .tooManyRejects || outcome == .unreadable
    }

    /// Every line loaded, skipped or rejected (meaningless for no-ops).
    public var accountsForEveryLine: Bool {
        linesRead == rowsLoaded + rowsSkipped + rowsRejected
    }

    /// `rowsLoaded` when the file loaded (or would, in a dry run); 0 when it loaded nothing
    /// (`rowsLoaded` then counts its valid rows, which went nowhere).
    public var rowsActuallyLoaded: Int {
        outcome == .loaded || outcome == .validated ? rowsLoaded : 0
    }

    /// One line for a summary: `file: loaded batch 12 (layout, region, month): 40 lines = 30 loaded + 8 skipped + 2 rejected`.
    public var summaryLine: String {
        var scope: [String] = []
        if let layout { scope.append(layout.rawValue) }
        if let region { scope.append(region) }
        if let month { scope.append(month.description) }
        let scopeText = scope.isEmpty ? "" : " (\(scope.joined(separator: ", ")))"
        let counts = "\(linesRead) lines = \(rowsLoaded) loaded + \(rowsSkipped) skipped + \(rowsRejected) rejected"
        switch outcome {
        case .loaded:
            var text = "\(file): loaded as batch \(batchKey ?? 0)\(scopeText): \(counts)"
            if !supersededBatches.isEmpty {
                text += "; supersedes batch " + supersededBatches.map(String.init).joined(separator: ", ")
            }
            if !warnings.isEmpty { text += "; \(warnings.count) warning(s)" }
            return text
        case .alreadyLoaded:
            return "\(file): already loaded (same bytes, sha256 \(sha256.prefix(12))…) as batch \(earlierBatchKey ?? 0)"
                + (earlierBatchStatus.map { " (\($0))" } ?? "") + "; nothing to do"
        case .rejected:
            return "\(file): REJECTED as batch \(batchKey ?? 0): \(message ?? "")"
        case .tooManyRejects:
            return "\(file): REJECTED as batch \(batchKey ?? 0)\(scopeText): \(message ?? ""); \(linesRead) lines = "
                + "\(rowsLoaded) valid + \(rowsSkipped) skipped + \(rowsRejected) rejected; nothing loaded"
        case .validated:
            return "\(file): dry run OK\(scopeText): \(counts) (nothing written)"
        case .unreadable:
            return "\(file): UNREADABLE: \(message ?? "")"
        }
    }
}

/// Progress of the file being loaded, for the terminal progress line.
public struct LoadProgress: Sendable {
    public var file: String
    public var rows: Int
    public var bytesRead: Int
    public var totalBytes: Int
    public var phase: String
}
