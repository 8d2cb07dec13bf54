import Foundation
import PostgresClient
import SheetReader

/// `invest-etl batch revert ID`: undoes a loaded batch in one transaction (the caller holds
/// `LoadLock`).
///
/// - the batch's facts are deleted and it becomes `reverted` (its record, bytes, skipped and
///   rejected rows stay);
/// - the batches it superseded, if any (usually one; several when earlier sheets of the scope
///   covered fewer indicators each), are re-derived from their original bytes (kept in
///   `etl.source_file_chunk`) through the same loader code, in their order, under their own
///   batch keys, with the layout, month, region and encoding they were loaded with, and become
///   `loaded` again;
/// - figures of other loaded batches it replaced fact by fact (a county's correction of the
///   city's sheet, a project another office's sheet also gives) are put back from
///   `etl.replaced_fact` (V022);
/// - projects the reverted batch created and that no fact uses any more are removed, and the
///   project summaries of every (region, month) touched are recomputed.
///
/// Why re-derive instead of keeping superseded facts: the bytes are already kept for every
/// file (DESIGN §8), the loader is the one tested path from bytes to facts, and the hot merge
/// stays as it is. Loading the reverted file's bytes again later makes a new batch.
public enum BatchRevert {
    public struct Outcome: Sendable {
        public var batch: Int
        public var file: String
        public var factsRemoved: Int
        /// The batches restored, in order, with their reload results.
        public var restoredBatches: [FileLoadResult] = []
        /// The last of them (the one `supersedes` names).
        public var restored: FileLoadResult? { restoredBatches.last }
        public var projectsRemoved: Int
        /// Figures of other, still loaded batches it had replaced fact by fact, put back.
        public var factsRestored = 0
    }

    public static func revert(batch: Int, loader: Loader) throws -> Outcome {
        let connection = loader.connection
        return try connection.withTransaction {
            guard let row = try connection.query("""
                SELECT status, supersedes, layout, file_name FROM etl.load_batch WHERE batch_key = \(batch) FOR UPDATE
                """).first else {
                throw BatchRevertError.noSuchBatch(batch)
            }
            let status = row["status"] ?? "?"
            guard status == "loaded" else { throw BatchRevertError.notLoaded(batch: batch, status: status) }
            let layout = row["layout"].flatMap(SheetLayout.init(rawValue:)) ?? .projectProgress
            var outcome = Outcome(batch: batch, file: row["file_name"] ?? "?", factsRemoved: 0, projectsRemoved: 0)

            // 1. The batch's facts go (project facts say which summaries to recompute).
            var touched = Set<RegionMonth>()
            for r in try connection.query("""
                DELETE FROM dw.fact_project_month WHERE batch_key = \(batch) RETURNING region_key, month_key
                """).rows {
                if let region = try r.int("region_key"), let month = try r.int("month_key") {
                    touched.insert(RegionMonth(region: region, month: month))
                }
                outcome.factsRemoved += 1
            }
            // The other layouts' facts, the policy sheets' too (a revert removed none of those,
            // and the projects they created could not be removed).
            for table in Merge.factTables where table != "dw.fact_project_month" {
                outcome.factsRemoved += try connection.execute("DELETE FROM \(unsafeRaw: table) WHERE batch_key = \(batch)")
            }
            try connection.execute("""
                UPDATE etl.load_batch SET status = 'reverted', message = 'reverted by invest-etl batch revert at ' || now()
                WHERE batch_key = \(batch)
                """)

            // 2. The batches it superseded come back, re-derived from their bytes, oldest first.
            for old in try connection.query("""
                SELECT b.batch_key, b.source_file_key, b.status, b.superseded_by, b.layout, b.month_key, b.encoding,
                       b.file_name, b.synonyms, r.name AS region_name, f.sha256, f.size_bytes
                FROM etl.load_batch b JOIN etl.source_file f ON f.source_file_key = b.source_file_key
                LEFT JOIN dw.dim_region r ON r.region_key = b.region_key
                WHERE b.superseded_by = \(batch) AND b.status = 'superseded'
                ORDER BY b.batch_key
                FOR UPDATE OF b
                """).rows {
                guard let previous = try old.int("batch_key") else { continue }
                outcome.restoredBatches.append(try restore(batch: previous, row: old, loader: loader))
                touched.formUnion(try stagedPairs(of: previous, layout: layout, connection: connection))
            }

            // 3. Other files' figures it had replaced fact by fact (V022) come back where their
            //    batch is still loaded and nothing holds the key now.
            let restored = try Merge.restoreReplacedFacts(connection, replacedBy: [batch])
            outcome.factsRestored = restored.count
            touched.formUnion(restored.pairs)

            // 4. Projects only the reverted batch knew, and the summaries.
            outcome.projectsRemoved = try connection.query("""
                WITH d AS (
                    DELETE FROM dw.dim_project p WHERE p.first_batch_key = \(batch)\(unsafeRaw: unusedProject)
                    RETURNING 1)
                SELECT count(*) AS n FROM d
                """).first?.int("n") ?? 0
            try Merge(connection: connection, batch: batch, layout: layout).refreshAggregates(touched)
            return outcome
        }
    }

    /// `AND NOT EXISTS` a fact of project `p` in any table of project facts (project months and
    /// the policy sheets').
    static let unusedProject = (["dw.fact_project_month"] + PolicyMerge.factTables).map { table in
        "\n  AND NOT EXISTS (SELECT 1 FROM \(table) f WHERE f.region_key = p.region_key AND f.project_key = p.project_key)"
    }.joined()

    /// Writes the stored bytes to a private temporary file (named like the original, so
    /// messages name it) and loads them into the existing batch.
    private static func restore(batch: Int, row: PostgresClient.Row, loader: Loader) throws -> FileLoadResult {
        let connection = loader.connection
        let original = row["file_name"] ?? "batch-\(batch).csv"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("invest-revert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(URL(fileURLWithPath: original).lastPathComponent)
        guard let fileKey = try row.int("source_file_key") else { throw BatchRevertError.noBytes(batch: batch) }
        _ = FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])  // opening it below says why it failed
        let handle = try FileHandle(forWritingTo: url)
        var chunkNo = 0
        var written = 0
        while let chunk = try connection.query("""
            SELECT encode(data, 'base64') AS data FROM etl.source_file_chunk
            WHERE source_file_key = \(fileKey) AND chunk_no = \(chunkNo)
            """).first?["data"] {
            guard let data = Data(base64Encoded: chunk, options: .ignoreUnknownCharacters) else {
                throw BatchRevertError.noBytes(batch: batch)
            }
            try handle.write(contentsOf: data)
            written += data.count
            chunkNo += 1
        }
        try handle.close()
        guard written == (try row.int("size_bytes")) else { throw BatchRevertError.noBytes(batch: batch) }
        let (sha256, size) = try Loader.hashFile(url)
        guard sha256 == row["sha256"] else { throw BatchRevertError.noBytes(batch: batch) }

        var read = ReadOptions()
        read.layout = row["layout"].flatMap(SheetLayout.init(rawValue:))
        read.month = (try row.int("month_key")).map { YearMonth(year: $0 / 100, month: $0 % 100) }
        read.region = row["region_name"]
        read.encoding = row["encoding"].flatMap(TextEncoding.init(rawValue:))
        if let synonyms = row["synonyms"] {
            // The operator synonym files it was read with (V015), as one file beside the bytes.
            let file = directory.appendingPathComponent("batch-\(batch)-synonyms.tsv")
            try Data(synonyms.utf8).write(to: file)
            read.synonymFiles = [file]
        }
        var result = FileLoadResult(file: original, outcome: .loaded)
        result.sha256 = sha256
        result.bytes = size
        let reloaded: FileLoadResult
        do {
            reloaded = try loader.loadRows(url: url, fileKey: fileKey, options: LoaderOptions(read: read),
                                           regions: RegionResolver.load(from: connection), result: result,
                                           reuseBatch: batch)
        } catch let error as SheetError {
            // The bytes no longer read as they did (e.g. a synonym file from before V015): exit 65,
            // and the caller's transaction rolls back, so nothing changed.
            throw BatchRevertError.restoreFailed(batch: batch, message: error.description)
        }
        guard reloaded.outcome == .loaded else {
            throw BatchRevertError.restoreFailed(batch: batch, message: reloaded.message ?? reloaded.outcome.rawValue)
        }
        return reloaded
    }

    /// (region, month) pairs of a restored project batch's facts.
    private static func stagedPairs(of batch: Int, layout: SheetLayout, connection: Connection) throws -> Set<RegionMonth> {
        var pairs = Set<RegionMonth>()
        for r in try connection.query("""
            SELECT DISTINCT region_key, month_key FROM dw.fact_project_month WHERE batch_key = \(batch)
            """).rows {
            if let region = try r.int("region_key"), let month = try r.int("month_key") {
                pairs.insert(RegionMonth(region: region, month: month))
            }
        }
        return pairs
    }
}

extension Loader {
    /// Makes an existing batch ready to be loaded again (`BatchRevert`): its skipped and
    /// rejected rows go (they come back from the same bytes), its counts are reset.
    func reopenBatch(_ batch: Int) throws -> Int {
        try connection.execute("DELETE FROM etl.skipped_row WHERE batch_key = \(batch)")
        try connection.execute("DELETE FROM etl.rejected_row WHERE batch_key = \(batch)")
        try connection.execute("""
            UPDATE etl.load_batch SET status = 'loading', superseded_by = NULL, lines_read = 0, rows_loaded = 0,
                   rows_skipped = 0, rows_rejected = 0, message = NULL, finished_at = NULL
            WHERE batch_key = \(batch)
            """)
        return batch
    }
}

public enum BatchRevertError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchBatch(Int)
    case notLoaded(batch: Int, status: String)
    case noBytes(batch: Int)
    case restoreFailed(batch: Int, message: String)

    public var description: String {
        switch self {
        case .noSuchBatch(let batch):
            return "no batch \(batch) (see invest-etl status)"
        case let .notLoaded(batch, status):
            return "batch \(batch) is \(status), not loaded: only the loaded batch of a scope can be reverted"
                + (status == "superseded" ? " (revert the batch that superseded it first)" : "")
        case .noBytes(let batch):
            return "the stored bytes of batch \(batch) are missing or do not match its SHA-256; nothing was changed"
        case let .restoreFailed(batch, message):
            return "batch \(batch) could not be re-derived from its bytes (\(message)); nothing was changed"
        }
    }
}
