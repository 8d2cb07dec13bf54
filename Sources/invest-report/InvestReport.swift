import ArgumentParser
import PostgresClient

/// invest-report: the office's executable (DESIGN §7). One subcommand per file; shared options
/// in ReportOptions.swift; exit codes in ExitCodes.swift; rows → tables in Tables.swift.
/// Numbers come from InvestmentQueries (the analyst views); nothing is computed here.
@main
struct InvestReport: ParsableCommand {
    /// Reads the arguments, then hides a `--database-url` password from `ps` (`ProcessArguments`).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        ProcessArguments.hidePasswords()
        main(arguments)
    }

    static let configuration = CommandConfiguration(
        commandName: "invest-report",
        abstract: "Answer the investment programme's monthly questions.",
        discussion: """
            Connection: --database-url, else DATABASE_URL, else libpq defaults (PGHOST, PGDATABASE, .pgpass …).
            Exit codes: 0 ok; 64 usage (bad option, unknown region/indicator/month); 66 no data for the month
            (January is reported with February); 69 database unavailable; 70 internal error.
            """,
        subcommands: [YoYCommand.self, TargetsCommand.self, TransfersCommand.self, AlertsCommand.self,
                      BulletinCommand.self, CentralBudgetCommand.self, SpecialBondsCommand.self, KeyProjectsCommand.self,
                      StalledCommand.self, ReservePoolCommand.self])
}
