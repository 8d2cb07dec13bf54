import ArgumentParser
import Foundation
import PostgresClient
import Warehouse

/// `invest-etl load PATH...`: load files and directories, each file in its own transaction.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load county files (or directories of *.csv/*.txt/*.tsv, recursively, in sorted order) into the warehouse.",
        discussion: """
            Each file is one transaction: it is loaded completely or not at all. The same bytes again are a
            no-op naming the batch that holds them; a new file for the same layout, region and month
            supersedes the earlier batch. Exit 0 when every file loaded, 65 when a file was rejected
            (whole, or over --max-rejects), 69 database unavailable, 75 another loader holds the lock.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var load: LoadOptions

    @Flag(name: .customLong("dry-run"), help: "Read and validate (regions included), report, write nothing.")
    var dryRun = false

    @Argument(help: ArgumentHelp("Files or directories.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or directory") }
    }

    func run() throws {
        var exit: Int32 = 0
        try ErrorReport.run("load") {
            let logger = connection.makeLogger(label: "invest-etl.load")
            let files = try InputFiles.expand(paths)
            let database = try connection.connect(logger: logger)
            if !dryRun { try LoadLock.acquire(on: database, wait: load.wait) }
            defer { if !dryRun { LoadLock.release(on: database) } }
            let runKey = dryRun ? nil : try LoadRunRecord.start(on: database, command: "load")
            let loader = Loader(connection: database, logger: logger)
            let progress = ProgressLine()
            loader.onProgress = progress.update
            var results: [FileLoadResult] = []
            let options = load.loaderOptions(dryRun: dryRun, runKey: runKey)
            // The next files are read on a second thread while this one works on the current file.
            let ahead = loader.readAhead(files, read: options.read)
            defer { ahead.stop() }
            while let next = ahead.next() {
                let file = next.url
                do {
                    let result = try loader.load(next, options: options)
                    progress.clear()
                    results.append(result)
                    print(result.summaryLine)
                    if dryRun, let message = result.message, result.outcome == .validated {
                        message.split(separator: "\n").forEach { print("    " + $0) }
                    }
                } catch {
                    progress.clear()
                    let code = ErrorReport.sysExit(for: error)
                    if let runKey {
                        try? LoadRunRecord.finish(on: database, run: runKey, results: results, exitCode: code.rawValue,
                                                  message: "\(file.path): \(error)")
                    }
                    throw FileFailure(file: file.path, underlying: error)
                }
            }
            let summary = LoadSummary(results: results)
            if files.count > 1 || summary.rowsRejected > 0 {
                print(summary.textLines.dropFirst(0).prefix(2).joined(separator: "\n"))
                if summary.rowsRejected > 0 { print("rejected rows: invest-etl rejects --batch ID") }
            }
            exit = summary.exitCode
            if let runKey {
                try LoadRunRecord.finish(on: database, run: runKey, results: results, exitCode: exit, message: nil)
            }
        }
        if exit != 0 { throw ExitCode(exit) }
    }
}

/// An error while loading one file that is not the file's fault: names the file.
struct FileFailure: Error, CustomStringConvertible, SysExitMapping {
    var file: String
    var underlying: Error
    var description: String { "\(file): \(underlying)" }
    var sysExit: SysExit { ErrorReport.sysExit(for: underlying) }
}
