import Foundation
import PostgresClient

/// One row of `analyst.yoy_region`: YoY growth of an indicator in a region for a month.
public struct YoYRow: Sendable, Equatable {
    public var region: String
    public var regionCode: String
    public var level: String
    public var indicator: String
    public var indicatorName: String
    /// `YYYY-MM`.
    public var month: String
    public var ytdValue: Decimal?
    /// The base used: the reported comparable value, else last year's YTD at the same month.
    public var priorYTDValue: Decimal?
    public var priorSource: String?
    public var yoyPct: Decimal?
    /// `no prior-year value` or `prior-year value is zero` when `yoyPct` is nil.
    public var yoyNullReason: String?
    public var reportedYoYPct: Decimal?
    public var yoyDiffPP: Decimal?
    public var yoyDiffFlag: Bool
    public var officialYoYPct: Decimal?
    public var officialSource: String?
    public var rank: Int?
    public var peerCount: Int
    public var isLast: Bool
    /// Where the YTD value comes from: indicator-summary, project-progress, sub-regions.
    public var source: String
    /// Peers that reported before but not this month (`、`-joined): no last place is judged.
    public var peersNotReported: String? = nil
}

/// YoY of a responsible department or a project category within a scope region.
public struct GroupYoYRow: Sendable, Equatable {
    public var scopeRegion: String
    public var scopeRegionCode: String
    /// The department or category name.
    public var group: String
    public var indicator: String
    public var indicatorName: String
    public var month: String
    public var ytdValue: Decimal?
    public var priorYTDValue: Decimal?
    public var yoyPct: Decimal?
    public var yoyNullReason: String?
    public var projectCount: Int
    public var rank: Int?
}

public enum Breakdown: String, CaseIterable, Sendable {
    case region, department, category
}

extension InvestmentQueries {
    /// YoY by region for `month`: every region with data, or `region` and the regions directly
    /// under it (the region first). `indicator` nil = every indicator.
    public func yoy(month: ReportMonth, indicator: IndicatorRef? = nil, region: RegionRef? = nil) throws -> [YoYRow] {
        var sql: SQL = """
            SELECT region, region_code, level, indicator_code, indicator_name, month, ytd_value_wan,
                   prior_ytd_value_wan, prior_source, yoy_pct, yoy_null_reason, reported_yoy_pct, yoy_diff_pp,
                   yoy_diff_flag, official_yoy_pct, official_source, rank, peer_count, is_last, source, peers_not_reported
            FROM analyst.yoy_region y
            WHERE y.month_key = \(month.key)
            """
        sql.append(Self.filters(indicator: indicator, region: region))
        sql.append(" ORDER BY (SELECT i.sort_order FROM analyst.indicator i WHERE i.indicator_key = y.indicator_key), \(unsafeRaw: Self.regionOrder), rank NULLS LAST, y.sort_order")
        let result = try rows(sql).map { row in
            YoYRow(
                region: row["region"] ?? "", regionCode: row["region_code"] ?? "", level: row["level"] ?? "",
                indicator: row["indicator_code"] ?? "", indicatorName: row["indicator_name"] ?? "",
                month: row["month"] ?? "", ytdValue: try row.decimal("ytd_value_wan"),
                priorYTDValue: try row.decimal("prior_ytd_value_wan"), priorSource: row["prior_source"],
                yoyPct: try row.decimal("yoy_pct"), yoyNullReason: row["yoy_null_reason"],
                reportedYoYPct: try row.decimal("reported_yoy_pct"), yoyDiffPP: try row.decimal("yoy_diff_pp"),
                yoyDiffFlag: try row.bool("yoy_diff_flag") ?? false,
                officialYoYPct: try row.decimal("official_yoy_pct"), officialSource: row["official_source"],
                rank: try row.int("rank"), peerCount: try row.int("peer_count") ?? 0,
                isLast: try row.bool("is_last") ?? false, source: row["source"] ?? "",
                peersNotReported: row["peers_not_reported"])
        }
        if result.isEmpty { throw try emptyMonthError(month, report: "YoY", monthsWithData: Self.seriesMonths,
                                                               indicator: region == nil ? indicator : nil) }
        return result
    }

    /// YoY by department or category, summed over `scope` and the regions below it (default: the
    /// smallest region holding all of the month's projects, normally the city).
    public func yoy(month: ReportMonth, by breakdown: Breakdown, indicator: IndicatorRef? = nil,
                    scope: RegionRef? = nil) throws -> [GroupYoYRow] {
        let view: String
        let groupColumn: String
        switch breakdown {
        case .region:
            throw QueryError(.unsupported, "use yoy(month:indicator:region:) for the breakdown by region")
        case .department: (view, groupColumn) = ("analyst.yoy_department", "department")
        case .category: (view, groupColumn) = ("analyst.yoy_category", "category")
        }
        let scopeKey: Int
        if let scope {
            scopeKey = scope.key
        } else {
            let pick = try rows("""
                SELECT scope_region_key FROM \(unsafeRaw: view)
                WHERE month_key = \(month.key) AND indicator_code = 'fai'
                GROUP BY scope_region_key, scope_level
                ORDER BY sum(project_count) DESC,
                         CASE scope_level WHEN 'province' THEN 1 WHEN 'city' THEN 2 ELSE 3 END DESC
                LIMIT 1
                """)
            guard let key = try pick.first?.int("scope_region_key") else {
                throw try emptyMonthError(month, report: "project (\(breakdown.rawValue))", monthsWithData: Self.projectMonths)
            }
            scopeKey = key
        }
        var sql: SQL = """
            SELECT scope_region, scope_region_code, \(unsafeRaw: groupColumn) AS grp, indicator_code, indicator_name,
                   month, ytd_value_wan, prior_ytd_value_wan, yoy_pct, yoy_null_reason, project_count, rank
            FROM \(unsafeRaw: view) y
            WHERE y.month_key = \(month.key) AND y.scope_region_key = \(scopeKey)
            """
        if let indicator { sql.append(" AND y.indicator_key = \(indicator.key)") }
        sql.append(" ORDER BY (SELECT i.sort_order FROM analyst.indicator i WHERE i.indicator_key = y.indicator_key), rank NULLS LAST, ytd_value_wan DESC, grp")
        var result = try rows(sql).map { row in
            GroupYoYRow(
                scopeRegion: row["scope_region"] ?? "", scopeRegionCode: row["scope_region_code"] ?? "",
                group: row["grp"] ?? "", indicator: row["indicator_code"] ?? "",
                indicatorName: row["indicator_name"] ?? "", month: row["month"] ?? "",
                ytdValue: try row.decimal("ytd_value_wan"), priorYTDValue: try row.decimal("prior_ytd_value_wan"),
                yoyPct: try row.decimal("yoy_pct"), yoyNullReason: row["yoy_null_reason"],
                projectCount: try row.int("project_count") ?? 0, rank: try row.int("rank"))
        }
        if result.isEmpty {
            throw try emptyMonthError(month, report: "project (\(breakdown.rawValue))", monthsWithData: Self.projectMonths)
        }
        result += try vanishedGroups(view: view, groupColumn: groupColumn, month: month, scopeKey: scopeKey,
                                     indicator: indicator, like: result[0])
        return result
    }

    /// Departments or categories with projects at this month last year and none now (a project
    /// completed, or moved to another category): 0 against last year's figure, −100 %, after the
    /// others. The views hold this year's groups only (a month's filter must reach both years);
    /// without these rows a category's projects that moved showed as another's growth.
    private func vanishedGroups(view: String, groupColumn: String, month: ReportMonth, scopeKey: Int,
                                indicator: IndicatorRef?, like row: GroupYoYRow) throws -> [GroupYoYRow] {
        var sql: SQL = """
            SELECT l.\(unsafeRaw: groupColumn) AS grp, l.indicator_code, l.indicator_name, l.ytd_value_wan
            FROM \(unsafeRaw: view) l
            WHERE l.month_key = \(month.key - 100) AND l.scope_region_key = \(scopeKey) AND l.ytd_value_wan <> 0
              AND NOT EXISTS (SELECT 1 FROM \(unsafeRaw: view) y
                              WHERE y.month_key = \(month.key) AND y.scope_region_key = \(scopeKey)
                                AND y.indicator_key = l.indicator_key AND y.\(unsafeRaw: groupColumn) = l.\(unsafeRaw: groupColumn))
            """
        if let indicator { sql.append(" AND l.indicator_key = \(indicator.key)") }
        sql.append(" ORDER BY (SELECT i.sort_order FROM analyst.indicator i WHERE i.indicator_key = l.indicator_key), grp")
        return try rows(sql).map { r in
            GroupYoYRow(scopeRegion: row.scopeRegion, scopeRegionCode: row.scopeRegionCode, group: r["grp"] ?? "",
                        indicator: r["indicator_code"] ?? "", indicatorName: r["indicator_name"] ?? "", month: row.month,
                        ytdValue: 0, priorYTDValue: try r.decimal("ytd_value_wan"), yoyPct: -100, yoyNullReason: nil,
                        projectCount: 0, rank: nil)
        }
    }

    /// `AND …` for the optional indicator and region (the region and its direct sub-regions).
    static func filters(indicator: IndicatorRef?, region: RegionRef?, alias: String = "y") -> SQL {
        var sql: SQL = ""
        if let indicator { sql.append(" AND \(unsafeRaw: alias).indicator_key = \(indicator.key)") }
        if let region {
            sql.append(" AND (\(unsafeRaw: alias).region_key = \(region.key) OR \(unsafeRaw: alias).parent_key = \(region.key))")
        }
        return sql
    }

    /// Province, then cities, then counties, then zones.
    static let regionOrder =
        "CASE y.level WHEN 'province' THEN 1 WHEN 'city' THEN 2 WHEN 'county' THEN 3 ELSE 4 END"

    static let seriesMonths: SQL = "SELECT DISTINCT month FROM analyst.ytd_series ORDER BY month"
    static let projectMonths: SQL = "SELECT DISTINCT month FROM analyst.yoy_department ORDER BY month"
    static let transferMonths: SQL = "SELECT DISTINCT month FROM analyst.transfer_growth ORDER BY month"
}
