import ArgumentParser
import InvestmentQueries
import ReportRendering

struct KeyProjectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key-projects",
        abstract: "Key projects (重点项目): the top 20 by YTD completed investment as of June (or --as-of), with their monthly progress since.",
        discussion: "One row per key project and month from the as-of month to --month. Count and default month: dw.policy_target key_project_count, key_project_as_of_month.")

    @OptionGroup var options: ReportOptions
    @OptionGroup var output: FormatOption

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Month the ranking is taken at (default: June of the year, or --month when earlier).", valueName: "YYYY-MM"))
    var asOf: String?

    func validate() throws {
        try validatePolicyReport(options, "key-projects")
        if let asOf {
            guard let parsed = ReportMonth(parsing: asOf) else {
                throw ValidationError("--as-of must be YYYY-MM with a month 01-12, got \"\(asOf)\"")
            }
            let month = options.reportMonth
            guard parsed.year == month.year, parsed <= month else {
                throw ValidationError("--as-of \(parsed) must be in \(month.year) and not after --month \(month)")
            }
        }
    }

    func run() throws {
        try ErrorReport.run("key-projects") {
            let queries = try options.connect()
            let (_, region) = try options.resolve(queries, defaultIndicator: nil)
            let month = options.reportMonth
            let asOfMonth = try asOf.flatMap(ReportMonth.init(parsing:)) ?? queries.defaultKeyProjectAsOf(month: month)
            let rows = try queries.keyProjects(month: month, asOf: asOfMonth, region: region)
            emit(renderUTF8(Tables.keyProjects(rows, month: month, asOf: asOfMonth), as: output.format))
        }
    }
}
