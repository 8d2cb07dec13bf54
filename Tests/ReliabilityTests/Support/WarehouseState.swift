import Foundation
import PostgresClient

/// A fingerprint of everything a load writes, per table, free of what legitimately differs
/// between two equivalent histories: surrogate keys and identity values (sequences are not
/// transactional, so a killed load burns some), timestamps, run keys and the folder a file
/// was loaded from. Keys are replaced by the natural keys they stand for (project code,
/// department name, the file name of a batch), so "same fingerprint" means "same warehouse".
enum WarehouseState {
    static let batchFile = "regexp_replace(b.file_name, '^.*/', '')"

    /// table -> md5 of its rows (as jsonb text, sorted).
    static let queries: [(String, String)] = [
        ("dw.fact_project_month", """
            SELECT to_jsonb(f) - ARRAY['project_key','batch_key']
                   || jsonb_build_object('project_code', p.project_code, 'file', \(batchFile)) AS j
            FROM dw.fact_project_month f
            JOIN dw.dim_project p ON p.project_key = f.project_key AND p.region_key = f.region_key
            JOIN etl.load_batch b ON b.batch_key = f.batch_key
            """),
        ("dw.fact_region_indicator_month", """
            SELECT to_jsonb(f) - 'batch_key' || jsonb_build_object('file', \(batchFile)) AS j
            FROM dw.fact_region_indicator_month f JOIN etl.load_batch b ON b.batch_key = f.batch_key
            """),
        ("dw.fact_transfer_payment_month", """
            SELECT to_jsonb(f) - ARRAY['batch_key','department_key']
                   || jsonb_build_object('department', d.name, 'file', \(batchFile)) AS j
            FROM dw.fact_transfer_payment_month f JOIN etl.load_batch b ON b.batch_key = f.batch_key
            LEFT JOIN dw.dim_department d ON d.department_key = f.department_key
            """),
        ("dw.fact_target", """
            SELECT to_jsonb(f) - ARRAY['batch_key','department_key']
                   || jsonb_build_object('department', d.name, 'file', \(batchFile)) AS j
            FROM dw.fact_target f JOIN etl.load_batch b ON b.batch_key = f.batch_key
            LEFT JOIN dw.dim_department d ON d.department_key = f.department_key
            """),
        ("dw.dim_project", """
            SELECT to_jsonb(p) - ARRAY['project_key','department_key','first_batch_key','last_batch_key']
                   || jsonb_build_object('department', d.name,
                                         'first', regexp_replace(fb.file_name, '^.*/', ''),
                                         'last', regexp_replace(lb.file_name, '^.*/', '')) AS j
            FROM dw.dim_project p
            LEFT JOIN dw.dim_department d ON d.department_key = p.department_key
            LEFT JOIN etl.load_batch fb ON fb.batch_key = p.first_batch_key
            LEFT JOIN etl.load_batch lb ON lb.batch_key = p.last_batch_key
            """),
        ("dw.dim_department", "SELECT to_jsonb(d) - ARRAY['department_key','first_seen_at'] AS j FROM dw.dim_department d"),
        ("dw.dim_department_alias", """
            SELECT to_jsonb(a) - 'department_key' || jsonb_build_object('department', d.name) AS j
            FROM dw.dim_department_alias a JOIN dw.dim_department d ON d.department_key = a.department_key
            """),
        ("dw.agg_project_region_month", "SELECT to_jsonb(a) AS j FROM dw.agg_project_region_month a"),
        ("dw.agg_project_department_month", """
            SELECT to_jsonb(a) - 'department_key' || jsonb_build_object('department', d.name) AS j
            FROM dw.agg_project_department_month a JOIN dw.dim_department d ON d.department_key = a.department_key
            """),
        ("dw.agg_project_category_month", "SELECT to_jsonb(a) AS j FROM dw.agg_project_category_month a"),
        ("etl.load_batch", """
            SELECT to_jsonb(b) - ARRAY['batch_key','source_file_key','run_key','started_at','finished_at',
                                       'supersedes','superseded_by','file_name','warnings','archived_as']
                   -- Warnings name other batches by key, which a killed attempt moves on.
                   || jsonb_build_object('warnings', regexp_replace(b.warnings::text, '(batch|批次|revert) [0-9]+', '\\1 #', 'g'),
                                         'file', \(batchFile),
                                         -- Where run put the file (V026), below each night's own archive.
                                         'archived_as', regexp_replace(b.archived_as, '^.*/archive/', ''),
                                         'supersedes', regexp_replace(s.file_name, '^.*/', ''),
                                         'superseded_by', regexp_replace(sb.file_name, '^.*/', '')) AS j
            FROM etl.load_batch b
            LEFT JOIN etl.load_batch s ON s.batch_key = b.supersedes
            LEFT JOIN etl.load_batch sb ON sb.batch_key = b.superseded_by
            """),
        ("etl.source_file", "SELECT to_jsonb(f) - ARRAY['source_file_key','received_at'] AS j FROM etl.source_file f"),
        ("etl.rejected_row", """
            SELECT to_jsonb(r) - 'batch_key' || jsonb_build_object('file', \(batchFile)) AS j
            FROM etl.rejected_row r JOIN etl.load_batch b ON b.batch_key = r.batch_key
            """),
        ("etl.skipped_row", """
            SELECT to_jsonb(r) - 'batch_key' || jsonb_build_object('file', \(batchFile)) AS j
            FROM etl.skipped_row r JOIN etl.load_batch b ON b.batch_key = r.batch_key
            """),
    ]

    /// Fact tables beyond the four above (e.g. the policy layouts' facts): every dw table with
    /// `batch_key` and `line_no`, fingerprinted without surrogate keys.
    static func otherFactTables(_ connection: Connection) throws -> [String] {
        try connection.query("""
            SELECT 'dw.' || c.table_name AS t FROM information_schema.columns c
            WHERE c.table_schema = 'dw' AND c.column_name IN ('batch_key', 'line_no')
            GROUP BY c.table_name HAVING count(*) = 2 ORDER BY 1
            """).rows.compactMap { $0["t"] }.filter { table in !queries.contains { $0.0 == table } }
    }

    static func fingerprint(_ connection: Connection) throws -> [String: String] {
        var result: [String: String] = [:]
        var all = queries
        for table in try otherFactTables(connection) {
            all.append((table, """
                SELECT (to_jsonb(f) - ARRAY['batch_key','project_key','department_key']
                        || jsonb_build_object('file', \(batchFile))) AS j
                FROM \(table) f JOIN etl.load_batch b ON b.batch_key = f.batch_key
                """))
        }
        for (table, query) in all {
            let row = try connection.query("""
                SELECT count(*) AS n, coalesce(md5(string_agg(j::text, '|' ORDER BY j::text)), '-') AS h
                FROM (\(unsafeRaw: query)) t
                """).first
            result[table] = "\(row?["n"] ?? "?") rows \(row?["h"] ?? "?")"
        }
        return result
    }

    /// Problems with "each file fully there or not at all" (empty when all is well):
    /// no batch left `loading`; every loaded batch's facts cover exactly its loaded lines;
    /// superseded, reverted and rejected batches own no facts; every stored file's chunks
    /// reassemble to its size and SHA-256, and every stored file has a batch.
    static func atomicityProblems(_ connection: Connection) throws -> [String] {
        let factTables = ["dw.fact_project_month", "dw.fact_region_indicator_month", "dw.fact_transfer_payment_month",
                          "dw.fact_target"] + (try otherFactTables(connection))
        let union = factTables.map { "SELECT batch_key, line_no FROM \($0)" }.joined(separator: " UNION ")
        let rows = try connection.query("""
            WITH facts AS (\(unsafeRaw: union)), per_batch AS (SELECT batch_key, count(*) AS lines FROM facts GROUP BY batch_key)
            SELECT 'batch ' || b.batch_key || ' (' || b.file_name || ') is ' || b.status || ' with '
                   || coalesce(p.lines, 0) || ' fact lines, rows_loaded ' || coalesce(b.rows_loaded, -1) AS problem
            FROM etl.load_batch b LEFT JOIN per_batch p ON p.batch_key = b.batch_key
            WHERE b.status = 'loading'
               OR (b.status = 'loaded' AND coalesce(p.lines, 0) <> b.rows_loaded)
               OR (b.status <> 'loaded' AND coalesce(p.lines, 0) <> 0)
            UNION ALL
            SELECT 'source file ' || f.file_name || ' chunks do not reassemble (size ' || f.size_bytes || ')'
            FROM etl.source_file f
            WHERE f.size_bytes <> coalesce((SELECT sum(length(c.data)) FROM etl.source_file_chunk c
                                            WHERE c.source_file_key = f.source_file_key), 0)
               OR f.sha256 <> encode(sha256(coalesce((SELECT string_agg(c.data, ''::bytea ORDER BY c.chunk_no)
                                                      FROM etl.source_file_chunk c
                                                      WHERE c.source_file_key = f.source_file_key), ''::bytea)), 'hex')
            UNION ALL
            SELECT 'source file ' || f.file_name || ' has no batch'
            FROM etl.source_file f
            WHERE NOT EXISTS (SELECT 1 FROM etl.load_batch b WHERE b.source_file_key = f.source_file_key)
            """)
        return rows.rows.compactMap { $0["problem"] }
    }
}
