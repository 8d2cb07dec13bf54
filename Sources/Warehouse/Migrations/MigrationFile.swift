import Foundation

/// One file of `sql/migrations`: `V###__name.sql`, with its bytes' SHA-256.
public struct MigrationFile: Sendable, Equatable {
    public let version: Int
    /// The part after `V###__`, without `.sql`.
    public let name: String
    public let fileName: String
    public let path: String
    public let checksum: String
    public let contents: String

    /// `V001` for version 1 (the usual spelling of file names).
    public static func label(_ version: Int) -> String {
        let digits = String(version)
        return "V" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// Parses `V001__star_schema.sql` → (1, "star_schema"); nil when the name does not match.
    public static func parseName(_ fileName: String) -> (version: Int, name: String)? {
        guard fileName.hasPrefix("V"), fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropFirst().dropLast(4)
        guard let separator = stem.range(of: "__") else { return nil }
        let digits = stem[..<separator.lowerBound]
        let name = stem[separator.upperBound...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
              let version = Int(digits), version > 0, !name.isEmpty
        else { return nil }
        return (version, String(name))
    }

    /// Reads every `.sql` file of `directory`, sorted by version. Errors name the offending file.
    public static func load(from directory: URL) throws -> [MigrationFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") }
        var files: [MigrationFile] = []
        for fileName in names {
            let url = directory.appendingPathComponent(fileName)
            guard let (version, name) = parseName(fileName) else {
                throw MigrationError.badFileName(path: url.path)
            }
            let bytes = try [UInt8](Data(contentsOf: url))
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw MigrationError.notUTF8(path: url.path)
            }
            files.append(MigrationFile(
                version: version, name: name, fileName: fileName, path: url.path,
                checksum: SHA256.hexDigest(bytes), contents: text))
        }
        files.sort { $0.version < $1.version }
        for (previous, next) in zip(files, files.dropFirst()) where previous.version == next.version {
            throw MigrationError.duplicateVersion(version: next.version, paths: [previous.path, next.path])
        }
        return files
    }
}

/// Errors of `Migrator`; each names the file it is about.
public enum MigrationError: Error, CustomStringConvertible {
    case badFileName(path: String)
    case notUTF8(path: String)
    case duplicateVersion(version: Int, paths: [String])
    case checksumMismatch(path: String, version: Int, recorded: String, actual: String)
    case appliedFileMissing(version: Int, name: String, directory: String)
    case transactionControl(path: String)
    case failed(path: String, underlying: Error)

    public var description: String {
        switch self {
        case .badFileName(let path):
            return "\(path): migration file names must look like V001__short_name.sql"
        case .notUTF8(let path):
            return "\(path): not valid UTF-8"
        case .duplicateVersion(let version, let paths):
            return "two migrations share version \(version): \(paths.joined(separator: " and "))"
        case .checksumMismatch(let path, let version, let recorded, let actual):
            return "\(path): migration \(MigrationFile.label(version)) was edited after it was applied "
                + "(recorded sha256 \(recorded.prefix(12))…, file now \(actual.prefix(12))…). "
                + "Applied migrations must not change: restore the file and add a new V### migration instead."
        case .appliedFileMissing(let version, let name, let directory):
            return "migration \(MigrationFile.label(version))__\(name).sql is recorded as applied but its file is missing from \(directory)"
        case .transactionControl(let path):
            return "\(path): a migration must not COMMIT or ROLLBACK itself; migrate runs each file in its own transaction"
        case .failed(let path, let underlying):
            return "\(path): \(underlying)"
        }
    }
}
