import Foundation
import InvestmentQueries
import PostgresClient

/// Inserts dimensions and facts directly (as the loader would leave them) into a fresh
/// migrated database, so each test states its data and its hand-computed expectations.
struct Fixture {
    let db: Connection
    let batch: Int

    init(_ db: Connection) throws {
        self.db = db
        let file = try db.query("""
            INSERT INTO etl.source_file (sha256, file_name, size_bytes)
            VALUES (\(String(repeating: "ab", count: 32)), 'fixture.csv', 0) RETURNING source_file_key
            """).first!.int("source_file_key")!
        batch = try db.query("""
            INSERT INTO etl.load_batch (source_file_key, layout, month_key, scope, status)
            VALUES (\(file), 'indicator-summary', 202206, 'fixture', 'loading') RETURNING batch_key
            """).first!.int("batch_key")!
    }

    var queries: InvestmentQueries { InvestmentQueries(connection: db) }

    func regionKey(_ code: String) throws -> Int {
        try db.query("SELECT region_key FROM dw.dim_region WHERE region_code = \(code)").first!.int("region_key")!
    }

    func indicatorKey(_ code: String) throws -> Int {
        try db.query("SELECT indicator_key FROM dw.dim_indicator WHERE indicator_code = \(code)").first!.int("indicator_key")!
    }

    func departmentKey(_ name: String) throws -> Int {
        try db.query("SELECT department_key FROM dw.dim_department WHERE name = \(name)").first!.int("department_key")!
    }

    /// A region-indicator row from an indicator-summary sheet, then the loader's YTD refresh of its month.
    func summary(_ region: String, _ month: Int, ytd: Decimal?, prior: Decimal? = nil,
                 reportedYoY: Decimal? = nil, indicator: String = "fai") throws {
        try db.execute("""
            INSERT INTO dw.fact_region_indicator_month
                (region_key, indicator_key, month_key, ytd_value_wan, prior_ytd_value_wan, reported_yoy_pct, batch_key, line_no)
            VALUES (\(try regionKey(region)), \(try indicatorKey(indicator)), \(month), \(ytd), \(prior), \(reportedYoY), \(batch), 1)
            """)
        try db.execute("SELECT dw.refresh_ytd_summary(\(Int32(month)))")
    }

    /// A project; returns its key.
    @discardableResult
    func project(_ region: String, _ code: String, department: String? = nil, category: String? = nil,
                 industrial: Bool = false) throws -> Int {
        let dept = try department.map { try departmentKey($0) }
        return try db.query("""
            INSERT INTO dw.dim_project (region_key, project_code, project_name, department_key, category, is_industrial)
            VALUES (\(try regionKey(region)), \(code), \("项目" + code), \(dept), \(category), \(industrial))
            RETURNING project_key
            """).first!.int("project_key")!
    }

    /// A project-month row, then the loader's summary refreshes for that region and month.
    func progress(_ region: String, project: Int, _ month: Int, ytd: Decimal) throws {
        let key = try regionKey(region)
        try db.execute("""
            INSERT INTO dw.fact_project_month (region_key, project_key, month_key, ytd_completed_wan, batch_key, line_no)
            VALUES (\(key), \(project), \(month), \(ytd), \(batch), 1)
            """)
        try db.execute("SELECT dw.refresh_project_aggregates(\(key), \(Int32(month)))")
        try db.execute("SELECT dw.refresh_report_summaries(\(batch), \("{\(key)}")::bigint[], \("{\(month)}")::integer[])")
    }

    func transfer(_ region: String, department: String? = nil, category: String = "", _ month: Int,
                  ytd: Decimal, prior: Decimal? = nil) throws {
        let dept = try department.map { try departmentKey($0) }
        try db.execute("""
            INSERT INTO dw.fact_transfer_payment_month
                (region_key, department_key, fund_category, month_key, ytd_amount_wan, prior_ytd_amount_wan, batch_key, line_no)
            VALUES (\(try regionKey(region)), \(dept), \(category), \(month), \(ytd), \(prior), \(batch), 1)
            """)
    }

    func target(_ region: String, year: Int, monthNo: Int, target: Decimal?, rate: Decimal? = nil,
                indicator: String = "fai") throws {
        try db.execute("""
            INSERT INTO dw.fact_target (region_key, indicator_key, year, month_no, target_wan, rate_pct, batch_key, line_no)
            VALUES (\(try regionKey(region)), \(try indicatorKey(indicator)), \(Int32(year)), \(Int32(monthNo)),
                    \(target), \(rate), \(batch), 1)
            """)
    }

    func rate(_ indicator: String, year: Int, _ rate: Decimal) throws {
        try db.execute("""
            INSERT INTO dw.indicator_target_rate (indicator_key, year, rate_pct)
            VALUES (\(try indicatorKey(indicator)), \(Int32(year)), \(rate))
            """)
    }

    func setting(_ name: String, _ value: Decimal) throws {
        try db.execute("UPDATE dw.report_setting SET value = \(value) WHERE name = \(name)")
    }
}

/// Exact decimal from text (a Double literal would not be exact).
func dec(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

func month(_ text: String) -> ReportMonth { ReportMonth(parsing: text)! }

// Region codes of the seeded Qinzhou units.
let qinnan = "450702", qinbei = "450703", lingshan = "450721", pubei = "450722", port = "450700Z01", qinzhou = "450700"
