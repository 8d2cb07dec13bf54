import Foundation
import Glibc
import PostgresClient
import TestSupport

/// A second throwaway PostgreSQL (etl/dev-db.sh in its own state file) that a test may stop
/// and start without disturbing the server every other test uses.
final class PrivateServer {
    let directory: String
    let url: String
    private let stateFile: URL

    init() throws {
        let state = try Fixtures.temporaryDirectory("pgstate")
        stateFile = state.appendingPathComponent("dev-db.env")
        let output = try Self.devDB(["start"], stateFile: stateFile)
        guard output.exitCode == 0 else { throw Failure(message: "dev-db.sh start failed: \(output)") }
        func value(_ name: String) -> String? {
            for line in output.stdout.split(separator: "\n") where line.hasPrefix("export \(name)='") {
                return String(line.dropFirst("export \(name)='".count).dropLast())
            }
            return nil
        }
        guard let directory = value("DEV_DB_DIR"), let url = value("DATABASE_URL") else {
            throw Failure(message: "dev-db.sh printed no DEV_DB_DIR/DATABASE_URL: \(output)")
        }
        self.directory = directory
        self.url = url
    }

    deinit {
        _ = try? Self.devDB(["stop", directory], stateFile: stateFile)
        try? FileManager.default.removeItem(at: stateFile.deletingLastPathComponent())
    }

    /// Stops the server (`fast` terminates sessions cleanly; `immediate` is like a crash).
    func stop(mode: String = "fast") throws {
        let output = try Self.devDB(["pause", directory, mode], stateFile: stateFile)
        guard output.exitCode == 0 else { throw Failure(message: "dev-db.sh pause failed: \(output)") }
    }

    func start() throws {
        let output = try Self.devDB(["resume", directory], stateFile: stateFile)
        guard output.exitCode == 0 else { throw Failure(message: "dev-db.sh resume failed: \(output)") }
    }

    /// A new database on this server, migrated by `invest-etl migrate`: its URL.
    func migratedDatabase(executable: URL) throws -> String {
        let admin = try Connection.connect(url)
        defer { admin.close() }
        let name = "f_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try admin.execute("CREATE DATABASE \(.identifier(String(name)))")
        let databaseURL = try ConnectionInfo.replacingDatabase(in: url, with: String(name))
        let migrate = try Subprocess.run(executable, ["migrate", "--database-url", databaseURL, "--sql-dir",
                                                      TestDatabase.sqlDirectory.path])
        guard migrate.exitCode == 0 else { throw Failure(message: "migrate failed: \(migrate)") }
        return databaseURL
    }

    /// Runs etl/dev-db.sh through system(3), not Foundation's Process: `pg_ctl start` leaves a
    /// server behind that inherits the script's descriptors, and Process sometimes never saw
    /// such a script end (a zombie it did not reap). Arguments are our own paths and words.
    struct ScriptOutput: CustomStringConvertible {
        var exitCode: Int32
        var stdout: String
        var description: String { "exit \(exitCode): \(stdout)" }
    }

    static func devDB(_ arguments: [String], stateFile: URL) throws -> ScriptOutput {
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let script = TestDatabase.repositoryRoot.appendingPathComponent("etl/dev-db.sh").path
        let output = stateFile.deletingLastPathComponent().appendingPathComponent("dev-db-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let command = "DEV_DB_STATE_FILE=\(quoted(stateFile.path)) bash \(quoted(script)) "
            + arguments.map(quoted).joined(separator: " ") + " </dev/null >\(quoted(output.path)) 2>&1"
        let status = system(command)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        let code: Int32 = status == -1 ? -1 : (status >> 8) & 0xFF
        return ScriptOutput(exitCode: code, stdout: text)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
