import Foundation

/// Named places in a load where the fault tests (Tests/ReliabilityTests) stop the loader on
/// purpose: kill -9 it, stop the server, … at a known step instead of at a lucky moment.
///
/// Inert in production: nothing happens unless the environment variable
/// `INVEST_FAULT_PAUSE_AT` names a point. Then, on reaching it (for a file whose path contains
/// `INVEST_FAULT_PAUSE_FILE`, when that is set), the process writes
/// `invest-etl: fault point NAME reached` to stderr and sleeps `INVEST_FAULT_PAUSE_SECONDS`
/// (default 60) before going on. Documented in docs/operations.md.
public enum FaultPoint: String, Sendable, CaseIterable {
    /// The file's bytes are in `etl.source_file_chunk`; the batch row is not yet written.
    case stored
    /// Inside the staging COPY, after the first 4,096 records.
    case staging
    /// Staging complete and validated; the set-based merge into dimensions and facts is next.
    case merge
    /// Facts merged; the supersede of the earlier batch of the same scope is next.
    case supersede
    /// The batch is finished; only the COMMIT of the file's transaction is left.
    case commit
    /// The file's transaction committed; `run` has not yet moved it to the archive.
    case archive

    private struct Setting: Sendable {
        var point: String
        var file: String?
        var seconds: Double
    }

    private static let setting: Setting? = {
        let env = ProcessInfo.processInfo.environment
        guard let point = env["INVEST_FAULT_PAUSE_AT"], !point.isEmpty else { return nil }
        let file = env["INVEST_FAULT_PAUSE_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        let seconds = env["INVEST_FAULT_PAUSE_SECONDS"].flatMap(Double.init) ?? 60
        return Setting(point: point, file: file, seconds: seconds)
    }()

    /// Pauses here when the environment asks for this point (see the type's comment).
    public static func reach(_ point: FaultPoint, file: String) {
        guard let setting, setting.point == point.rawValue else { return }
        if let wanted = setting.file, !file.contains(wanted) { return }
        FileHandle.standardError.write(Data("invest-etl: fault point \(point.rawValue) reached (\(file))\n".utf8))
        Thread.sleep(forTimeInterval: setting.seconds)
    }
}
