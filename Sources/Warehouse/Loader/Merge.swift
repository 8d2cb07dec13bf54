import Foundation
import PostgresClient
import SheetReader

/// The set-based merge of one batch's staged rows into dimensions and facts (DESIGN §8):
/// a fixed number of SQL statements per file whatever its size, never one per row.
/// Runs inside the file's transaction; staging rows of the batch are gone when it returns.
struct Merge {
    let connection: Connection
    let batch: Int
    let layout: SheetLayout

    /// The staging table and the columns that identify one fact within a file.
    private var stage: String {
        switch layout {
        case .projectProgress: return "etl.stage_project"
        case .indicatorSummary: return "etl.stage_indicator"
        case .transferPayments: return "etl.stage_transfer"
        case .targets: return "etl.stage_target"
        case .centralBudget, .specialBonds, .reservePool: return PolicyStaging.table(layout)!.table
        }
    }

    private var grain: String {
        switch layout {
        case .projectProgress: return "region_key, project_code, month_key"
        case .indicatorSummary: return "region_key, indicator_code, month_key"
        case .transferPayments: return "region_key, department_norm, fund_category, month_key"
        case .targets: return "region_key, department_norm, indicator_code, year, month_no"
        case .centralBudget, .specialBonds, .reservePool: return PolicyMerge.grain(layout)!
        }
    }

    private var describeRow: String {
        switch layout {
        case .projectProgress: return "project_code || ' ' || project_name"
        case .indicatorSummary: return "indicator_code"
        case .transferPayments: return "coalesce(department, '') || ' ' || fund_category"
        case .targets: return "coalesce(department, '') || ' ' || indicator_code || ' ' || year || '/' || month_no"
        case .centralBudget, .specialBonds, .reservePool: return PolicyMerge.describeRow
        }
    }

    // MARK: - validation that needs the whole file (rejects, before anything is merged)

    /// Rejects lines whose fact a line above already gave (the first one stays) and lines
    /// naming an indicator the warehouse does not know; removes them from staging.
    func rejectInvalid(keyColumn: Int?, keyColumnName: String?) throws {
        // A transfer sheet's several rows of one unit and category (one per 资金名称) add up.
        if layout != .transferPayments {
            try rejectRepeats(keyColumn: keyColumn, keyColumnName: keyColumnName)
        }
        try rejectUnknown()
    }

    private func rejectRepeats(keyColumn: Int?, keyColumnName: String?) throws {
        try connection.execute("""
            INSERT INTO etl.rejected_row (batch_key, line_no, column_no, column_name, raw_text, reason)
            SELECT DISTINCT ON (d.line_no) \(batch), d.line_no, \(keyColumn), \(keyColumnName), d.raw,
                   '重复：与第 ' || d.first_line || ' 行相同 / duplicate of line ' || d.first_line || ' (' || d.raw || ')'
            FROM (SELECT line_no, \(unsafeRaw: describeRow) AS raw,
                         min(line_no) OVER (PARTITION BY \(unsafeRaw: grain)) AS first_line
                  FROM \(unsafeRaw: stage) WHERE batch_key = \(batch)) d
            WHERE d.line_no <> d.first_line
            ORDER BY d.line_no
            ON CONFLICT (batch_key, line_no) DO NOTHING
            """)
    }

    private func rejectUnknown() throws {
        if layout == .indicatorSummary || layout == .targets {
            try connection.execute("""
                INSERT INTO etl.rejected_row (batch_key, line_no, column_no, column_name, raw_text, reason)
                SELECT DISTINCT ON (s.line_no) \(batch), s.line_no, NULL::integer, NULL::text, s.indicator_code,
                       '未知指标 / unknown indicator ' || s.indicator_code || '; known: '
                       || (SELECT string_agg(indicator_code, ', ' ORDER BY sort_order) FROM dw.dim_indicator)
                FROM \(unsafeRaw: stage) s
                WHERE s.batch_key = \(batch)
                  AND NOT EXISTS (SELECT 1 FROM dw.dim_indicator i WHERE i.indicator_code = s.indicator_code)
                ORDER BY s.line_no
                ON CONFLICT (batch_key, line_no) DO NOTHING
                """)
        }
        if layout.isPolicy { try PolicyMerge(connection: connection, batch: batch, layout: layout).rejectInvalid() }
        try connection.execute("""
            DELETE FROM \(unsafeRaw: stage) s USING etl.rejected_row r
            WHERE s.batch_key = \(batch) AND r.batch_key = \(batch) AND r.line_no = s.line_no
            """)
    }

    /// Distinct input lines still staged: the lines this batch loads.
    func stagedLines() throws -> Int {
        try connection.query("SELECT count(DISTINCT line_no) AS n FROM \(unsafeRaw: stage) WHERE batch_key = \(batch)")
            .first?.int("n") ?? 0
    }

    /// The indicator codes of the staged rows as a `text[]` literal (`{fai,industrial}`), for the
    /// layouts whose sheets can cover part of the indicators of a month (V012); nil otherwise.
    func stagedIndicators() throws -> String? {
        let table: String
        switch layout {
        case .indicatorSummary: table = "etl.stage_indicator"
        case .targets: table = "etl.stage_target"
        default: return nil
        }
        let codes = try connection.query(SQL(unsafeRaw: "SELECT DISTINCT indicator_code AS code FROM \(table)")
            + " WHERE batch_key = \(batch) ORDER BY 1").rows.compactMap { $0["code"] }
        return "{" + codes.joined(separator: ",") + "}"
    }

    /// Whether a loaded batch of projects (progress or policy sheets) is of a later month than
    /// `month`: this file is then an older month, whose rows may be older than the projects'
    /// current attributes (`upsertProjects` leaves those), so `ProjectCache` must not learn them.
    func laterMonthLoaded(than month: Int) throws -> Bool {
        try connection.query("""
            SELECT EXISTS (SELECT 1 FROM etl.load_batch
                           WHERE status = 'loaded' AND month_key > \(month)
                             AND layout IN ('project-progress', 'central-budget', 'special-bonds', 'reserve-pool')) AS later
            """).first?.bool("later") ?? true
    }

    /// The condition on an earlier batch (`etl.load_batch` row) of the same scope that this batch,
    /// covering `indicators`, replaces: all of it when either side has no indicator list (other
    /// layouts, batches from before V012), else only when it covers every indicator of the earlier.
    static func coveredBy(_ indicators: String?) -> SQL {
        "(\(indicators)::text[] IS NULL OR indicators IS NULL OR indicators <@ \(indicators)::text[])"
    }

    /// Empties the layout's staging table. TRUNCATE, not DELETE: deleted rows stayed as dead
    /// tuples that every later file's eight staging scans read again (224 MB of them after the
    /// large corpus, 22 ms a scan); a truncated table starts from zero pages. Loaders are
    /// serialised by `LoadLock`, so no other transaction has staged rows to lose; the
    /// ACCESS EXCLUSIVE lock is taken by `clearStaging` before anything else in the file's
    /// transaction touches the table, and held to its end.
    func discardStaging() throws {
        try connection.execute("TRUNCATE \(unsafeRaw: stage)")
    }

    /// Called before staging, outside its savepoint (so the lock outlives a rolled-back stage).
    func clearStaging() throws {
        try connection.execute("TRUNCATE \(unsafeRaw: stage)")
    }

    func analyzeStaging() throws {
        try connection.execute("ANALYZE \(unsafeRaw: stage)")
    }

    // MARK: - dimensions

    /// Departments seen for the first time become dimension rows, reachable by their
    /// normalised name through `dim_department_alias`.
    func createDepartments() throws {
        guard layout != .indicatorSummary, !layout.isPolicy else { return }
        try createDepartments(from: """
            SELECT department_norm AS norm, department AS name, line_no AS ord
            FROM \(unsafeRaw: stage) WHERE batch_key = \(batch) AND department_norm IS NOT NULL
            """)
    }

    /// The same for departments the client collected while staging (`ProjectLedger`): a
    /// handful of names instead of an anti-join per staged row.
    func createDepartments(_ departments: [(norm: String, name: String)]) throws {
        guard !departments.isEmpty else { return }
        let json = try JSONSerialization.data(withJSONObject: departments.map { [$0.norm, $0.name] })
        try createDepartments(from: """
            SELECT e->>0 AS norm, e->>1 AS name, o AS ord
            FROM jsonb_array_elements(\(String(decoding: json, as: UTF8.self))::jsonb) WITH ORDINALITY AS t(e, o)
            """)
    }

    /// `source`: rows (norm, name, ord); per normalised name, the name of the lowest `ord` wins.
    private func createDepartments(from source: SQL) throws {
        try connection.execute("""
            INSERT INTO dw.dim_department (name)
            SELECT DISTINCT ON (s.norm) s.name
            FROM (\(source)) s
            WHERE NOT EXISTS (SELECT 1 FROM dw.dim_department_alias a WHERE a.alias_normalized = s.norm)
            ORDER BY s.norm, s.ord
            ON CONFLICT (name) DO NOTHING
            """)
        try connection.execute("""
            INSERT INTO dw.dim_department_alias (alias_normalized, alias, department_key)
            SELECT DISTINCT ON (s.norm) s.norm, s.name, d.department_key
            FROM (\(source)) s
            JOIN dw.dim_department d ON d.name = s.name
            WHERE NOT EXISTS (SELECT 1 FROM dw.dim_department_alias a WHERE a.alias_normalized = s.norm)
            ORDER BY s.norm, s.ord
            ON CONFLICT (alias_normalized) DO NOTHING
            """)
    }

    /// Projects: attributes the file gives replace the stored ones (latest wins) unless the
    /// project was last changed by a later month's file; what it leaves empty keeps its earlier value. One `MERGE`: one probe of `dim_project` per staged
    /// row for both the known and the new projects (an UPDATE and an anti-join INSERT probed
    /// twice). A staged (region, project) is unique (`ProjectLedger` rejects repeats; one month
    /// per file), so no project is matched twice.
    /// Only projects whose attributes change are written (`last_batch_key`: the batch that last
    /// changed them): counties restate every project every month, and rewriting all of them
    /// was the largest merge statement (each UPDATE leaves a dead row version and two index
    /// entries; dim_project grew to 5 dead rows per live one over the large corpus).
    func upsertProjects() throws {
        let undefined = "s.industry IS NULL AND s.category IS NULL"
        let assignments: [(column: String, value: String)] = [
            ("project_name", Self.projectName(new: "s.project_name", stored: "p.project_name")),
            ("department_key", "coalesce(s.alias_department_key, p.department_key)"),
            ("industry", "coalesce(s.industry, p.industry)"),
            ("category", "coalesce(s.category, p.category)"),
            ("is_industrial", "CASE WHEN \(undefined) THEN p.is_industrial ELSE s.is_industrial END"),
            ("is_manufacturing", "CASE WHEN \(undefined) THEN p.is_manufacturing ELSE s.is_manufacturing END"),
            ("is_infrastructure", "CASE WHEN \(undefined) THEN p.is_infrastructure ELSE s.is_infrastructure END"),
            ("infrastructure_type", "CASE WHEN \(undefined) THEN p.infrastructure_type ELSE s.infrastructure_type END"),
            ("is_real_estate", "CASE WHEN \(undefined) THEN p.is_real_estate ELSE s.is_real_estate END"),
            ("is_private", "coalesce(s.is_private, p.is_private)"),
            ("nature", "coalesce(s.nature, p.nature)"),
            ("total_investment_wan", "coalesce(s.total_investment_wan, p.total_investment_wan)"),
            ("start_date", "coalesce(s.start_date, p.start_date)"),
        ]
        let set = assignments.map { "\($0.column) = \($0.value)" }.joined(separator: ",\n        ")
        // numeric(20,6) in the table (V011), plain numeric in staging: compare what would be stored.
        let stored = assignments.map { $0.column == "total_investment_wan" ? "(\($0.value))::numeric(20, 6)" : $0.value }
        try connection.execute("""
            MERGE INTO dw.dim_project p
            USING (SELECT s.*, a.department_key AS alias_department_key
                   FROM etl.stage_project s
                   LEFT JOIN dw.dim_department_alias a ON a.alias_normalized = s.department_norm
                   WHERE s.batch_key = \(batch)) s
            ON p.region_key = s.region_key AND p.project_code = s.project_code
            WHEN MATCHED AND (\(unsafeRaw: assignments.map { "p." + $0.column }.joined(separator: ", ")))
                    IS DISTINCT FROM (\(unsafeRaw: stored.joined(separator: ", ")))
                 -- A re-sent older month does not turn a project back into what it was then.
                 AND s.month_key >= coalesce((SELECT b.month_key FROM etl.load_batch b WHERE b.batch_key = p.last_batch_key), 0)
                 THEN UPDATE SET
                \(unsafeRaw: set),
                last_batch_key = \(batch)
            WHEN NOT MATCHED THEN INSERT
                (region_key, project_code, project_name, department_key, industry, category,
                 is_industrial, is_manufacturing, is_private, is_infrastructure, infrastructure_type, is_real_estate,
                 nature, total_investment_wan, start_date, first_batch_key, last_batch_key)
            VALUES (s.region_key, s.project_code, s.project_name, s.alias_department_key, s.industry, s.category,
                   s.is_industrial, s.is_manufacturing, coalesce(s.is_private, false), s.is_infrastructure,
                   s.infrastructure_type, s.is_real_estate, s.nature, s.total_investment_wan, s.start_date,
                   \(batch), \(batch))
            """)
    }

    /// SQL for the name a project keeps: `new`, unless it is `stored` with characters lost to
    /// `?` (an ANSI export writes `?` for a character GBK has none for: `浦北县?祥路改造工程`
    /// replaced `浦北县𠮷祥路改造工程`), when `stored` stays — each `?` stands for exactly one
    /// character and the rest must be the same. The reader warns about such cells either way.
    static func projectName(new: String, stored: String) -> String {
        let pattern = "replace(replace(replace(replace(\(new), '\\', '\\\\'), '%', '\\%'), '_', '\\_'), '?', '_')"
        return "CASE WHEN strpos(\(new), '?') > 0 AND \(stored) LIKE \(pattern) THEN \(stored) ELSE \(new) END"
    }

    /// True when no project fact exists yet for any staged (region, month): the usual first
    /// load of a month. The fact insert then cannot conflict (staged (region, project, month)
    /// are unique: `ProjectLedger`) and skips the `ON CONFLICT` arbiter probe per row;
    /// were a conflict to arise anyway, the insert fails and the file's transaction with it.
    /// One query per staged pair (a county file has one), each planned with its values: an index
    /// probe. A single statement over all pairs got a generic plan that scanned all the facts
    /// whenever none matched (6 s over the large corpus).
    func noProjectFactsYet(_ pairs: Set<RegionMonth>) throws -> Bool {
        for pair in pairs {
            let found = try connection.query("""
                SELECT EXISTS (SELECT 1 FROM dw.fact_project_month
                               WHERE region_key = \(pair.region) AND month_key = \(pair.month)) AS found
                """).first?.bool("found") ?? true
            if found { return false }
        }
        return true
    }

    // MARK: - facts (latest wins; each fact points at the batch that gave it)

    /// `projectPairs`: the (region, month) pairs of a project file's rows (`ProjectLedger`).
    func upsertFacts(projectPairs: Set<RegionMonth> = []) throws {
        switch layout {
        case .projectProgress:
            _ = try upsertProjectFacts(pairs: projectPairs, staged: true, direct: DirectFacts(), returnKeys: false)
        case .indicatorSummary:
            try connection.execute("""
                INSERT INTO dw.fact_region_indicator_month
                    (region_key, indicator_key, month_key, ytd_value_wan, prior_ytd_value_wan, reported_yoy_pct, batch_key, line_no)
                SELECT s.region_key, i.indicator_key, s.month_key, s.ytd_value_wan, s.prior_ytd_value_wan,
                       s.reported_yoy_pct, \(batch), s.line_no
                FROM etl.stage_indicator s JOIN dw.dim_indicator i ON i.indicator_code = s.indicator_code
                WHERE s.batch_key = \(batch)
                ON CONFLICT (region_key, indicator_key, month_key) DO UPDATE SET
                    ytd_value_wan = excluded.ytd_value_wan, prior_ytd_value_wan = excluded.prior_ytd_value_wan,
                    reported_yoy_pct = excluded.reported_yoy_pct, batch_key = excluded.batch_key, line_no = excluded.line_no
                """)
        case .transferPayments:
            try connection.execute("""
                INSERT INTO dw.fact_transfer_payment_month
                    (region_key, department_key, fund_category, month_key, ytd_amount_wan, prior_ytd_amount_wan,
                     reported_yoy_pct, batch_key, line_no)
                SELECT s.region_key, a.department_key, s.fund_category, s.month_key, sum(s.ytd_amount_wan),
                       CASE WHEN count(*) = count(s.prior_ytd_amount_wan) THEN sum(s.prior_ytd_amount_wan) END,
                       CASE WHEN count(*) = 1 THEN max(s.reported_yoy_pct) END, \(batch), min(s.line_no)
                FROM etl.stage_transfer s
                LEFT JOIN dw.dim_department_alias a ON a.alias_normalized = s.department_norm
                WHERE s.batch_key = \(batch)
                GROUP BY s.region_key, a.department_key, s.fund_category, s.month_key
                ON CONFLICT (region_key, (coalesce(department_key, 0)), fund_category, month_key) DO UPDATE SET
                    ytd_amount_wan = excluded.ytd_amount_wan, prior_ytd_amount_wan = excluded.prior_ytd_amount_wan,
                    reported_yoy_pct = excluded.reported_yoy_pct, batch_key = excluded.batch_key, line_no = excluded.line_no
                """)
        case .targets:
            try connection.execute("""
                INSERT INTO dw.fact_target
                    (region_key, department_key, indicator_key, year, month_no, target_wan, rate_pct, batch_key, line_no)
                SELECT s.region_key, a.department_key, i.indicator_key, s.year, s.month_no, s.target_wan, s.rate_pct,
                       \(batch), s.line_no
                FROM etl.stage_target s
                JOIN dw.dim_indicator i ON i.indicator_code = s.indicator_code
                LEFT JOIN dw.dim_department_alias a ON a.alias_normalized = s.department_norm
                WHERE s.batch_key = \(batch)
                ON CONFLICT (region_key, (coalesce(department_key, 0)), indicator_key, year, month_no) DO UPDATE SET
                    target_wan = excluded.target_wan, rate_pct = excluded.rate_pct,
                    batch_key = excluded.batch_key, line_no = excluded.line_no
                """)
        case .centralBudget, .specialBonds, .reservePool:
            try PolicyMerge(connection: connection, batch: batch, layout: layout).upsertFacts()
        }
    }

    /// A project file's facts: the staged rows' (`staged`: any were staged) through the
    /// `dim_project` merge, then the rows `ProjectCache` placed (`direct`), copied with their keys.
    /// `returnKeys`: the (region, project key, line) of each staged row, for the cache.
    func upsertProjectFacts(pairs: Set<RegionMonth>, staged: Bool, direct: DirectFacts,
                            returnKeys: Bool) throws -> [(region: Int, key: Int, line: Int)] {
        var keys: [(region: Int, key: Int, line: Int)] = []
        if staged {
            try upsertProjects()
            var insert: SQL = """
                INSERT INTO dw.fact_project_month
                    (region_key, project_key, month_key, ytd_completed_wan, month_completed_wan, annual_plan_wan,
                     status, stall_reason, planned_restart, batch_key, line_no)
                SELECT s.region_key, p.project_key, s.month_key, s.ytd_completed_wan, s.month_completed_wan,
                       s.annual_plan_wan, s.status, s.stall_reason, s.planned_restart, \(batch), s.line_no
                FROM etl.stage_project s
                JOIN dw.dim_project p ON p.region_key = s.region_key AND p.project_code = s.project_code
                WHERE s.batch_key = \(batch)
                """
            if try !noProjectFactsYet(pairs) {
                insert = insert + """

                    ON CONFLICT (region_key, project_key, month_key) DO UPDATE SET
                        ytd_completed_wan = excluded.ytd_completed_wan, month_completed_wan = excluded.month_completed_wan,
                        annual_plan_wan = excluded.annual_plan_wan, status = excluded.status,
                        stall_reason = excluded.stall_reason, planned_restart = excluded.planned_restart,
                        batch_key = excluded.batch_key, line_no = excluded.line_no
                    """
            }
            if returnKeys {
                for row in try connection.query(insert + "\nRETURNING region_key, project_key, line_no").rows {
                    if let region = try row.int("region_key"), let key = try row.int("project_key"), let line = try row.int("line_no") {
                        keys.append((region, key, line))
                    }
                }
            } else {
                try connection.execute(insert)
            }
        }
        // The loader sends rows here only for a (region, month) without facts before this file,
        // and a staged row never names a project of a direct one (`ProjectLedger`): no conflict.
        try direct.copy(connection, batch: batch)
        return keys
    }

    /// Facts of an indicator, transfer or targets sheet that a loaded batch of ANOTHER scope gave
    /// (a city-wide sheet restating a county's own sheet, or the other way round): one warning
    /// per such batch. Supersede handles the same scope; these are replaced fact by fact.
    func replacedElsewhere(scope: String) throws -> [SheetWarning] {
        guard let (match, department) = stagedFactMatch() else { return [] }
        let rows = try connection.query(SQL(unsafeRaw: """
            SELECT f.batch_key, b.file_name, count(DISTINCT f.*) AS n
            FROM \(match)
            JOIN etl.load_batch b ON b.batch_key = f.batch_key
            WHERE s.batch_key = 
            """) + "\(batch) AND b.scope <> \(scope)" + SQL(unsafeRaw: department) + " GROUP BY f.batch_key, b.file_name ORDER BY f.batch_key")
        return try rows.rows.map { row in
            let key = try row.int("batch_key") ?? 0, n = try row.int("n") ?? 0
            let file = Self.fileName(row)
            return SheetWarning(line: nil, message: "替换了批次 \(key)（\(file)）的 \(n) 个数 / replaces \(n) figures of batch \(key) (\(file)), "
                                + "another file's for the same regions and month: the latest file wins")
        }
    }

    /// An indicator row without a year-to-date value (a sheet giving only the rate, or one whose
    /// value column was not recognised) whose stored fact has one: the row is not loaded, the
    /// stored fact stays (a `本季度 | 增速` sheet left 钦南区 without its figure: it dropped out of
    /// YoY and rankings, and the city fell back to the project sum). One warning per batch whose
    /// figures were kept; the kept facts' keys, which the supersede must not delete either.
    func keepStoredValues() throws -> (warnings: [SheetWarning], kept: [(region: Int, indicator: Int, month: Int)]) {
        guard layout == .indicatorSummary else { return ([], []) }
        let rows = try connection.query("""
            DELETE FROM etl.stage_indicator s
            USING dw.dim_indicator i, dw.fact_region_indicator_month f, etl.load_batch b
            WHERE s.batch_key = \(batch) AND s.ytd_value_wan IS NULL AND i.indicator_code = s.indicator_code
              AND f.region_key = s.region_key AND f.indicator_key = i.indicator_key AND f.month_key = s.month_key
              AND f.ytd_value_wan IS NOT NULL AND b.batch_key = f.batch_key
            RETURNING s.line_no, f.region_key, f.indicator_key, f.month_key, f.batch_key, b.file_name
            """).rows
        var kept: [(region: Int, indicator: Int, month: Int)] = []
        var byBatch: [Int: (file: String, n: Int)] = [:]
        var lines: [Int: Int] = [:]  // line → the batch whose figure stayed
        for row in rows {
            guard let r = try row.int("region_key"), let i = try row.int("indicator_key"), let m = try row.int("month_key"),
                  let b = try row.int("batch_key"), let line = try row.int("line_no") else { continue }
            kept.append((r, i, m))
            byBatch[b] = (Self.fileName(row), (byBatch[b]?.n ?? 0) + 1)
            lines[line] = b
        }
        // A line none of whose figures is left to load is skipped, saying whose figure stayed
        // (it was counted as loaded); a line with another indicator left is loaded.
        for (line, b) in lines.sorted(by: { $0.key < $1.key }) {
            try connection.execute("""
                INSERT INTO etl.skipped_row (batch_key, line_no, kind, reason)
                SELECT \(batch), \(line), 'kept', \("no year-to-date value (only a rate): the stored figure of batch \(b) (\(byBatch[b]?.file ?? "")) is kept")
                WHERE NOT EXISTS (SELECT 1 FROM etl.stage_indicator WHERE batch_key = \(batch) AND line_no = \(line))
                """)
        }
        let warnings = byBatch.keys.sorted().map { b in
            let (file, n) = byBatch[b]!
            return SheetWarning(line: nil, message: "\(n) 行没有本年累计值（只有增速），保留批次 \(b)（\(file)）的数 / \(n) rows without a "
                                + "year-to-date value (only a rate) did not replace the figures of batch \(b) (\(file)) for the same "
                                + "regions and month: a row without a value never replaces one that has it")
        }
        return (warnings, kept)
    }

    /// A region's year-to-date figure more than three times, or less than a third of, its
    /// figure of the month before (a slipped decimal point: 9,610,680.7 for 961,068.07 made the
    /// city's growth 158 % in the bulletin headline, with no word). Loaded as written, with a
    /// warning per figure (at most five); only from March on, when the months before carry weight.
    func implausibleJumps() throws -> [SheetWarning] {
        guard layout == .indicatorSummary else { return [] }
        return try connection.query("""
            SELECT s.line_no, r.name AS region, i.name_zh AS indicator, s.ytd_value_wan::numeric(20, 2)::text AS now,
                   p.ytd_value_wan::numeric(20, 2)::text AS before, (s.ytd_value_wan / p.ytd_value_wan)::numeric(20, 1)::text AS ratio
            FROM etl.stage_indicator s
            JOIN dw.dim_indicator i ON i.indicator_code = s.indicator_code
            JOIN dw.dim_region r ON r.region_key = s.region_key
            JOIN dw.fact_region_indicator_month p ON p.region_key = s.region_key AND p.indicator_key = i.indicator_key
                 AND p.month_key = s.month_key - 1
            WHERE s.batch_key = \(batch) AND s.month_key % 100 >= 3 AND p.ytd_value_wan > 0 AND s.ytd_value_wan > 0
              AND (s.ytd_value_wan > 3 * p.ytd_value_wan OR 3 * s.ytd_value_wan < p.ytd_value_wan)
            ORDER BY s.line_no LIMIT 5
            """).rows.map { row in
            let line = try row.int("line_no")
            let (region, indicator) = (row["region"] ?? "", row["indicator"] ?? "")
            let (now, before, ratio) = (row["now"] ?? "", row["before"] ?? "", row["ratio"] ?? "")
            return SheetWarning(line: line, message: "\(region)\(indicator)本年累计 \(now) 万元，为上月 \(before) 万元的 \(ratio) 倍，"
                                + "请核对（小数点或单位？） / \(region)'s \(indicator) year to date \(now) 万元 is \(ratio) times "
                                + "last month's \(before) 万元: a slipped decimal point or unit? Loaded as written")
        }
    }

    /// Keeps the facts of other batches this batch is about to replace fact by fact (V022), so
    /// that reverting it puts them back: a county's correction of the city's sheet, a sheet
    /// restating a few of another's regions. Before the facts are merged.
    @discardableResult
    func keepReplacedFacts() throws -> Int {
        let table = Self.factTable(layout)
        if layout == .projectProgress {
            return try connection.execute(SQL(unsafeRaw: """
                INSERT INTO etl.replaced_fact (replaced_by, fact_table, region_key, batch_key, fact)
                SELECT \(batch), '\(table)', f.region_key, f.batch_key, to_jsonb(f)
                FROM etl.stage_project s
                JOIN dw.dim_project p ON p.region_key = s.region_key AND p.project_code = s.project_code
                JOIN dw.fact_project_month f ON f.region_key = p.region_key AND f.project_key = p.project_key
                                            AND f.month_key = s.month_key
                WHERE s.batch_key = \(batch) AND f.batch_key <> \(batch)
                """))
        }
        guard let (match, department) = stagedFactMatch() else { return 0 }
        return try connection.execute(SQL(unsafeRaw: """
            INSERT INTO etl.replaced_fact (replaced_by, fact_table, region_key, batch_key, fact)
            SELECT \(batch), '\(table)', f.region_key, f.batch_key, to_jsonb(f)
            FROM (SELECT DISTINCT f.* FROM \(match)
                  WHERE s.batch_key = \(batch) AND f.batch_key <> \(batch)\(department)) f
            """))
    }

    /// Projects this batch restated that another file, still loaded, also gives for the month
    /// (the transport bureau's sheet and the county's): one warning per such file, saying how
    /// many figures differ. After the supersede (a revision's predecessor is not another file).
    func projectsSharedWithOtherFiles(kept: Int) throws -> [SheetWarning] {
        guard layout == .projectProgress, kept > 0 else { return [] }
        return try connection.query("""
            SELECT x.batch_key, b.file_name, count(*) AS n,
                   count(*) FILTER (WHERE (x.fact->>'ytd_completed_wan')::numeric IS DISTINCT FROM f.ytd_completed_wan) AS differ
            FROM etl.replaced_fact x
            JOIN etl.load_batch b ON b.batch_key = x.batch_key AND b.status = 'loaded'
            JOIN dw.fact_project_month f ON f.region_key = x.region_key AND f.project_key = (x.fact->>'project_key')::bigint
                                        AND f.month_key = (x.fact->>'month_key')::integer
            WHERE x.replaced_by = \(batch) AND x.fact_table = 'dw.fact_project_month'
            GROUP BY x.batch_key, b.file_name ORDER BY x.batch_key
            """).rows.map { row in
            let key = try row.int("batch_key") ?? 0, n = try row.int("n") ?? 0, differ = try row.int("differ") ?? 0
            let file = Self.fileName(row)
            return SheetWarning(line: nil, message: "批次 \(key)（\(file)）也报了其中 \(n) 个项目，\(differ) 个数值不同，以本文件为准 / "
                                + "\(n) of its projects are in batch \(key) (\(file)) too, \(differ) with another year-to-date "
                                + "figure: the latest file wins; that file's figures come back if this batch is reverted")
        }
    }

    /// Every fact table: the project facts, the region-keyed layouts', the policy sheets'.
    static let factTables = ["dw.fact_project_month", "dw.fact_region_indicator_month", "dw.fact_transfer_payment_month",
                             "dw.fact_target"] + PolicyMerge.factTables

    /// The last part of a batch row's `file_name`, as warnings name a file.
    /// `{1,2,3}`: integers as an array literal, bound as text and cast (`::bigint[]`), so a
    /// list is one parameter whatever its length.
    static func arrayLiteral(_ values: [Int]) -> String {
        "{" + values.map(String.init).joined(separator: ",") + "}"
    }

    static func fileName(_ row: PostgresClient.Row) -> String {
        (row["file_name"] ?? "").split(separator: "/").last.map(String.init) ?? ""
    }

    static func factTable(_ layout: SheetLayout) -> String {
        switch layout {
        case .indicatorSummary: return "dw.fact_region_indicator_month"
        case .transferPayments: return "dw.fact_transfer_payment_month"
        case .targets: return "dw.fact_target"
        default: return "dw.fact_project_month"
        }
    }

    /// The fact rows of this layout matching a staged row (`f`, `s`), and the department
    /// condition; nil for the layouts replaced as a whole.
    private func stagedFactMatch() -> (match: String, department: String)? {
        let match: String
        switch layout {
        case .indicatorSummary:
            match = """
                dw.fact_region_indicator_month f
                JOIN dw.dim_indicator i ON i.indicator_key = f.indicator_key
                JOIN etl.stage_indicator s ON s.region_key = f.region_key AND s.indicator_code = i.indicator_code
                                          AND s.month_key = f.month_key
                """
        case .transferPayments:
            match = """
                dw.fact_transfer_payment_month f
                JOIN etl.stage_transfer s ON s.region_key = f.region_key AND s.fund_category = f.fund_category
                                         AND s.month_key = f.month_key
                LEFT JOIN dw.dim_department_alias a ON a.alias_normalized = s.department_norm
                """
        case .targets:
            match = """
                dw.fact_target f
                JOIN dw.dim_indicator i ON i.indicator_key = f.indicator_key
                JOIN etl.stage_target s ON s.region_key = f.region_key AND s.indicator_code = i.indicator_code
                                       AND s.year = f.year AND s.month_no = f.month_no
                LEFT JOIN dw.dim_department_alias a ON a.alias_normalized = s.department_norm
                """
        default:
            return nil
        }
        let department = layout == .indicatorSummary ? "" : " AND coalesce(a.department_key, 0) = coalesce(f.department_key, 0)"
        return (match, department)
    }

    /// Transfer units this batch gave whose month still holds another file's figure of a fund
    /// category this batch does not give (the county's 专项 beside the city sheet's 一般性 for
    /// the same county): latest wins per category, so the unit's total now adds two files. One
    /// warning per such figure, at most five.
    func unitsMixingFiles() throws -> [SheetWarning] {
        guard layout == .transferPayments else { return [] }
        let rows = try connection.query("""
            SELECT coalesce(d.name, r.name) AS unit, f.fund_category, f.ytd_amount_wan::numeric(20, 2)::text AS amount,
                   f.batch_key, b.file_name
            FROM dw.fact_transfer_payment_month f
            JOIN (SELECT DISTINCT s.region_key, a.department_key, s.month_key
                  FROM etl.stage_transfer s
                  LEFT JOIN dw.dim_department_alias a ON a.alias_normalized = s.department_norm
                  WHERE s.batch_key = \(batch)) u
              ON u.region_key = f.region_key AND coalesce(u.department_key, 0) = coalesce(f.department_key, 0)
             AND u.month_key = f.month_key
            JOIN etl.load_batch b ON b.batch_key = f.batch_key
            JOIN dw.dim_region r ON r.region_key = f.region_key
            LEFT JOIN dw.dim_department d ON d.department_key = f.department_key
            WHERE f.batch_key <> \(batch)
            ORDER BY 1, 2
            LIMIT 5
            """)
        return try rows.rows.map { row in
            let unit = row["unit"] ?? "?", category = row["fund_category"] ?? "?", amount = row["amount"] ?? "?"
            let key = try row.int("batch_key") ?? 0
            let file = Self.fileName(row)
            return SheetWarning(line: nil, message: "\(unit)的\(category) \(amount) 万元仍来自批次 \(key)（\(file)），本文件未报该类别 / "
                                + "\(unit)'s \(category) (\(amount) 万元) is still batch \(key)'s (\(file)): this file does not "
                                + "give that category, so the unit's total adds figures of two files")
        }
    }

    /// The loaded batches of this scope that this batch does not revise: it restates fewer than
    /// half of their units — projects of a project sheet, receiving units (region and department)
    /// of a transfer or targets sheet. Another bureau's project sheet of the same county and month
    /// (the 工信局's industrial projects beside the 发改局's key projects), a department's own
    /// transfers or targets beside the city's sheet of the counties, or another department's:
    /// superseding them deleted their figures without a word. A corrected sheet that drops or adds
    /// a row restates most of its predecessor's and still replaces it. Call before the facts are
    /// merged (a restated fact then still names the earlier batch). A project file with a loaded
    /// batch of its scope stages every row (no row of a month with facts is copied directly).
    ///
    /// Sheets of two offices (`BatchSender`, V023: the transport bureau's projects and the reform
    /// commission's city list, three shared of five and of six; the 工信局's five industrial
    /// projects, four of them in the 发改局's list) never revise each other.
    func unrelatedBatches(scope: String, sender: String?) throws -> [UnrelatedBatch] {
        let units: String, restated: String, what: String, whatEnglish: String
        switch layout {
        case .projectProgress:
            units = "SELECT DISTINCT f.region_key, f.project_key AS unit FROM dw.fact_project_month f WHERE f.batch_key = b.batch_key"
            restated = """
                EXISTS (SELECT 1 FROM etl.stage_project s
                        JOIN dw.dim_project p ON p.region_key = s.region_key AND p.project_code = s.project_code
                        WHERE s.batch_key = \(batch) AND p.region_key = u.region_key AND p.project_key = u.unit)
                """
            (what, whatEnglish) = ("项目", "projects")
        case .transferPayments, .targets:
            let (facts, stage) = layout == .targets ? ("dw.fact_target", "etl.stage_target")
                                                    : ("dw.fact_transfer_payment_month", "etl.stage_transfer")
            units = "SELECT DISTINCT f.region_key, coalesce(f.department_key, 0) AS unit FROM \(facts) f WHERE f.batch_key = b.batch_key"
            restated = """
                EXISTS (SELECT 1 FROM \(stage) s
                        LEFT JOIN dw.dim_department_alias a ON a.alias_normalized = s.department_norm
                        WHERE s.batch_key = \(batch) AND s.region_key = u.region_key AND coalesce(a.department_key, 0) = u.unit)
                """
            (what, whatEnglish) = ("单位", "receiving units")
        case .indicatorSummary:
            // A correction of one county (or a city sheet of the four counties) restates a few
            // regions of the statistics bureau's whole sheet: it replaces their figures (latest
            // wins per fact), not the regions it leaves out.
            units = "SELECT DISTINCT f.region_key, 0 AS unit FROM dw.fact_region_indicator_month f WHERE f.batch_key = b.batch_key"
            restated = "EXISTS (SELECT 1 FROM etl.stage_indicator s WHERE s.batch_key = \(batch) AND s.region_key = u.region_key)"
            (what, whatEnglish) = ("地区", "regions")
        default:
            return []
        }
        let query = SQL(unsafeRaw: """
            SELECT x.batch_key, x.file_name, x.shared, x.units, x.sender FROM (
                SELECT b.batch_key, b.file_name, b.sender,
                       (SELECT count(*) FILTER (WHERE \(restated)) FROM (\(units)) u) AS shared,
                       (SELECT count(*) FROM (\(units)) u) AS units
                FROM etl.load_batch b
                WHERE b.status = 'loaded' AND b.rows_loaded > 0 AND b.scope = 
            """) + "\(scope) AND b.batch_key <> \(batch)" + SQL(unsafeRaw: """

            ) x
            WHERE x.units > 0
            ORDER BY x.batch_key
            """)
        return try connection.query(query).rows.compactMap { row in
            let shared = try row.int("shared") ?? 0, units = try row.int("units") ?? 0
            var other: String?
            if shared * 2 >= units {
                guard let sender, let theirs = row["sender"], !BatchSender.same(sender, theirs) else { return nil }
                other = theirs
            }
            return UnrelatedBatch(batch: try row.int("batch_key") ?? 0,
                                  file: Self.fileName(row),
                                  shared: shared, units: units, what: what, whatEnglish: whatEnglish, otherSender: other)
        }
    }

    /// A project first reported under a temporary code (`灵山临时-2021-07`) that now comes with its
    /// unified code (`2021-450721-36-03-000102`) under the same name, in the same region, the
    /// temporary code gone from the file: the project takes the unified code and keeps its months
    /// (it became a second project, its key-project and stalled histories restarting). Only when
    /// the match is one to one and the unified code is new to the warehouse. Before the merge.
    func relinkTemporaryCodes(regions: Set<Int>) throws -> [(region: Int, old: String, new: String, name: String, line: Int)] {
        guard layout == .projectProgress, !regions.isEmpty else { return [] }
        let list = Self.arrayLiteral(regions.sorted())
        let unified = ProjectCodes.unifiedPattern
        return try connection.query("""
            WITH old AS (
                SELECT p.region_key, p.project_key, p.project_code, p.project_name
                FROM dw.dim_project p
                WHERE p.region_key = ANY(\(list)::bigint[]) AND p.project_code !~ \(unified)
                  AND NOT EXISTS (SELECT 1 FROM etl.stage_project o WHERE o.batch_key = \(batch)
                                  AND o.region_key = p.region_key AND o.project_code = p.project_code)
            ), cand AS (
                SELECT o.region_key, o.project_key, o.project_code AS old_code, s.project_code AS new_code,
                       s.project_name, s.line_no
                FROM old o
                JOIN etl.stage_project s ON s.batch_key = \(batch) AND s.region_key = o.region_key
                                        AND s.project_name = o.project_name
                WHERE s.project_code ~ \(unified)
                  AND NOT EXISTS (SELECT 1 FROM dw.dim_project q WHERE q.region_key = s.region_key AND q.project_code = s.project_code)
            ), one AS (
                SELECT c.* FROM cand c
                WHERE (SELECT count(*) FROM cand d WHERE d.region_key = c.region_key AND d.new_code = c.new_code) = 1
                  AND (SELECT count(*) FROM cand d WHERE d.project_key = c.project_key) = 1
            )
            UPDATE dw.dim_project p SET project_code = one.new_code, last_batch_key = \(batch)
            FROM one WHERE p.region_key = one.region_key AND p.project_key = one.project_key
            RETURNING one.region_key, one.old_code, one.new_code, one.project_name, one.line_no
            """).rows.map { row in
                (try row.int("region_key") ?? 0, row["old_code"] ?? "", row["new_code"] ?? "", row["project_name"] ?? "",
                 try row.int("line_no") ?? 0)
            }
    }

    // MARK: - supersede and summaries

    /// Marks the loaded batches of the same scope superseded by this one and deletes their
    /// facts that this batch did not restate (restated ones already point here). Returns the
    /// superseded batches and the (region, month) pairs of the project facts it removed.
    /// `keep`: loaded batches of the scope that stay loaded all the same (`unrelatedBatches`).
    /// `keptFacts`: indicator facts of those batches that this one restated without a value
    /// (`keepStoredValues`): they stay.
    func supersede(scope: String, indicators: String?, keep: [Int] = [],
                   keptFacts: [(region: Int, indicator: Int, month: Int)] = []) throws -> (batches: [Int], pairs: Set<RegionMonth>) {
        let old = try connection.query("""
            SELECT batch_key FROM etl.load_batch
            WHERE scope = \(scope) AND status = 'loaded' AND batch_key <> \(batch)
              AND \(Self.coveredBy(indicators))
            ORDER BY batch_key
            """).rows.compactMap { try $0.int("batch_key") }.filter { !keep.contains($0) }
        guard !old.isEmpty else { return ([], []) }
        let list = Self.arrayLiteral(old)
        var touched = Set<RegionMonth>()
        if layout == .projectProgress {
            touched = try pairs(connection.query("""
                DELETE FROM dw.fact_project_month WHERE batch_key = ANY(\(list)::bigint[])
                RETURNING region_key, month_key
                """))
        }
        var deleteIndicators: SQL = "DELETE FROM dw.fact_region_indicator_month WHERE batch_key = ANY(\(list)::bigint[])"
        if !keptFacts.isEmpty {
            deleteIndicators.append("""
                 AND (region_key, indicator_key, month_key) NOT IN (
                    SELECT * FROM unnest(\(Self.arrayLiteral(keptFacts.map(\.region)))::bigint[],
                                         \(Self.arrayLiteral(keptFacts.map(\.indicator)))::bigint[],
                                         \(Self.arrayLiteral(keptFacts.map(\.month)))::int[]))
                """)
        }
        try connection.execute(deleteIndicators)
        try connection.execute("DELETE FROM dw.fact_transfer_payment_month WHERE batch_key = ANY(\(list)::bigint[])")
        try connection.execute("DELETE FROM dw.fact_target WHERE batch_key = ANY(\(list)::bigint[])")
        try PolicyMerge.deleteFacts(connection, batches: list)
        try connection.execute("""
            UPDATE etl.load_batch SET status = 'superseded', superseded_by = \(batch)
            WHERE batch_key = ANY(\(list)::bigint[])
            """)
        try connection.execute("UPDATE etl.load_batch SET supersedes = \(old.last!) WHERE batch_key = \(batch)")
        touched.formUnion(try Self.restoreReplacedFacts(connection, replacedBy: old).pairs)
        return (old, touched)
    }

    /// Facts that `batches` had replaced fact by fact (V022) and that now have no fact in their
    /// place, put back where their own batch is still loaded: the batches went (reverted, or
    /// superseded by a revision that does not give those facts), the earlier file still gives
    /// them. Returns how many, and the project facts' (region, month) pairs.
    static func restoreReplacedFacts(_ connection: Connection, replacedBy batches: [Int]) throws -> (count: Int, pairs: Set<RegionMonth>) {
        let list = arrayLiteral(batches)
        var count = 0
        var pairs = Set<RegionMonth>()
        // Nearly always none: one look before four statements.
        guard try !connection.query("""
            SELECT 1 FROM etl.replaced_fact WHERE replaced_by = ANY(\(list)::bigint[]) LIMIT 1
            """).rows.isEmpty else { return (0, []) }
        for table in factTables {
            let rows = try connection.query(SQL(unsafeRaw: """
                INSERT INTO \(table)
                SELECT (jsonb_populate_record(NULL::\(table), x.fact)).*
                FROM (SELECT DISTINCT ON (x.fact) x.fact FROM etl.replaced_fact x
                      JOIN etl.load_batch b ON b.batch_key = x.batch_key AND b.status = 'loaded'
                      WHERE x.fact_table = '\(table)' AND x.replaced_by = ANY('\(list)'::bigint[])) x
                ON CONFLICT DO NOTHING
                RETURNING region_key, \(table == "dw.fact_target" ? "0" : "month_key") AS month_key
                """)).rows
            count += rows.count
            if table == "dw.fact_project_month" {
                for row in rows {
                    if let region = try row.int("region_key"), let month = try row.int("month_key") {
                        pairs.insert(RegionMonth(region: region, month: month))
                    }
                }
            }
        }
        return (count, pairs)
    }

    /// Recomputes the loader-maintained project summaries for the given pairs, in one statement,
    /// then the report summaries built on them (V008: stalled list, YTD series; an
    /// indicator-summary batch refreshes its month even without project pairs).
    func refreshAggregates(_ pairs: Set<RegionMonth>) throws {
        // Statistics first (V014): on a fresh warehouse the summaries' statements were planned
        // against tables never analyzed (one-row estimates, nested loops over a region's facts)
        // until autovacuum came by, up to a minute later: 9 min instead of 24 s for the corpus.
        try connection.execute("SELECT dw.analyze_stale_tables()")
        let sorted = pairs.sorted { ($0.region, $0.month) < ($1.region, $1.month) }
        let regions = Self.arrayLiteral(sorted.map(\.region))
        let months = Self.arrayLiteral(sorted.map(\.month))
        if !pairs.isEmpty {
            try connection.execute("""
                SELECT dw.refresh_project_aggregates(t.r, t.m)
                FROM unnest(\(regions)::bigint[], \(months)::integer[]) AS t(r, m)
                """)
        }
        try connection.execute("""
            SELECT dw.refresh_report_summaries(\(batch), \(regions)::bigint[], \(months)::integer[])
            """)
    }

    private func pairs(_ result: QueryResult) throws -> Set<RegionMonth> {
        var set = Set<RegionMonth>()
        for row in result.rows {
            if let region = try row.int("region_key"), let month = try row.int("month_key") {
                set.insert(RegionMonth(region: region, month: month))
            }
        }
        return set
    }
}

struct RegionMonth: Hashable, Sendable {
    var region: Int
    var month: Int
}

/// A loaded batch of the scope that a new batch does not revise (`Merge.unrelatedBatches`).
struct UnrelatedBatch {
    var batch: Int
    var file: String
    var shared: Int
    var units: Int
    var what: String
    var whatEnglish: String
    /// Set when it is kept because another office sent it (it shares at least half).
    var otherSender: String?
}
