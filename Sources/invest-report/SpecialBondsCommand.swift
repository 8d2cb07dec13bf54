import ArgumentParser
import InvestmentQueries
import ReportRendering

struct SpecialBondsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "special-bonds",
        abstract: "Special bonds (政府专项债券): usage rate per issuance batch against its use-by deadline, start rate, lagging projects.",
        discussion: """
            Use-by deadline: bonds issued January-June by 31 August; July-December by the end of February next year
            (dw.policy_target special_bond_use_months_after_half). --projects lists projects; --lagging only lagging ones.
            """)

    @OptionGroup var options: ReportOptions
    @OptionGroup var output: FormatOption

    @Flag(help: "List the projects of every batch instead of the batch summary.")
    var projects = false

    @Flag(help: "With --projects: only lagging projects (not started, past the deadline unused, or behind time).")
    var lagging = false

    func validate() throws {
        try validatePolicyReport(options, "special-bonds")
        if lagging && !projects { throw ValidationError("--lagging needs --projects") }
    }

    func run() throws {
        try ErrorReport.run("special-bonds") {
            let queries = try options.connect()
            let (_, region) = try options.resolve(queries, defaultIndicator: nil)
            let month = options.reportMonth
            if !projects { noteCityWide(region, "bond batches", instead: "its projects: --projects") }
            let table = projects
                ? Tables.specialBondProjects(try queries.specialBondProjects(month: month, region: region, laggingOnly: lagging), month: month)
                : Tables.specialBondBatches(try queries.specialBondBatches(month: month, region: region), month: month)
            emit(renderUTF8(table, as: output.format))
            try noteNotReported(queries, .specialBonds, month: month, region: region)
        }
    }
}
