import ArgumentParser
import Logging
import PostgresClient

/// Options every database subcommand shares (DESIGN §3).
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "libpq connection URI or keyword string (default: $DATABASE_URL, else libpq defaults).",
            valueName: "url"))
    var databaseURL: String?

    @Option(
        name: .customLong("log-level"),
        help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .warning

    /// A logger writing to stderr at `--log-level`.
    func makeLogger(label: String) -> Logger {
        LoggingSetup.bootstrapOnce
        var logger = Logger(label: label)
        logger.logLevel = logLevel
        return logger
    }

    func connect(logger: Logger) throws -> Connection {
        if let databaseURL {
            logger.debug("connecting", metadata: ["url": "\(ConnectionInfo.redacted(databaseURL))"])
        }
        return try Connection.connect(databaseURL, logger: logger)
    }
}

enum LoggingSetup {
    /// Swift runs this initializer once, thread-safely.
    static let bootstrapOnce: Void = LoggingSystem.bootstrap { label in
        StreamLogHandler.standardError(label: label)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
