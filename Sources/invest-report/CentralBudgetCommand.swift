import ArgumentParser
import InvestmentQueries
import ReportRendering

struct CentralBudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "central-budget",
        abstract: "Central-budget investment (中央预算内投资): issued in the year against the 4亿元 target, payment rate against 85%, projects not started within 3 months.",
        discussion: "Default: one row per region and the city total. --projects lists every plan; --late only those not started within the deadline.")

    @OptionGroup var options: ReportOptions
    @OptionGroup var output: FormatOption

    @Flag(help: "List the projects (one row per plan) instead of the summary.")
    var projects = false

    @Flag(help: "With --projects: only plans not started within the deadline (3 months after issue).")
    var late = false

    func validate() throws {
        try validatePolicyReport(options, "central-budget")
        if late && !projects { throw ValidationError("--late needs --projects") }
    }

    func run() throws {
        try ErrorReport.run("central-budget") {
            let queries = try options.connect()
            let (_, region) = try options.resolve(queries, defaultIndicator: nil)
            let month = options.reportMonth
            let table = projects
                ? Tables.centralBudgetProjects(try queries.centralBudgetProjects(month: month, region: region, lateOnly: late), month: month)
                : Tables.centralBudgetSummary(try queries.centralBudgetSummary(month: month, region: region), month: month)
            emit(renderUTF8(table, as: output.format))
            try noteNotReported(queries, .centralBudget, month: month, region: region)
        }
    }
}
