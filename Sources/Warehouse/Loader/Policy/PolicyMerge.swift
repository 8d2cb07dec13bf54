import PostgresClient
import SheetReader

/// The set-based merge of the policy layouts (issue 8), called from `Merge` for those layouts:
/// projects upserted into dim_project (latest name wins, attributes the sheet leaves empty keep
/// their value), then one INSERT … ON CONFLICT per fact table. A fixed number of statements per file.
struct PolicyMerge {
    let connection: Connection
    let batch: Int
    let layout: SheetLayout

    static func grain(_ layout: SheetLayout) -> String? {
        switch layout {
        case .centralBudget: return "region_key, project_code, plan_issued_date, month_key"
        case .specialBonds: return "region_key, project_code, bond_batch, month_key"
        case .reservePool: return "region_key, project_code, month_key"
        default: return nil
        }
    }

    static let describeRow = "project_code || ' ' || project_name"

    private var stage: String { PolicyStaging.table(layout)!.table }

    /// Reserve categories: a staged category is the configured one it equals or contains
    /// (`交通基础设施` → 交通, longest match first); a sub-section staged as `公路/交通` is its own
    /// category if configured, else its section's; anything else is rejected with the list.
    func rejectInvalid() throws {
        guard layout == .reservePool else { return }
        try connection.execute("""
            UPDATE etl.stage_reserve_project s SET reserve_category = m.category
            FROM (SELECT DISTINCT ON (s2.line_no) s2.line_no, c.category
                  FROM etl.stage_reserve_project s2
                  JOIN (SELECT DISTINCT category FROM dw.policy_target WHERE target_code LIKE 'reserve\\_%' AND category <> '') c
                    ON strpos(s2.reserve_category, c.category) > 0
                  WHERE s2.batch_key = \(batch)
                  ORDER BY s2.line_no, strpos(s2.reserve_category, c.category) > strpos(s2.reserve_category || '/', '/'),
                           length(c.category) DESC) m
            WHERE s.batch_key = \(batch) AND s.line_no = m.line_no
            """)
        try connection.execute("""
            INSERT INTO etl.rejected_row (batch_key, line_no, column_no, column_name, raw_text, reason)
            SELECT \(batch), s.line_no, NULL::integer, NULL::text, s.project_code || ' ' || s.reserve_category,
                   '未知储备类别 / unknown reserve category ' || s.reserve_category || '; known: '
                   || (SELECT string_agg(DISTINCT category, ', ') FROM dw.policy_target WHERE target_code LIKE 'reserve\\_%' AND category <> '')
            FROM etl.stage_reserve_project s
            WHERE s.batch_key = \(batch)
              AND NOT EXISTS (SELECT 1 FROM dw.policy_target t WHERE t.target_code LIKE 'reserve\\_%' AND t.category = s.reserve_category)
            ON CONFLICT (batch_key, line_no) DO NOTHING
            """)
    }

    /// One project per (region, code) from the staged rows (a project can have several plans
    /// or bond batches in one file: its first line speaks for it).
    private var projects: String {
        """
        SELECT DISTINCT ON (region_key, project_code) region_key, project_code, project_name, total_investment_wan, start_date
        FROM \(stage) WHERE batch_key = \(batch) ORDER BY region_key, project_code, line_no
        """
    }

    func upsertProjects() throws {
        try connection.execute("""
            UPDATE dw.dim_project p SET
                project_name = \(unsafeRaw: Merge.projectName(new: "s.project_name", stored: "p.project_name")),
                total_investment_wan = coalesce(s.total_investment_wan, p.total_investment_wan),
                start_date = coalesce(s.start_date, p.start_date),
                last_batch_key = \(batch)
            FROM (\(unsafeRaw: projects)) s
            WHERE p.region_key = s.region_key AND p.project_code = s.project_code
            """)
        try connection.execute("""
            INSERT INTO dw.dim_project (region_key, project_code, project_name, total_investment_wan, start_date,
                                        first_batch_key, last_batch_key)
            SELECT s.region_key, s.project_code, s.project_name, s.total_investment_wan, s.start_date, \(batch), \(batch)
            FROM (\(unsafeRaw: projects)) s
            WHERE NOT EXISTS (SELECT 1 FROM dw.dim_project p WHERE p.region_key = s.region_key AND p.project_code = s.project_code)
            """)
    }

    func upsertFacts() throws {
        try upsertProjects()
        try keepReplacedFacts()
        switch layout {
        case .centralBudget:
            try connection.execute("""
                INSERT INTO dw.fact_central_budget_month
                    (region_key, project_key, plan_issued_date, month_key, plan_amount_wan, paid_to_date_wan, start_date,
                     started, batch_key, line_no)
                SELECT s.region_key, p.project_key, s.plan_issued_date, s.month_key, s.plan_amount_wan, s.paid_to_date_wan,
                       s.start_date, s.started, \(batch), s.line_no
                FROM etl.stage_central_budget s
                JOIN dw.dim_project p ON p.region_key = s.region_key AND p.project_code = s.project_code
                WHERE s.batch_key = \(batch)
                ON CONFLICT (region_key, project_key, plan_issued_date, month_key) DO UPDATE SET
                    plan_amount_wan = excluded.plan_amount_wan, paid_to_date_wan = excluded.paid_to_date_wan,
                    start_date = excluded.start_date, started = excluded.started, batch_key = excluded.batch_key,
                    line_no = excluded.line_no
                """)
        case .specialBonds:
            try connection.execute("""
                INSERT INTO dw.fact_special_bond_month
                    (region_key, project_key, bond_batch, month_key, issue_date, issued_wan, used_wan, started, start_date,
                     batch_key, line_no)
                SELECT s.region_key, p.project_key, s.bond_batch, s.month_key, s.issue_date, s.issued_wan, s.used_wan,
                       s.started, s.start_date, \(batch), s.line_no
                FROM etl.stage_special_bond s
                JOIN dw.dim_project p ON p.region_key = s.region_key AND p.project_code = s.project_code
                WHERE s.batch_key = \(batch)
                ON CONFLICT (region_key, project_key, bond_batch, month_key) DO UPDATE SET
                    issue_date = excluded.issue_date, issued_wan = excluded.issued_wan, used_wan = excluded.used_wan,
                    started = excluded.started, start_date = excluded.start_date,
                    batch_key = excluded.batch_key, line_no = excluded.line_no
                """)
        case .reservePool:
            try connection.execute("""
                INSERT INTO dw.fact_reserve_project_month
                    (region_key, project_key, month_key, reserve_category, total_investment_wan, upper_funds_wan, batch_key, line_no)
                SELECT s.region_key, p.project_key, s.month_key, s.reserve_category, s.total_investment_wan,
                       s.upper_funds_wan, \(batch), s.line_no
                FROM etl.stage_reserve_project s
                JOIN dw.dim_project p ON p.region_key = s.region_key AND p.project_code = s.project_code
                WHERE s.batch_key = \(batch)
                ON CONFLICT (region_key, project_key, month_key) DO UPDATE SET
                    reserve_category = excluded.reserve_category, total_investment_wan = excluded.total_investment_wan,
                    upper_funds_wan = excluded.upper_funds_wan, batch_key = excluded.batch_key, line_no = excluded.line_no
                """)
        default:
            break
        }
    }

    /// Facts of superseded batches that the new batch did not restate.
    static func deleteFacts(_ connection: Connection, batches list: String) throws {
        for table in factTables {
            try connection.execute("DELETE FROM \(unsafeRaw: table) WHERE batch_key = ANY(\(list)::bigint[])")
        }
    }

    static let factTables = ["dw.fact_central_budget_month", "dw.fact_special_bond_month", "dw.fact_reserve_project_month"]

    /// Facts of other batches this one is about to replace (a county's sheet restating the city
    /// sheet's rows for its plans), kept so they come back when it goes (V022, `Merge.restoreReplacedFacts`).
    private func keepReplacedFacts() throws {
        let (table, key): (String, String)
        switch layout {
        case .centralBudget: (table, key) = ("dw.fact_central_budget_month", "plan_issued_date")
        case .specialBonds: (table, key) = ("dw.fact_special_bond_month", "bond_batch")
        case .reservePool: (table, key) = ("dw.fact_reserve_project_month", "month_key")
        default: return
        }
        try connection.execute(SQL(unsafeRaw: """
            INSERT INTO etl.replaced_fact (replaced_by, fact_table, region_key, batch_key, fact)
            SELECT DISTINCT ON (f.region_key, f.project_key, f.\(key), f.month_key)
                   \(batch), '\(table)', f.region_key, f.batch_key, to_jsonb(f)
            FROM \(stage) s
            JOIN dw.dim_project p ON p.region_key = s.region_key AND p.project_code = s.project_code
            JOIN \(table) f ON f.region_key = p.region_key AND f.project_key = p.project_key
                           AND f.\(key) = s.\(key) AND f.month_key = s.month_key
            WHERE s.batch_key = \(batch) AND f.batch_key <> \(batch)
            """))
    }
}
