import Foundation
import PostgresClient

/// A row of `analyst.special_bond_batch`: one issuance batch of a city in a month.
public struct SpecialBondBatchRow: Sendable, Equatable {
    public var city: String
    public var bondBatch: String
    public var month: String
    public var issueDate: String
    public var issueHalf: Int?
    public var useByDate: String
    public var daysToDeadline: Int?
    public var deadlinePassed: Bool?
    public var issued: Decimal?
    public var used: Decimal?
    public var usagePct: Decimal?
    public var usageTargetPct: Decimal?
    public var meetsUsageTarget: Bool?
    public var projectCount: Int?
    public var startedCount: Int?
    public var startRatePct: Decimal?
    public var laggingCount: Int?
}

/// A row of `analyst.special_bond_project`: a project's share of one batch.
public struct SpecialBondProjectRow: Sendable, Equatable {
    public var region: String
    public var projectCode: String
    public var projectName: String
    public var bondBatch: String
    public var month: String
    public var issueDate: String
    public var useByDate: String
    public var issued: Decimal?
    public var used: Decimal?
    public var usagePct: Decimal?
    public var timeProgressPct: Decimal?
    public var started: Bool
    public var laggingReason: String?
    public var lagging: Bool
}

extension InvestmentQueries {
    static let specialBondMonths: SQL = "SELECT DISTINCT month FROM analyst.special_bond_project ORDER BY month"

    public func specialBondBatches(month: ReportMonth, region: RegionRef? = nil) throws -> [SpecialBondBatchRow] {
        var sql: SQL = """
            SELECT city, bond_batch, month, issue_date::text AS issue_date, issue_half, use_by_date::text AS use_by_date,
                   days_to_deadline, deadline_passed, issued_wan, used_wan, usage_pct, usage_target_pct, meets_usage_target,
                   project_count, started_count, start_rate_pct, lagging_count
            FROM analyst.special_bond_batch b WHERE b.month_key = \(month.key)
            """
        // Batches are city-wide: a region narrows to its city.
        if let region {
            sql.append(" AND b.city_key IN (SELECT city_key FROM analyst.region_city WHERE region_key = \(region.key))")
        }
        sql.append(" ORDER BY b.city_key, b.issue_date, b.bond_batch")
        let result = try rows(sql).map { r in
            SpecialBondBatchRow(
                city: r["city"] ?? "", bondBatch: r["bond_batch"] ?? "", month: r["month"] ?? "",
                issueDate: r["issue_date"] ?? "", issueHalf: try r.int("issue_half"), useByDate: r["use_by_date"] ?? "",
                daysToDeadline: try r.int("days_to_deadline"), deadlinePassed: try r.bool("deadline_passed"),
                issued: try r.decimal("issued_wan"), used: try r.decimal("used_wan"), usagePct: try r.decimal("usage_pct"),
                usageTargetPct: try r.decimal("usage_target_pct"), meetsUsageTarget: try r.bool("meets_usage_target"),
                projectCount: try r.int("project_count"), startedCount: try r.int("started_count"),
                startRatePct: try r.decimal("start_rate_pct"), laggingCount: try r.int("lagging_count"))
        }
        if result.isEmpty { throw try emptyMonthError(month, report: "special-bond", monthsWithData: Self.specialBondMonths) }
        return result
    }

    /// Projects of every batch in `month`; `laggingOnly`: only lagging ones.
    public func specialBondProjects(month: ReportMonth, region: RegionRef? = nil, laggingOnly: Bool = false) throws -> [SpecialBondProjectRow] {
        var sql: SQL = """
            SELECT region, project_code, project_name, bond_batch, month, issue_date::text AS issue_date,
                   use_by_date::text AS use_by_date, issued_wan, used_wan, usage_pct, time_progress_pct, started,
                   lagging_reason, lagging
            FROM analyst.special_bond_project p WHERE p.month_key = \(month.key)
            """
        if let region { sql.append(region.rowsOf("p")) }
        if laggingOnly { sql.append(" AND p.lagging") }
        sql.append(" ORDER BY p.city_key, p.issue_date, p.bond_batch, p.sort_order, p.project_code")
        let result = try rows(sql).map { r in
            SpecialBondProjectRow(
                region: r["region"] ?? "", projectCode: r["project_code"] ?? "", projectName: r["project_name"] ?? "",
                bondBatch: r["bond_batch"] ?? "", month: r["month"] ?? "", issueDate: r["issue_date"] ?? "",
                useByDate: r["use_by_date"] ?? "", issued: try r.decimal("issued_wan"), used: try r.decimal("used_wan"),
                usagePct: try r.decimal("usage_pct"), timeProgressPct: try r.decimal("time_progress_pct"),
                started: try r.bool("started") ?? false, laggingReason: r["lagging_reason"], lagging: try r.bool("lagging") ?? false)
        }
        if result.isEmpty, !laggingOnly { throw try emptyMonthError(month, report: "special-bond", monthsWithData: Self.specialBondMonths) }
        return result
    }
}
