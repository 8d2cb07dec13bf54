import ArgumentParser
import Warehouse

/// `invest-etl migrate`: apply pending schema migrations, re-apply the views, print a summary.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending sql/migrations files and re-apply sql/views, then print the schema summary.")

    @OptionGroup var connection: ConnectionOptions

    @Option(
        name: .customLong("sql-dir"),
        help: ArgumentHelp(
            "The sql directory (holding migrations/ and views/). Default: $INVEST_SQL_DIR, else found next to the executable or the current directory.",
            valueName: "dir"))
    var sqlDirectory: String?

    func run() throws {
        try ErrorReport.run("migrate") {
            let logger = connection.makeLogger(label: "invest-etl.migrate")
            let directory = try SQLLocator.locate(explicit: sqlDirectory)
            let database = try connection.connect(logger: logger)
            let report = try Migrator(sqlDirectory: directory, logger: logger).migrate(on: database)
            report.lines.forEach { print($0) }
            print("\nschema summary:")
            try SchemaSummary.read(from: database).lines.forEach { print("  " + $0) }
        }
    }
}
