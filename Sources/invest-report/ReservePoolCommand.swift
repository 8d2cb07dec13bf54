import ArgumentParser
import InvestmentQueries
import ReportRendering

struct ReservePoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reserve-pool",
        abstract: "Infrastructure reserve pool (基础设施项目储备) by category against the policy's counts and amounts.",
        discussion: "Targets live in dw.policy_target (产业园区: ≥40 projects, ≥230亿元, ≥90亿元 upper-level funds; the other categories are configurable placeholders).")

    @OptionGroup var options: ReportOptions
    @OptionGroup var output: FormatOption

    func validate() throws {
        try validatePolicyReport(options, "reserve-pool")
    }

    func run() throws {
        try ErrorReport.run("reserve-pool") {
            let queries = try options.connect()
            let (_, region) = try options.resolve(queries, defaultIndicator: nil)
            let month = options.reportMonth
            noteCityWide(region, "the reserve pool's categories and targets",
                         instead: "its reserve projects: SELECT * FROM analyst.reserve_project WHERE region = '\(region?.name ?? "")'")
            emit(renderUTF8(Tables.reservePool(try queries.reservePool(month: month, region: region), month: month), as: output.format))
        }
    }
}
