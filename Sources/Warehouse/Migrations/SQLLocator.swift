import Foundation

/// Finds the project's `sql` directory (the one holding `migrations/`).
public enum SQLLocator {
    public struct NotFound: Error, CustomStringConvertible {
        public let searched: [String]
        public var description: String {
            "cannot find the sql directory (a folder with sql/migrations); looked in: "
                + searched.joined(separator: ", ")
                + ". Pass --sql-dir or set INVEST_SQL_DIR."
        }
    }

    /// Order: `explicit` (from `--sql-dir`), env `INVEST_SQL_DIR`, then walking up from the
    /// executable's directory, then from the current directory, for `sql/migrations`.
    /// An explicit or env directory must contain `migrations/` itself.
    public static func locate(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executableDirectory: URL? = executableDirectory(),
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) throws -> URL {
        var searched: [String] = []
        for given in [explicit, environment["INVEST_SQL_DIR"]] {
            guard let given, !given.isEmpty else { continue }
            let url = URL(fileURLWithPath: given).standardizedFileURL
            if hasMigrations(url) { return url }
            searched.append(url.path + " (given, but has no migrations/ folder)")
            throw NotFound(searched: searched)
        }
        for start in [executableDirectory, currentDirectory].compactMap({ $0 }) {
            var directory = start.standardizedFileURL
            while true {
                let candidate = directory.appendingPathComponent("sql")
                if hasMigrations(candidate) { return candidate }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
            searched.append("\(start.path) and its parents")
        }
        throw NotFound(searched: searched)
    }

    static func hasMigrations(_ sqlDirectory: URL) -> Bool {
        var isDirectory: ObjCBool = false
        let path = sqlDirectory.appendingPathComponent("migrations").path
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The running executable's directory (resolving symlinks via /proc/self/exe on Linux).
    public static func executableDirectory() -> URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path).deletingLastPathComponent()
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
