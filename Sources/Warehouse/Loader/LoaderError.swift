/// Failures of the loader that are not a file's fault (those become rejected batches) and
/// not a database error (those are `PostgresError`).
public enum LoaderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another session holds `LoadLock` (exit 75).
    case lockHeld
    /// A path given on the command line does not exist or cannot be listed (exit 64).
    case noSuchPath(String)
    /// The bookkeeping does not add up: a bug, never the file's fault (exit 70).
    case accounting(file: String, linesRead: Int, loaded: Int, skipped: Int, rejected: Int)
    /// The schema lacks what the loader needs (run `invest-etl migrate`) (exit 70).
    case schema(String)

    public var description: String {
        switch self {
        case .lockHeld:
            return "another invest-etl load or run holds the loader lock (advisory lock \(LoadLock.key)); "
                + "try again later, or pass --wait to wait for it"
        case .noSuchPath(let path):
            return "\(path): no such file or directory"
        case let .accounting(file, linesRead, loaded, skipped, rejected):
            return "\(file): internal error: lines read \(linesRead) ≠ loaded \(loaded) + skipped \(skipped) + rejected \(rejected); nothing from this file was kept"
        case .schema(let message):
            return "the database schema is not ready: \(message) (run `invest-etl migrate`)"
        }
    }
}
