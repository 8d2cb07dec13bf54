import PostgresClient

/// The `etl.load_run` row of one `load` or `run` command.
public enum LoadRunRecord {
    /// Called with `LoadLock` held, so any run still marked `running` is one whose process died
    /// (kill -9, crash, lost server): it is closed as failed first.
    public static func start(on connection: Connection, command: String) throws -> Int {
        try connection.execute("""
            UPDATE etl.load_run SET status = 'failed', finished_at = now(),
                   message = 'interrupted: the process ended without finishing the run (killed, crashed or lost the server)'
            WHERE status = 'running'
            """)
        return try connection.query("INSERT INTO etl.load_run (command) VALUES (\(command)) RETURNING run_key")
            .first?.int("run_key") ?? 0
    }

    public static func finish(on connection: Connection, run: Int, results: [FileLoadResult], exitCode: Int32,
                              message: String?) throws {
        let loaded = results.filter { $0.outcome == .loaded }.count
        let skipped = results.filter { $0.outcome == .alreadyLoaded || $0.outcome == .validated }.count
        let rejected = results.filter(\.isFailure).count
        let status: String
        switch exitCode {
        case 0: status = "succeeded"
        case 65: status = loaded + skipped > 0 ? "partial" : "failed"
        default: status = "failed"
        }
        try connection.execute("""
            UPDATE etl.load_run SET finished_at = now(), status = \(status), files_seen = \(results.count),
                   files_loaded = \(loaded), files_skipped = \(skipped), files_rejected = \(rejected),
                   exit_code = \(Int(exitCode)), message = \(message)
            WHERE run_key = \(run)
            """)
    }
}
