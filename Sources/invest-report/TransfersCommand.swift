import ArgumentParser
import InvestmentQueries
import ReportRendering

struct TransfersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfers",
        abstract: "Upper-level transfer payments per receiving unit against the +6% target, with the city total.")

    @OptionGroup var options: ReportOptions
    @OptionGroup var output: FormatOption

    func validate() throws {
        guard options.by == .region else {
            throw ValidationError("transfers list every receiving unit (regions and departments); --by \(options.by.rawValue) is not available")
        }
        if let indicator = options.indicator, indicator != "transfer_payment" {
            throw ValidationError("transfers are indicator transfer_payment; --indicator \(indicator) does not apply")
        }
    }

    func run() throws {
        try ErrorReport.run("transfers") {
            let queries = try options.connect()
            let (_, region) = try options.resolve(queries, defaultIndicator: nil)
            let month = options.reportMonth
            let rows = try queries.transfers(month: month, region: region)
            emit(renderUTF8(Tables.transfers(rows, month: month), as: output.format))
        }
    }
}
