import Foundation
import PostgresClient

/// One row of `analyst.target_progress`.
public struct TargetRow: Sendable, Equatable {
    public var region: String
    public var regionCode: String
    public var level: String
    public var indicator: String
    public var indicatorName: String
    public var month: String
    public var monthNo: Int
    public var ratePct: Decimal?
    public var rateSource: String?
    public var annualTarget: Decimal?
    public var annualTargetBasis: String?
    public var ytdTarget: Decimal?
    /// `monthly decomposition`, `last year seasonal profile` or `linear m/12`.
    public var ytdTargetBasis: String?
    public var ytdValue: Decimal?
    public var progressPct: Decimal?
    public var annualCompletionPct: Decimal?
    public var timeProgressPct: Decimal?
    public var aheadOfTimePP: Decimal?
    public var gap: Decimal?
    /// Nil in December.
    public var requiredMonthly: Decimal?
}

extension InvestmentQueries {
    /// Target tracking for `month`, every region with data (or `region` and its sub-regions),
    /// every indicator with a target unless `indicator` is given.
    public func targets(month: ReportMonth, indicator: IndicatorRef? = nil, region: RegionRef? = nil) throws -> [TargetRow] {
        var sql: SQL = """
            SELECT region, region_code, level, indicator_code, indicator_name, month, month_no, rate_pct, rate_source,
                   annual_target_wan, annual_target_basis, ytd_target_wan, ytd_target_basis, ytd_value_wan,
                   progress_pct, annual_completion_pct, time_progress_pct, ahead_of_time_pp, gap_wan,
                   required_monthly_wan
            FROM analyst.target_progress y
            WHERE y.month_key = \(month.key)
            """
        sql.append(Self.filters(indicator: indicator, region: region))
        sql.append(" ORDER BY (SELECT i.sort_order FROM analyst.indicator i WHERE i.indicator_key = y.indicator_key), \(unsafeRaw: Self.regionOrder), y.sort_order")
        let result = try rows(sql).map { row in
            TargetRow(
                region: row["region"] ?? "", regionCode: row["region_code"] ?? "", level: row["level"] ?? "",
                indicator: row["indicator_code"] ?? "", indicatorName: row["indicator_name"] ?? "",
                month: row["month"] ?? "", monthNo: try row.int("month_no") ?? 0,
                ratePct: try row.decimal("rate_pct"), rateSource: row["rate_source"],
                annualTarget: try row.decimal("annual_target_wan"), annualTargetBasis: row["annual_target_basis"],
                ytdTarget: try row.decimal("ytd_target_wan"), ytdTargetBasis: row["ytd_target_basis"],
                ytdValue: try row.decimal("ytd_value_wan"), progressPct: try row.decimal("progress_pct"),
                annualCompletionPct: try row.decimal("annual_completion_pct"),
                timeProgressPct: try row.decimal("time_progress_pct"),
                aheadOfTimePP: try row.decimal("ahead_of_time_pp"), gap: try row.decimal("gap_wan"),
                requiredMonthly: try row.decimal("required_monthly_wan"))
        }
        if result.isEmpty { throw try emptyMonthError(month, report: "target", monthsWithData: Self.seriesMonths,
                                                               indicator: region == nil ? indicator : nil) }
        return result
    }
}
