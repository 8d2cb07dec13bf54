import ArgumentParser
import Foundation
import PostgresClient
import Warehouse

/// `invest-etl run --inbox DIR --archive DIR`: the nightly job.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The nightly job: load every new file in the inbox, archive each, print a summary.",
        discussion: """
            Takes the loader lock (exit 75 when another load or run holds it, unless --wait), loads every
            *.csv/*.txt/*.tsv file under the inbox in sorted order (each file one transaction), then moves it
            to ARCHIVE/loaded/ or ARCHIVE/rejected/ with NAME.rejects.txt beside it when rows were rejected.
            Exit 0 all loaded, 65 a file rejected, 69 database unavailable, 75 lock held, 70 internal error.
            """)

    enum LogFormat: String, ExpressibleByArgument { case text, json }

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var load: LoadOptions

    @Option(help: ArgumentHelp("Folder the county files arrive in.", valueName: "dir"))
    var inbox: String

    @Option(help: ArgumentHelp("Folder that receives loaded/ and rejected/.", valueName: "dir"))
    var archive: String

    @Option(name: .customLong("log-format"), help: "Summary format on stdout: text or json.")
    var logFormat: LogFormat = .text

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--inbox \(inbox): no such directory")
        }
        if FileManager.default.fileExists(atPath: archive, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("--archive \(archive): exists and is not a directory")
        }
    }

    func run() throws {
        var exit: Int32 = 0
        try ErrorReport.run("run") {
            let logger = connection.makeLogger(label: "invest-etl.run")
            let database = try connection.connect(logger: logger)
            try LoadLock.acquire(on: database, wait: load.wait)
            defer { LoadLock.release(on: database) }
            let runKey = try LoadRunRecord.start(on: database, command: "run")
            let job = InboxRun(inbox: URL(fileURLWithPath: inbox), archive: URL(fileURLWithPath: archive),
                               options: load.loaderOptions(runKey: runKey), logger: logger)
            let loader = Loader(connection: database, logger: logger)
            let progress = ProgressLine()
            loader.onProgress = progress.update
            let summary: LoadSummary
            do {
                summary = try job.run(loader: loader) { _ in progress.clear() }
            } catch let error as InboxRunError {
                progress.clear()
                let code = ErrorReport.sysExit(for: error.underlying)
                let stopped = LoadSummary(results: error.done.results, abortMessage: error.description,
                                          abortExitCode: code.rawValue)
                try? LoadRunRecord.finish(on: database, run: runKey, results: stopped.results, exitCode: code.rawValue,
                                          message: error.description)
                try emit(stopped)
                throw error
            }
            try emit(summary)
            // On stderr: stdout may be the JSON summary.
            for file in InputFiles.leftAlone(directory: URL(fileURLWithPath: inbox)) {
                FileHandle.standardError.write(Data("invest-etl run: left in the inbox: \(file.path): \(file.reason)\n".utf8))
            }
            exit = summary.exitCode
            try LoadRunRecord.finish(on: database, run: runKey, results: summary.results, exitCode: exit,
                                     message: summary.filesRejected > 0 ? "\(summary.filesRejected) file(s) rejected" : nil)
        }
        if exit != 0 { throw ExitCode(exit) }
    }

    private func emit(_ summary: LoadSummary) throws {
        switch logFormat {
        case .text:
            print("invest-etl run: inbox \(inbox)")
            summary.textLines.forEach { print($0) }
        case .json:
            print(try summary.json())
        }
    }
}
