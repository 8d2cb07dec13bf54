import Foundation
import PostgresClient

/// A row of `analyst.central_budget_summary`: a region, or a city's total (`isTotal`).
public struct CentralBudgetSummaryRow: Sendable, Equatable {
    public var rowKind: String
    public var region: String
    public var regionCode: String
    public var month: String
    public var issuedThisYear: Decimal?
    public var issuedTarget: Decimal?
    public var issuedCompletionPct: Decimal?
    public var planAmount: Decimal?
    public var paidToDate: Decimal?
    public var paymentPct: Decimal?
    public var paymentTargetPct: Decimal?
    public var meetsPaymentTarget: Bool?
    public var planCount: Int?
    public var projectCount: Int?
    public var startedCount: Int?
    public var lateStartCount: Int?
    public var notStartedOverdueCount: Int?
    public var isTotal: Bool { rowKind == "total" }
}

/// A row of `analyst.central_budget_project`: one plan of one project.
public struct CentralBudgetProjectRow: Sendable, Equatable {
    public var region: String
    public var projectCode: String
    public var projectName: String
    public var month: String
    public var planIssuedDate: String
    public var planAmount: Decimal?
    public var paidToDate: Decimal?
    public var paymentPct: Decimal?
    public var startDate: String?
    public var startDeadline: String
    /// started | started_late | not_started_overdue | not_started
    public var startStatus: String
    public var lateStart: Bool
}

extension InvestmentQueries {
    static let centralBudgetMonths: SQL = "SELECT DISTINCT month FROM analyst.central_budget_project ORDER BY month"

    /// Regions with central-budget plans in `month`, then each city's total row.
    public func centralBudgetSummary(month: ReportMonth, region: RegionRef? = nil) throws -> [CentralBudgetSummaryRow] {
        var sql: SQL = """
            SELECT row_kind, region, region_code, month, issued_this_year_wan, issued_target_wan, issued_completion_pct,
                   plan_amount_wan, paid_to_date_wan, payment_pct, payment_target_pct, meets_payment_target,
                   plan_count, project_count, started_count, late_start_count, not_started_overdue_count
            FROM analyst.central_budget_summary s WHERE s.month_key = \(month.key)
            """
        if let region { sql.append(region.rowsOf("s")) }
        sql.append(" ORDER BY s.city_key, s.row_kind = 'total', s.sort_order, s.region")
        let result = try rows(sql).map { r in
            CentralBudgetSummaryRow(
                rowKind: r["row_kind"] ?? "", region: r["region"] ?? "", regionCode: r["region_code"] ?? "",
                month: r["month"] ?? "", issuedThisYear: try r.decimal("issued_this_year_wan"),
                issuedTarget: try r.decimal("issued_target_wan"), issuedCompletionPct: try r.decimal("issued_completion_pct"),
                planAmount: try r.decimal("plan_amount_wan"), paidToDate: try r.decimal("paid_to_date_wan"),
                paymentPct: try r.decimal("payment_pct"), paymentTargetPct: try r.decimal("payment_target_pct"),
                meetsPaymentTarget: try r.bool("meets_payment_target"), planCount: try r.int("plan_count"),
                projectCount: try r.int("project_count"), startedCount: try r.int("started_count"),
                lateStartCount: try r.int("late_start_count"), notStartedOverdueCount: try r.int("not_started_overdue_count"))
        }
        if result.isEmpty { throw try emptyMonthError(month, report: "central-budget", monthsWithData: Self.centralBudgetMonths) }
        return result
    }

    /// Every plan in `month`; `lateOnly`: only those not started within the deadline.
    public func centralBudgetProjects(month: ReportMonth, region: RegionRef? = nil, lateOnly: Bool = false) throws -> [CentralBudgetProjectRow] {
        var sql: SQL = """
            SELECT region, project_code, project_name, month, plan_issued_date::text AS plan_issued_date, plan_amount_wan,
                   paid_to_date_wan, payment_pct, start_date::text AS start_date, start_deadline::text AS start_deadline,
                   start_status, late_start
            FROM analyst.central_budget_project p WHERE p.month_key = \(month.key)
            """
        if let region { sql.append(region.rowsOf("p")) }
        if lateOnly { sql.append(" AND p.late_start") }
        sql.append(" ORDER BY p.city_key, p.sort_order, p.project_code, p.plan_issued_date")
        let result = try rows(sql).map { r in
            CentralBudgetProjectRow(
                region: r["region"] ?? "", projectCode: r["project_code"] ?? "", projectName: r["project_name"] ?? "",
                month: r["month"] ?? "", planIssuedDate: r["plan_issued_date"] ?? "", planAmount: try r.decimal("plan_amount_wan"),
                paidToDate: try r.decimal("paid_to_date_wan"), paymentPct: try r.decimal("payment_pct"),
                startDate: r["start_date"], startDeadline: r["start_deadline"] ?? "", startStatus: r["start_status"] ?? "",
                lateStart: try r.bool("late_start") ?? false)
        }
        if result.isEmpty, !lateOnly { throw try emptyMonthError(month, report: "central-budget", monthsWithData: Self.centralBudgetMonths) }
        return result
    }
}

/// The policy sheets whose city totals cover only the regions that reported in the month.
public enum PolicySheet: String, Sendable {
    case centralBudget = "dw.fact_central_budget_month"
    case specialBonds = "dw.fact_special_bond_month"
}

extension InvestmentQueries {
    /// Regions that gave such a sheet's figures earlier in `month`'s year but none in `month`
    /// (their sheet has not arrived, or the city's sheet left them out): the month's totals do
    /// not count their plans or bonds, which went silently (a city's 本年下达 fell from 4,050 to
    /// 1,600 between two months). In report order.
    public func regionsNotReported(_ sheet: PolicySheet, month: ReportMonth, region: RegionRef? = nil) throws -> [String] {
        var sql: SQL = """
            SELECT r.name FROM dw.dim_region r
            WHERE EXISTS (SELECT 1 FROM \(unsafeRaw: sheet.rawValue) f WHERE f.region_key = r.region_key
                          AND f.month_key / 100 = \(month.key / 100) AND f.month_key < \(month.key))
              AND NOT EXISTS (SELECT 1 FROM \(unsafeRaw: sheet.rawValue) f WHERE f.region_key = r.region_key
                              AND f.month_key = \(month.key))
            """
        if let region { sql.append(" AND (r.region_key = \(region.key) OR r.parent_key = \(region.key))") }
        sql.append(" ORDER BY r.sort_order, r.region_code")
        return try rows(sql).compactMap { $0["name"] }
    }
}
