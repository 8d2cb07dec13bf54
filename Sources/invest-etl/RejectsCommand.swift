import ArgumentParser
import Foundation
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
            let listing = try RejectsQuery.listing(on: database, batch: batch, limit: limit)
            print(listing.render(format, title: batch.map { "rejected rows of batch \($0)" } ?? "rejected rows"), terminator: "")
        }
    }
}
