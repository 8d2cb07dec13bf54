import ArgumentParser
import PostgresClient

/// invest-etl: the operator's executable (DESIGN §7). One subcommand per file; shared
/// options in `Options/`; exit codes and error printing in `ExitCodes.swift`.
@main
struct InvestETL: ParsableCommand {
    /// Reads the arguments, then hides a `--database-url` password from `ps` (`ProcessArguments`).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        ProcessArguments.hidePasswords()
        main(arguments)
    }

    static let configuration = CommandConfiguration(
        commandName: "invest-etl",
        abstract: "Load county investment spreadsheets into the warehouse.",
        discussion: """
            Connection: --database-url, else DATABASE_URL, else libpq defaults (PGHOST, PGDATABASE, .pgpass …).
            Exit codes: 0 ok, 64 usage, 65 data rejected, 69 database unavailable, 70 internal error, 75 locked.
            """,
        subcommands: [
            MigrateCommand.self,
            LoadCommand.self, RunCommand.self, StatusCommand.self, RejectsCommand.self, SampleCommand.self, ReadCommand.self, BatchCommand.self,
        ]
    )
}
