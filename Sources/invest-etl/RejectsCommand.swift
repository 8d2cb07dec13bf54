import ArgumentParser
import Foundation
import PostgresClient
import Warehouse

/// `invest-etl rejects [--batch ID]`: rejected rows with file, line, column, raw text, reason.
struct RejectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejects", abstract: "List rejected rows (file, line, column, column name, raw text, reason).")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Only this batch (default: all batches, newest first).")
    var batch: Int?

    @Option(help: "At most this many rows.")
    var limit = 1000

    @Option(help: "table, csv, json or markdown.")
    var format: ListingFormat = .table

    func run() throws {
        try ErrorReport.run("rejects") {
            let database = try connection.connect(logger: connection.makeLogger(label: "invest-etl.rejects"))
            if let batch, try database.query("SELECT 1 AS one FROM etl.load_batch WHERE batch_key = \(batch)").first == nil {
                throw UnknownBatch(batch: batch)
            }
            let listing = try RejectsQuery.listing(on: database, batch: batch, limit: limit)
            print(listing.render(format, title: batch.map { "rejected rows of batch \($0)" } ?? "rejected rows"), terminator: "")
        }
    }
}

/// `--batch` naming no batch: a usage error (64), as `batch revert` gives.
struct UnknownBatch: Error, SysExitMapping, CustomStringConvertible {
    let batch: Int
    var sysExit: SysExit { .usage }
    var description: String { "no batch \(batch) (invest-etl status lists the batches)" }
}
