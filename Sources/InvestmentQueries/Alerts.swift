import Foundation
import PostgresClient

/// What the office does about a region this month.
public enum AlertAction: String, Sendable, CaseIterable {
    /// 表扬通报
    case praise
    /// 提醒函
    case reminder
    /// 约谈
    case interview
}

/// One row of `analyst.region_alerts`.
public struct AlertRow: Sendable, Equatable {
    public var region: String
    public var regionCode: String
    public var level: String
    public var indicator: String
    public var indicatorName: String
    public var month: String
    public var officialYoYPct: Decimal?
    public var ratePct: Decimal?
    public var gapPP: Decimal?
    public var progressPct: Decimal?
    public var rank: Int?
    public var peerCount: Int
    public var isLast: Bool
    public var previousReminder: Bool
    public var action: AlertAction?
}

extension InvestmentQueries {
    /// Alerts for `month` on every indicator with a growth target (or `indicator`), every region
    /// with data (or `region` and its sub-regions).
    public func alerts(month: ReportMonth, indicator: IndicatorRef? = nil, region: RegionRef? = nil) throws -> [AlertRow] {
        var sql: SQL = """
            SELECT region, region_code, level, indicator_code, indicator_name, month, official_yoy_pct, rate_pct,
                   gap_pp, progress_pct, rank, peer_count, is_last, prev_reminder_level, action
            FROM analyst.region_alerts y
            WHERE y.month_key = \(month.key)
            """
        sql.append(Self.filters(indicator: indicator, region: region))
        sql.append(" ORDER BY (SELECT i.sort_order FROM analyst.indicator i WHERE i.indicator_key = y.indicator_key), \(unsafeRaw: Self.regionOrder), rank NULLS LAST, y.sort_order")
        let result = try rows(sql).map { row in
            AlertRow(
                region: row["region"] ?? "", regionCode: row["region_code"] ?? "", level: row["level"] ?? "",
                indicator: row["indicator_code"] ?? "", indicatorName: row["indicator_name"] ?? "",
                month: row["month"] ?? "", officialYoYPct: try row.decimal("official_yoy_pct"),
                ratePct: try row.decimal("rate_pct"), gapPP: try row.decimal("gap_pp"),
                progressPct: try row.decimal("progress_pct"), rank: try row.int("rank"),
                peerCount: try row.int("peer_count") ?? 0, isLast: try row.bool("is_last") ?? false,
                previousReminder: try row.bool("prev_reminder_level") ?? false,
                action: row["action"].flatMap(AlertAction.init(rawValue:)))
        }
        if result.isEmpty { throw try emptyMonthError(month, report: "alert", monthsWithData: Self.seriesMonths,
                                                               indicator: region == nil ? indicator : nil) }
        return result
    }
}
