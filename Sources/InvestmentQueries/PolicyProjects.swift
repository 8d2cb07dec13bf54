import Foundation
import PostgresClient

/// A row of `analyst.key_project`: a key project in one month since the as-of month.
public struct KeyProjectRow: Sendable, Equatable {
    public var asOfMonth: String
    public var rank: Int
    public var region: String
    public var projectCode: String
    public var projectName: String
    public var department: String?
    public var asOfYTD: Decimal?
    public var month: String
    public var ytdCompleted: Decimal?
    public var monthCompleted: Decimal?
    public var annualPlan: Decimal?
    public var planCompletionPct: Decimal?
    public var sinceAsOf: Decimal?
    public var status: String?
}

/// A row of `analyst.stalled_project`.
public struct StalledProjectRow: Sendable, Equatable {
    public var region: String
    public var projectCode: String
    public var projectName: String
    public var department: String?
    public var month: String
    public var listedMonth: String
    public var status: String?
    public var isStalled: Bool
    public var stallReason: String?
    public var plannedRestartMonth: String?
    public var restarted: Bool
    public var restartedMonth: String?
    public var restartOverdue: Bool
}

/// A row of `analyst.stalled_region`: a region, or a city's total (`isTotal`).
public struct StalledRegionRow: Sendable, Equatable {
    public var rowKind: String
    public var region: String
    public var regionCode: String
    public var month: String
    public var listedCount: Int?
    public var stalledCount: Int?
    public var restartedCount: Int?
    public var restartOverdueCount: Int?
    public var newlyListedCount: Int?
    public var isTotal: Bool { rowKind == "total" }
}

/// A row of `analyst.reserve_pool_category`.
public struct ReservePoolRow: Sendable, Equatable {
    public var city: String
    public var month: String
    public var category: String
    public var projectCount: Int?
    public var totalInvestment: Decimal?
    public var upperFunds: Decimal?
    public var targetCount: Decimal?
    public var targetTotal: Decimal?
    public var targetUpperFunds: Decimal?
    public var fromPolicy: Bool?
    public var meetsCount: Bool?
    public var meetsTotal: Bool?
    public var meetsUpperFunds: Bool?
    public var meetsAll: Bool?
    public var countGap: Int?
    public var totalGap: Decimal?
    public var upperFundsGap: Decimal?
}

extension InvestmentQueries {
    /// The as-of month the key projects are picked at when none is chosen: the policy's month
    /// (key_project_as_of_month, June) of the report year, or the report month before it.
    public func defaultKeyProjectAsOf(month: ReportMonth) throws -> ReportMonth {
        let configured = try rows("""
            SELECT value FROM analyst.policy_target
            WHERE target_code = 'key_project_as_of_month' AND category = '' AND year = \(month.year)
            """).first.flatMap { try $0.decimal("value") }
        let asOf = configured.map { NSDecimalNumber(decimal: $0).intValue } ?? 6
        return ReportMonth(year: month.year, month: min(month.month, max(1, min(12, asOf)))) ?? month
    }

    /// The key projects picked at `asOf`, each with a row per month from `asOf` to `month`.
    public func keyProjects(month: ReportMonth, asOf: ReportMonth, region: RegionRef? = nil) throws -> [KeyProjectRow] {
        guard asOf.year == month.year, asOf <= month else {
            throw QueryError(.unsupported, "--as-of \(asOf) must be in \(month.year) and not after --month \(month)")
        }
        var sql: SQL = """
            SELECT as_of_month, key_rank, region, project_code, project_name, department, as_of_ytd_wan, month,
                   ytd_completed_wan, month_completed_wan, annual_plan_wan, plan_completion_pct, since_as_of_wan, status
            FROM analyst.key_project k
            WHERE k.as_of_month_key = \(asOf.key) AND k.month_key <= \(month.key)
            """
        // The list is the city's top N; a county or zone sees the city's key projects within it.
        if let region {
            sql.append(" AND k.region_key IN (SELECT descendant_key FROM analyst.region_closure WHERE ancestor_key = \(region.key))")
        }
        sql.append(" ORDER BY k.city_key, k.key_rank, k.month_key")
        let result = try rows(sql).map { r in
            KeyProjectRow(
                asOfMonth: r["as_of_month"] ?? "", rank: try r.int("key_rank") ?? 0, region: r["region"] ?? "",
                projectCode: r["project_code"] ?? "", projectName: r["project_name"] ?? "", department: r["department"],
                asOfYTD: try r.decimal("as_of_ytd_wan"), month: r["month"] ?? "",
                ytdCompleted: try r.decimal("ytd_completed_wan"), monthCompleted: try r.decimal("month_completed_wan"),
                annualPlan: try r.decimal("annual_plan_wan"), planCompletionPct: try r.decimal("plan_completion_pct"),
                sinceAsOf: try r.decimal("since_as_of_wan"), status: r["status"])
        }
        if result.isEmpty {
            throw try emptyMonthError(asOf, report: "project-progress (key projects)",
                                      monthsWithData: "SELECT DISTINCT as_of_month AS month FROM analyst.key_project ORDER BY 1")
        }
        return result
    }

    /// The stalled-project list in `month`; `stillStalledOnly` leaves out the restarted ones,
    /// `limit` keeps the first rows of the list's order (the bulletin's shortened list).
    public func stalledProjects(month: ReportMonth, region: RegionRef? = nil, stillStalledOnly: Bool = false,
                                limit: Int? = nil) throws -> [StalledProjectRow] {
        // The sort keys come first: the server sorts whole rows and reads the keys of each row
        // at every comparison; after the text columns that cost 20 of 55 ms for the 14,611
        // rows of a month at ten million facts. Months come as keys and are written here: the
        // view's to_char columns made the sorted rows wider and cost 10 ms more (benchmarks.md §6).
        let columns: SQL = """
            SELECT s.city_key, s.sort_order, s.restarted, s.listed_month_key, s.project_code,
                   region, project_name, department, status, is_stalled, stall_reason,
                   planned_restart_month, restarted_month_key, restart_overdue
            """
        var filter: SQL = "s.month_key = \(month.key)"
        if let region { filter.append(region.rowsOf("s")) }
        if stillStalledOnly { filter.append(" AND s.is_stalled") }
        let sql: SQL
        if stillStalledOnly, let limit {
            // The first N still stalled (the bulletin's list): each region's first N in order
            // through the partial index of V025, then the regions' in order. Taking them from
            // the month's whole list read and sorted 14,611 rows (28 ms at ten million facts).
            sql = columns + """
                 FROM dw.dim_region g CROSS JOIN LATERAL (
                    SELECT * FROM analyst.stalled_project s WHERE s.region_key = g.region_key AND \(filter)
                    ORDER BY s.listed_month_key, s.project_code LIMIT \(limit)) s
                 ORDER BY s.city_key, s.sort_order, s.listed_month_key, s.project_code LIMIT \(limit)
                """
        } else if let limit {
            sql = columns + """
                 FROM analyst.stalled_project s WHERE \(filter)
                 ORDER BY s.city_key, s.sort_order, s.restarted, s.listed_month_key, s.project_code LIMIT \(limit)
                """
        } else {
            // The whole list is sorted here: the server's sort of the 14,611 rows of a month at ten
            // million facts was 10 of its 27 ms; a limited list is sorted there (top N).
            sql = columns + " FROM analyst.stalled_project s WHERE \(filter)"
        }
        let thisMonth = month.description  // every row is of `month`
        var fetched = try rows(sql)
        guard let first = fetched.first else {
            try requireProjectMonth(month)
            return []
        }
        // Read by position: looking each column up by name hashed 200,000 names for the
        // 14,611 rows of a month at ten million facts.
        let c = StalledColumns(first)
        if limit == nil { try StalledListOrder.sort(&fetched, c) }
        // The list repeats a few regions, departments, statuses, reasons and months.
        var regions = RepeatedText(), departments = RepeatedText(), statuses = RepeatedText(),
            reasons = RepeatedText(), plannedMonths = RepeatedText()
        var monthTexts: [Int: String] = [:]
        func monthText(_ key: Int?) -> String? {
            guard let key else { return nil }
            if let text = monthTexts[key] { return text }
            let text = ReportMonth.text(key: key)
            monthTexts[key] = text
            return text
        }
        return try fetched.map { r in
            StalledProjectRow(
                region: r.string(at: c.region, reusing: &regions) ?? "", projectCode: r[c.projectCode] ?? "",
                projectName: r[c.projectName] ?? "", department: r.string(at: c.department, reusing: &departments),
                month: thisMonth, listedMonth: monthText(try r.int(at: c.listedMonthKey)) ?? "",
                status: r.string(at: c.status, reusing: &statuses), isStalled: try r.bool(at: c.isStalled) ?? false,
                stallReason: r.string(at: c.stallReason, reusing: &reasons),
                plannedRestartMonth: r.string(at: c.plannedRestartMonth, reusing: &plannedMonths),
                restarted: try r.bool(at: c.restarted) ?? false, restartedMonth: monthText(try r.int(at: c.restartedMonthKey)),
                restartOverdue: try r.bool(at: c.restartOverdue) ?? false)
        }
    }

    /// Counts per region (and the city total) in `month`.
    public func stalledRegions(month: ReportMonth, region: RegionRef? = nil) throws -> [StalledRegionRow] {
        var sql: SQL = """
            SELECT row_kind, region, region_code, month, listed_count, stalled_count, restarted_count,
                   restart_overdue_count, newly_listed_count
            FROM analyst.stalled_region s WHERE s.month_key = \(month.key)
            """
        if let region { sql.append(region.rowsOf("s")) }
        sql.append(" ORDER BY s.city_key, s.row_kind = 'total', s.sort_order")
        let result = try rows(sql).map { r in
            StalledRegionRow(
                rowKind: r["row_kind"] ?? "", region: r["region"] ?? "", regionCode: r["region_code"] ?? "",
                month: r["month"] ?? "", listedCount: try r.int("listed_count"), stalledCount: try r.int("stalled_count"),
                restartedCount: try r.int("restarted_count"), restartOverdueCount: try r.int("restart_overdue_count"),
                newlyListedCount: try r.int("newly_listed_count"))
        }
        if result.isEmpty { try requireProjectMonth(month) }
        return result
    }

    /// An empty stalled list is an answer when the month has project data; otherwise say so.
    private func requireProjectMonth(_ month: ReportMonth) throws {
        let months: SQL = "SELECT DISTINCT as_of_month AS month FROM analyst.key_project ORDER BY 1"
        if try rows("SELECT 1 AS x FROM analyst.key_project WHERE as_of_month_key = \(month.key) LIMIT 1").isEmpty {
            throw try emptyMonthError(month, report: "project-progress", monthsWithData: months)
        }
    }

    /// The reserve pool by category in `month`.
    public func reservePool(month: ReportMonth, region: RegionRef? = nil) throws -> [ReservePoolRow] {
        var sql: SQL = """
            SELECT city, month, category, project_count, total_investment_wan, upper_funds_wan, target_count, target_total_wan,
                   target_upper_funds_wan, from_policy, meets_count, meets_total, meets_upper_funds, meets_all, count_gap,
                   total_gap_wan, upper_funds_gap_wan
            FROM analyst.reserve_pool_category c WHERE c.month_key = \(month.key)
            """
        if let region { sql.append(" AND c.city_key IN (SELECT city_key FROM analyst.region_city WHERE region_key = \(region.key))") }
        sql.append(" ORDER BY c.city_key, c.sort_order, c.category")
        let result = try rows(sql).map { r in
            ReservePoolRow(
                city: r["city"] ?? "", month: r["month"] ?? "", category: r["category"] ?? "",
                projectCount: try r.int("project_count"), totalInvestment: try r.decimal("total_investment_wan"),
                upperFunds: try r.decimal("upper_funds_wan"), targetCount: try r.decimal("target_count"),
                targetTotal: try r.decimal("target_total_wan"), targetUpperFunds: try r.decimal("target_upper_funds_wan"),
                fromPolicy: try r.bool("from_policy"), meetsCount: try r.bool("meets_count"), meetsTotal: try r.bool("meets_total"),
                meetsUpperFunds: try r.bool("meets_upper_funds"), meetsAll: try r.bool("meets_all"),
                countGap: try r.int("count_gap"), totalGap: try r.decimal("total_gap_wan"),
                upperFundsGap: try r.decimal("upper_funds_gap_wan"))
        }
        if result.isEmpty {
            throw try emptyMonthError(month, report: "reserve-pool",
                                      monthsWithData: "SELECT DISTINCT month FROM analyst.reserve_pool_category ORDER BY month")
        }
        return result
    }
}

/// The stalled list's order, as the view's callers write it in SQL: `ORDER BY city_key,
/// sort_order, restarted, listed_month_key, project_code` (NULLs last, codes by their bytes
/// as under the warehouse's C collation); rows equal on every key keep the server's order.
/// Where each column of the stalled-list query is in its rows.
struct StalledColumns {
    let cityKey, sortOrder, restarted, listedMonthKey, projectCode, region, projectName, department, status,
        isStalled, stallReason, plannedRestartMonth, restartedMonthKey, restartOverdue: Int

    init(_ row: Row) {
        cityKey = row.position(of: "city_key"); sortOrder = row.position(of: "sort_order")
        restarted = row.position(of: "restarted"); listedMonthKey = row.position(of: "listed_month_key")
        projectCode = row.position(of: "project_code"); region = row.position(of: "region")
        projectName = row.position(of: "project_name"); department = row.position(of: "department")
        status = row.position(of: "status"); isStalled = row.position(of: "is_stalled")
        stallReason = row.position(of: "stall_reason"); plannedRestartMonth = row.position(of: "planned_restart_month")
        restartedMonthKey = row.position(of: "restarted_month_key"); restartOverdue = row.position(of: "restart_overdue")
    }
}

enum StalledListOrder {
    /// Plain values only, so sorting moves no reference counts: the code is where its bytes
    /// lie in one buffer of all the codes (sorting keys that held a `String` retained and
    /// released it at every move, 12% of `stalled`'s CPU at ten million facts).
    struct Key {
        let city: Int?
        let sortOrder: Int?
        let restarted: Bool?
        let listed: Int?
        let code: Range<Int>?
        /// The code's first 16 bytes as two big-endian words, zero-padded: most codes differ
        /// there, and comparing two words spares a `memcmp` (text has no NUL bytes, so the
        /// padding sorts a prefix first as the bytes do).
        var head: (UInt64, UInt64) = (0, 0)
        let position: Int
    }

    static func sort(_ rows: inout [Row], _ c: StalledColumns) throws {
        var keys: [Key] = []
        keys.reserveCapacity(rows.count)
        var codes: [UInt8] = []
        for (position, r) in rows.enumerated() {
            let code: Range<Int>? = r.withUTF8(at: c.projectCode) { bytes in
                let start = codes.count
                codes.append(contentsOf: bytes)
                return start..<codes.count
            }
            var key = Key(city: try r.int(at: c.cityKey), sortOrder: try r.int(at: c.sortOrder), restarted: try r.bool(at: c.restarted),
                          listed: try r.int(at: c.listedMonthKey), code: code, position: position)
            if let code { codes.withUnsafeBufferPointer { key.head = head(UnsafeBufferPointer(rebasing: $0[code])) } }
            keys.append(key)
        }
        // Positions are sorted, not the keys: moving 4 bytes instead of a 70-byte key.
        var order = (0..<Int32(keys.count)).map { $0 }
        keys.withUnsafeBufferPointer { keys in
            codes.withUnsafeBufferPointer { codes in
                order.sort { precedes(keys[Int($0)], keys[Int($1)], codes: codes) }
            }
        }
        rows = order.map { rows[Int($0)] }
    }

    static func precedes(_ a: Key, _ b: Key, codes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let order = compare(a.city, b.city) { return order }
        if let order = compare(a.sortOrder, b.sortOrder) { return order }
        if let order = compare(a.restarted.map { $0 ? 1 : 0 }, b.restarted.map { $0 ? 1 : 0 }) { return order }
        if let order = compare(a.listed, b.listed) { return order }
        switch (a.code, b.code) {
        case (nil, nil): break
        case (nil, _): return false
        case (_, nil): return true
        case let (x?, y?):
            if a.head != b.head { return a.head < b.head }
            if x.count <= 16 && y.count <= 16 { break }  // equal heads, no more bytes: equal codes
            if let order = bytesPrecede(UnsafeBufferPointer(rebasing: codes[x]), UnsafeBufferPointer(rebasing: codes[y])) {
                return order
            }
        }
        return a.position < b.position
    }

    static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        for (i, byte) in bytes.prefix(16).enumerated() {
            if i < 8 { words.0 |= UInt64(byte) << (56 - 8 * i) } else { words.1 |= UInt64(byte) << (56 - 8 * (i - 8)) }
        }
        return words
    }

    /// Byte order, as the C collation sorts UTF-8: one `memcmp`, a prefix first; nil when equal.
    static func bytesPrecede(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        let n = min(a.count, b.count)
        let order = n == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, n)
        if order != 0 { return order < 0 }
        return a.count == b.count ? nil : a.count < b.count
    }

    /// nil when equal; NULL sorts after every value (ascending, NULLS LAST).
    private static func compare(_ a: Int?, _ b: Int?) -> Bool? {
        if a == b { return nil }
        guard let a else { return false }
        guard let b else { return true }
        return a < b
    }
}
