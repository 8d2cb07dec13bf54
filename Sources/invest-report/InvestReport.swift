import ArgumentParser
#if canImport(CMalloc)
import CMalloc
#endif
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
        keepFreedMemory()
        main(arguments)
    }

    /// A report lives for one answer: glibc's default maps every block over 128 KiB afresh and
    /// hands freed memory back, so the stalled list's buffers (result, sort keys, 5 MB of JSON)
    /// were page-faulted in and unmapped again — 14 ms of a 74 ms run's CPU at ten million
    /// facts (benchmarks.md §15). A short-lived process keeps its heap instead.
    private static func keepFreedMemory() {
        #if canImport(CMalloc)
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        #endif
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
