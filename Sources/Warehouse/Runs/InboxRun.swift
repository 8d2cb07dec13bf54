import Foundation
import Logging
import PostgresClient

/// The nightly job (`invest-etl run`): load every data file of the inbox in a stable order,
/// then move each to `archive/loaded/` or `archive/rejected/` (with `<name>.rejects.txt`
/// beside it when rows were rejected). A file is moved only after its transaction has
/// committed; a file left behind by a crash is found again next time and, being the same
/// bytes, recognised as already loaded.
public struct InboxRun {
    public let inbox: URL
    public let archive: URL
    public let options: LoaderOptions
    public let logger: Logger

    public init(inbox: URL, archive: URL, options: LoaderOptions, logger: Logger = Logger(label: "Warehouse.InboxRun")) {
        self.inbox = inbox
        self.archive = archive
        self.options = options
        self.logger = logger
    }

    /// Loads and archives every file; the caller holds `LoadLock`. Database errors stop the
    /// run and are rethrown after the summary of what was done is returned in `partial`.
    public func run(loader: Loader, onFile: ((FileLoadResult) -> Void)? = nil) throws -> LoadSummary {
        let files = try InputFiles.list(directory: inbox)
        var results: [FileLoadResult] = []
        // The next files are read on a second thread while this one loads and archives.
        let ahead = loader.readAhead(files, read: options.read)
        defer { ahead.stop() }
        while let next = ahead.next() {
            let file = next.url
            let result: FileLoadResult
            do {
                result = try loader.load(next, options: options)
            } catch {
                throw InboxRunError(done: LoadSummary(results: results), file: file.path, underlying: error)
            }
            results.append(result)
            FaultPoint.reach(.archive, file: file.path)
            try archive(file, result: result, loader: loader)
            onFile?(result)
        }
        return LoadSummary(results: results)
    }

    private func archive(_ file: URL, result: FileLoadResult, loader: Loader) throws {
        let folder = archive.appendingPathComponent(result.isFailure ? "rejected" : "loaded")
        let relative = relativePath(of: file)
        var target = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        target = Self.freeName(target)
        // Recorded first: killed between the two, the next run finds the file again (already
        // loaded) and moves it to this same free name.
        try Self.recordArchived(result, at: target, on: loader.connection)
        try FileManager.default.moveItem(at: file, to: target)
        if let batch = result.batchKey, result.rowsRejected > 0 || result.isFailure {
            let report = try RejectsQuery.report(on: loader.connection, batch: batch, result: result, archivedAs: target.path)
            try Data(report.utf8).write(to: URL(fileURLWithPath: target.path + ".rejects.txt"))
        } else if result.outcome == .unreadable {
            try Data((result.summaryLine + "\n").utf8).write(to: URL(fileURLWithPath: target.path + ".rejects.txt"))
        }
        logger.info("archived", metadata: ["file": "\(file.path)", "to": "\(target.path)"])
    }

    /// Records where the file went (`etl.load_batch.archived_as`, V026): `status` and `rejects`
    /// named the inbox path of a file the job had moved. Same bytes already loaded: only the
    /// batch loaded from this very path and not archived yet (killed between its commit and
    /// this record), never the batch of another copy archived elsewhere.
    static func recordArchived(_ result: FileLoadResult, at target: URL, on connection: Connection) throws {
        if let batch = result.batchKey {
            try connection.execute("UPDATE etl.load_batch SET archived_as = \(target.path) WHERE batch_key = \(batch)")
        } else if let earlier = result.earlierBatchKey {
            try connection.execute("""
                UPDATE etl.load_batch SET archived_as = \(target.path)
                WHERE batch_key = \(earlier) AND archived_as IS NULL AND file_name = \(result.file)
                """)
        }
    }

    private func relativePath(of file: URL) -> String {
        let base = inbox.standardizedFileURL.path
        let full = file.standardizedFileURL.path
        return full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : file.lastPathComponent
    }

    /// `name.csv`, else `name.1.csv`, `name.2.csv` … (a revised file often keeps its name).
    static func freeName(_ url: URL) -> URL {
        guard FileManager.default.fileExists(atPath: url.path) else { return url }
        let ext = url.pathExtension
        let stem = url.deletingPathExtension().lastPathComponent
        let folder = url.deletingLastPathComponent()
        var n = 1
        while true {
            let candidate = folder.appendingPathComponent(ext.isEmpty ? "\(stem).\(n)" : "\(stem).\(n).\(ext)")
            if !FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            n += 1
        }
    }
}

/// A run stopped by an error that is not a file's fault (database gone, internal error).
public struct InboxRunError: Error, CustomStringConvertible {
    public var done: LoadSummary
    public var file: String
    public var underlying: Error
    public var description: String { "\(file): \(underlying)" }
}
