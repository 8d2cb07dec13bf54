import Foundation
import Logging
import PostgresClient

/// Applies `sql/migrations/V###__name.sql` in version order, each once and in its own
/// transaction, recording them in `etl.schema_migration` with the file's SHA-256; then
/// re-applies every `sql/views/*.sql` (in file-name order, one transaction).
///
/// Refuses to run when an applied file was edited or removed. Holds a session advisory lock
/// while it works, so two migrates never interleave.
public struct Migrator {
    /// Advisory lock key held while migrating ("invest-migrate" as ASCII-ish bigint).
    public static let lockKey: Int64 = 0x696E_7665_7374_6D67

    public let sqlDirectory: URL
    public let logger: Logger

    public init(sqlDirectory: URL, logger: Logger = Logger(label: "Warehouse.Migrator")) {
        self.sqlDirectory = sqlDirectory
        self.logger = logger
    }

    public var migrationsDirectory: URL { sqlDirectory.appendingPathComponent("migrations") }
    public var viewsDirectory: URL { sqlDirectory.appendingPathComponent("views") }

    /// Migration files on disk, sorted by version.
    public func files() throws -> [MigrationFile] {
        try MigrationFile.load(from: migrationsDirectory)
    }

    /// View files on disk, sorted by file name (absent folder → none).
    public func viewFiles() throws -> [URL] {
        guard FileManager.default.fileExists(atPath: viewsDirectory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: viewsDirectory.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
            .map { viewsDirectory.appendingPathComponent($0) }
    }

    /// Applies what is pending. Safe to run any number of times.
    public func migrate(on connection: Connection) throws -> MigrationReport {
        let files = try files()
        let views = try viewFiles()
        if try !connection.tryAdvisoryLock(key: Self.lockKey) {
            logger.notice("another migrate is running; waiting for it to finish")
            try connection.advisoryLock(key: Self.lockKey)
        }
        defer { _ = try? connection.advisoryUnlock(key: Self.lockKey) }

        try ensureBookkeeping(on: connection)
        let recorded = try appliedMigrations(on: connection)
        let pending = try pendingFiles(files: files, recorded: recorded)

        var applied: [AppliedMigration] = []
        for file in pending {
            logger.info("applying \(file.fileName)")
            do {
                try connection.withTransaction {
                    try connection.simpleExecute(file.contents)
                    guard connection.inTransaction else {
                        // The file ran COMMIT/ROLLBACK itself: it is no longer atomic. Say so loudly.
                        throw MigrationError.transactionControl(path: file.path)
                    }
                    try connection.execute("""
                        INSERT INTO etl.schema_migration (version, name, checksum)
                        VALUES (\(Int32(file.version)), \(file.name), \(file.checksum))
                        """)
                }
            } catch {
                throw MigrationError.failed(path: file.path, underlying: error)
            }
            applied.append(AppliedMigration(version: file.version, name: file.name, fileName: file.fileName))
        }

        var viewNames: [String] = []
        if !views.isEmpty {
            try connection.withTransaction {
                for url in views {
                    let text: String
                    do {
                        text = try String(contentsOf: url, encoding: .utf8)
                        try connection.simpleExecute(text)
                    } catch {
                        throw MigrationError.failed(path: url.path, underlying: error)
                    }
                    viewNames.append(url.lastPathComponent)
                }
            }
        }
        return MigrationReport(applied: applied, viewsApplied: viewNames, alreadyApplied: recorded.count)
    }

    /// Checks recorded migrations against the files and returns those not yet applied.
    func pendingFiles(files: [MigrationFile], recorded: [RecordedMigration]) throws -> [MigrationFile] {
        let byVersion = Dictionary(uniqueKeysWithValues: files.map { ($0.version, $0) })
        for record in recorded {
            guard let file = byVersion[record.version] else {
                throw MigrationError.appliedFileMissing(
                    version: record.version, name: record.name, directory: migrationsDirectory.path)
            }
            if file.checksum != record.checksum {
                throw MigrationError.checksumMismatch(
                    path: file.path, version: file.version, recorded: record.checksum, actual: file.checksum)
            }
        }
        let appliedVersions = Set(recorded.map(\.version))
        return files.filter { !appliedVersions.contains($0.version) }
    }

    /// Creates schema `etl` and `etl.schema_migration` when missing.
    func ensureBookkeeping(on connection: Connection) throws {
        try connection.simpleExecute("""
            CREATE SCHEMA IF NOT EXISTS etl;
            CREATE TABLE IF NOT EXISTS etl.schema_migration (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            COMMENT ON TABLE etl.schema_migration IS
                '已执行的数据库迁移 / Schema migrations applied by invest-etl migrate (one row per sql/migrations file)';
            COMMENT ON COLUMN etl.schema_migration.version IS '迁移版本号 / Version number from the file name V###';
            COMMENT ON COLUMN etl.schema_migration.name IS '迁移名称 / Name part of the file name';
            COMMENT ON COLUMN etl.schema_migration.checksum IS '文件SHA-256 / SHA-256 (hex) of the file bytes when applied';
            COMMENT ON COLUMN etl.schema_migration.applied_at IS '执行时间 / When it was applied';
            """)
    }

    public struct RecordedMigration: Sendable, Equatable {
        public let version: Int
        public let name: String
        public let checksum: String
    }

    public func appliedMigrations(on connection: Connection) throws -> [RecordedMigration] {
        try connection.query("SELECT version, name, checksum FROM etl.schema_migration ORDER BY version").rows.map {
            RecordedMigration(version: try $0.int("version") ?? 0, name: $0["name"] ?? "", checksum: $0["checksum"] ?? "")
        }
    }
}

public struct AppliedMigration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let fileName: String
}

/// What one `migrate` did.
public struct MigrationReport: Sendable {
    public let applied: [AppliedMigration]
    /// View files re-applied (every run).
    public let viewsApplied: [String]
    /// Migrations that were already recorded before this run.
    public let alreadyApplied: Int

    public var nothingPending: Bool { applied.isEmpty }

    /// Human lines: each applied file, or "nothing pending", then the views.
    public var lines: [String] {
        var lines: [String] = applied.isEmpty
            ? ["nothing pending (\(alreadyApplied) migration(s) already applied)"]
            : applied.map { "applied \($0.fileName)" }
        if !viewsApplied.isEmpty {
            lines.append("views re-applied: \(viewsApplied.joined(separator: ", "))")
        }
        return lines
    }
}
