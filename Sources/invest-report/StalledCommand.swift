import ArgumentParser
import InvestmentQueries
import ReportRendering

struct StalledCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stalled",
        abstract: "Stalled projects (停工项目): the year's list with reason and planned restart, and how many restarted since listed.",
        discussion: "Default: the list, one row per project. --summary: counts per region and the city total.")

    @OptionGroup var options: ReportOptions
    @OptionGroup var output: FormatOption

    @Flag(help: "Counts per region (listed, still stalled, restarted, overdue) instead of the list.")
    var summary = false

    func validate() throws {
        try validatePolicyReport(options, "stalled")
    }

    func run() throws {
        try ErrorReport.run("stalled") {
            let queries = try options.connect()
            let (_, region) = try options.resolve(queries, defaultIndicator: nil)
            let month = options.reportMonth
            let table = summary
                ? Tables.stalledRegions(try queries.stalledRegions(month: month, region: region), month: month)
                : Tables.stalledProjects(try queries.stalledProjects(month: month, region: region), month: month)
            emit(renderUTF8(table, as: output.format))
        }
    }
}
