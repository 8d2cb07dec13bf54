import ArgumentParser
import InvestmentQueries
import ReportRendering

struct TargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "Annual target tracking by region: fai +15% and industrial +30% by default (all indicators with a target unless --indicator).")

    @OptionGroup var options: ReportOptions
    @OptionGroup var output: FormatOption

    func validate() throws {
        guard options.by == .region else {
            throw ValidationError("targets are tracked by region only (--by region); use `yoy --by \(options.by.rawValue)` for departments or categories")
        }
    }

    func run() throws {
        try ErrorReport.run("targets") {
            let queries = try options.connect()
            let (indicator, region) = try options.resolve(queries, defaultIndicator: nil)
            let month = options.reportMonth
            let rows = try queries.targets(month: month, indicator: indicator, region: region)
            emit(renderUTF8(Tables.targets(rows, month: month), as: output.format))
        }
    }
}
