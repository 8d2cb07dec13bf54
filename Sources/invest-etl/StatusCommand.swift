import ArgumentParser
import Foundation
import Warehouse

/// `invest-etl status`: recent batches, their counts and the lines-read check, warnings,
/// superseded batches, the last successful run.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show recent batches, counts, warnings and the last successful run.")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "How many recent batches to show.")
    var limit = 20

    @Option(help: "table, csv, json or markdown (the batch list only).")
    var format: ListingFormat = .table

    func run() throws {
        try ErrorReport.run("status") {
            let database = try connection.connect(logger: connection.makeLogger(label: "invest-etl.status"))
            let batches = try StatusQuery.batches(on: database, limit: limit)
            guard format == .table else {
                print(batches.render(format, title: "recent batches"), terminator: "")
                return
            }
            let totals = try StatusQuery.totals(on: database)
            print("last successful run: \(totals.lastSuccessfulRun ?? "none")")
            if let last = totals.lastRun, last != totals.lastSuccessfulRun { print("last run: \(last)") }
            let counts = totals.batches.keys.sorted().map { "\($0) \(totals.batches[$0]!)" }.joined(separator: ", ")
            print("batches: \(counts.isEmpty ? "none" : counts)")
            print(totals.mismatched == 0
                  ? "check lines_read = loaded + skipped + rejected: ok for every loaded and superseded batch"
                  : "check lines_read = loaded + skipped + rejected: \(totals.mismatched) batch(es) MISMATCH")
            print("")
            print(batches.render(.table, title: "recent batches"), terminator: "")
            let warnings = try StatusQuery.warnings(on: database, limit: limit)
            if !warnings.isEmpty {
                print("\nwarnings:")
                warnings.prefix(40).forEach { print("  " + $0) }
                if warnings.count > 40 { print("  … \(warnings.count - 40) more") }
            }
        }
    }
}
