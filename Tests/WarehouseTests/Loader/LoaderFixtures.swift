import Foundation
import PostgresClient
import SheetReader
import Warehouse

/// Shared helpers of the loader tests: a generated sample set in a temporary folder and
/// checks over the database.
enum LoaderFixtures {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ldr-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The small sample set (seed 1), freshly generated.
    static func samples() throws -> URL {
        let directory = try temporaryDirectory()
        _ = try SampleGenerator(options: SampleOptions(scale: .small, seed: 1)).write(to: directory)
        return directory
    }

    /// `text` as a UTF-8 file `name` in `directory`.
    static func write(_ name: String, _ text: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    static func file(_ samples: URL, _ year: Int, _ name: String) -> URL {
        samples.appendingPathComponent(String(year)).appendingPathComponent(name)
    }

    static func int(_ connection: Connection, _ sql: SQL) throws -> Int {
        try connection.query(sql).first?.int("n") ?? -1
    }

    /// A fingerprint of everything the loader writes, to compare states.
    static func fingerprint(_ connection: Connection) throws -> String {
        let row = try connection.query("""
            SELECT (SELECT count(*) || ':' || coalesce(sum(ytd_completed_wan), 0) FROM dw.fact_project_month) AS p,
                   (SELECT count(*) || ':' || coalesce(sum(ytd_value_wan), 0) FROM dw.fact_region_indicator_month) AS i,
                   (SELECT count(*) || ':' || coalesce(sum(ytd_amount_wan), 0) FROM dw.fact_transfer_payment_month) AS t,
                   (SELECT count(*) || ':' || coalesce(sum(target_wan), 0) FROM dw.fact_target) AS g,
                   (SELECT count(*) FROM dw.dim_project) AS projects,
                   (SELECT count(*) FROM dw.dim_department) AS departments,
                   (SELECT count(*) FROM etl.load_batch) AS batches,
                   (SELECT count(*) FROM etl.source_file) AS files,
                   (SELECT count(*) || ':' || coalesce(sum(ytd_completed_wan), 0) FROM dw.agg_project_region_month) AS agg
            """).first!
        return row.values.map { $0 ?? "null" }.joined(separator: "|")
    }

    /// Number of CSV records in a file, counted by the tokenizer alone (independent of the loader).
    static func records(_ url: URL) throws -> Int {
        try scanFile(url: url).records
    }
}
