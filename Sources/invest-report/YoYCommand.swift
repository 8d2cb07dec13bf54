import ArgumentParser
import InvestmentQueries
import ReportRendering

struct YoYCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yoy",
        abstract: "Year-on-year growth by region (default), department or category; indicator fai by default.")

    @OptionGroup var options: ReportOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        try ErrorReport.run("yoy") {
            let queries = try options.connect()
            let (indicator, region) = try options.resolve(queries, defaultIndicator: "fai")
            let month = options.reportMonth
            let table: ReportTable
            switch options.by {
            case .region:
                table = Tables.yoy(try queries.yoy(month: month, indicator: indicator, region: region), month: month)
            case .department, .category:
                table = Tables.groupYoY(
                    try queries.yoy(month: month, by: options.by, indicator: indicator, scope: region),
                    by: options.by, month: month)
            }
            emit(renderUTF8(table, as: output.format))
        }
    }
}
