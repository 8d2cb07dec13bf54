import Foundation
import PostgresClient
import Warehouse

/// Throwaway databases on the server that `etl/test.sh` starts (its URL is in DATABASE_URL).
/// Database tests never skip: without DATABASE_URL they fail with a message saying how to run them.
public enum TestDatabase {
    public struct NotConfigured: Error, CustomStringConvertible {
        public var description: String { "DATABASE_URL not set: run tests through etl/test.sh" }
    }

    /// The server URL from DATABASE_URL.
    public static func serverURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else {
            throw NotConfigured()
        }
        return url
    }

    /// The repository root (this file is Tests/TestSupport/TestDatabase.swift).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's `sql` directory.
    public static var sqlDirectory: URL { repositoryRoot.appendingPathComponent("sql") }

    /// Creates a fresh database `t_<random>`, optionally migrated with the repository's sql
    /// directory, runs `body` with a connection to it and its URL, and drops it afterwards
    /// (also when `body` throws).
    public static func withFreshDatabase<T>(
        migrated: Bool = false, _ body: (Connection, String) throws -> T
    ) throws -> T {
        let server = try serverURL()
        let admin = try Connection.connect(server)
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        try admin.execute("CREATE DATABASE \(.identifier(String(name))) TEMPLATE template0 ENCODING 'UTF8'")
        defer {
            do {
                try admin.execute("DROP DATABASE IF EXISTS \(.identifier(String(name))) WITH (FORCE)")
            } catch {
                FileHandle.standardError.write(Data("warning: could not drop test database \(name): \(error)\n".utf8))
            }
        }
        let url = try ConnectionInfo.replacingDatabase(in: server, with: String(name))
        let connection = try Connection.connect(url)
        defer { connection.close() }
        if migrated {
            // Roles are cluster-wide: serialise migrations of parallel tests (the lock lives
            // in the admin database, so it spans every test database).
            try admin.advisoryLock(key: migrationSerialKey)
            defer { _ = try? admin.advisoryUnlock(key: migrationSerialKey) }
            _ = try Migrator(sqlDirectory: sqlDirectory).migrate(on: connection)
        }
        return try body(connection, url)
    }

    static let migrationSerialKey: Int64 = 0x7465_7374_6D69_6772
}
