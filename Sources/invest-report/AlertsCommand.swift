import ArgumentParser
import InvestmentQueries
import ReportRendering

struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Ranking, praise (表扬), reminder letters (提醒函) and interviews (约谈) for indicators with a target.")

    @OptionGroup var options: ReportOptions
    @OptionGroup var output: FormatOption

    func validate() throws {
        guard options.by == .region else {
            throw ValidationError("alerts are for regions only (--by region)")
        }
    }

    func run() throws {
        try ErrorReport.run("alerts") {
            let queries = try options.connect()
            let (indicator, region) = try options.resolve(queries, defaultIndicator: nil)
            let month = options.reportMonth
            let rows = try queries.alerts(month: month, indicator: indicator, region: region)
            emit(renderUTF8(Tables.alerts(rows, month: month), as: output.format))
        }
    }
}
