import ArgumentParser
import Foundation
import Warehouse

/// `invest-etl batch revert ID`: undo a loaded batch and restore the one it superseded.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: "Act on one load batch.", subcommands: [RevertCommand.self])

    struct RevertCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revert",
            abstract: "Revert a loaded batch: remove its facts and restore the batch it superseded.",
            discussion: """
                One transaction, under the loader lock: the batch's facts are deleted and it is marked reverted;
                the batch it superseded is re-derived from its original bytes (kept in the database) and is
                loaded again; summaries are recomputed. Loading the reverted file's bytes again later makes a
                new batch. Exit 0 done, 64 no such batch or not revertible, 69 database unavailable,
                75 another loader holds the lock.
                """)

        @OptionGroup var connection: ConnectionOptions

        @Flag(help: "Wait for another loader holding the lock instead of exiting 75.")
        var wait = false

        @Argument(help: ArgumentHelp("The batch to revert (invest-etl status lists them).", valueName: "id"))
        var batch: Int

        func validate() throws {
            if batch <= 0 { throw ValidationError("a batch id is a positive number") }
        }

        func run() throws {
            try ErrorReport.run("batch revert") {
                let logger = connection.makeLogger(label: "invest-etl.batch")
                let database = try connection.connect(logger: logger)
                try LoadLock.acquire(on: database, wait: wait)
                defer { LoadLock.release(on: database) }
                let outcome = try BatchRevert.revert(batch: batch, loader: Loader(connection: database, logger: logger))
                print("batch \(outcome.batch) reverted (\(outcome.file)): \(outcome.factsRemoved) fact row(s) removed"
                      + (outcome.projectsRemoved > 0 ? ", \(outcome.projectsRemoved) project(s) only it knew removed" : ""))
                for restored in outcome.restoredBatches {
                    print("batch \(restored.batchKey ?? 0) restored from its stored bytes: " + restored.summaryLine)
                }
                if outcome.factsRestored > 0 {
                    print("\(outcome.factsRestored) figure(s) of other files it had replaced put back")
                }
                if outcome.restoredBatches.isEmpty {
                    print("no earlier batch of its scope to restore")
                }
            }
        }
    }
}

extension BatchRevertError: SysExitMapping {
    var sysExit: SysExit {
        switch self {
        case .noSuchBatch, .notLoaded: return .usage
        case .noBytes, .restoreFailed: return .dataErr
        }
    }
}
