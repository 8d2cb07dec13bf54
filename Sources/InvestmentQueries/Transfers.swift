import Foundation
import PostgresClient

/// One row of `analyst.transfer_growth`: a receiving unit, or a city's total (`isTotal`).
public struct TransferRow: Sendable, Equatable {
    public var unit: String
    /// `region`, `department` or `total`.
    public var unitKind: String
    public var region: String
    public var regionCode: String
    public var month: String
    public var ytdAmount: Decimal?
    public var priorYTDAmount: Decimal?
    public var priorSource: String?
    public var yoyPct: Decimal?
    public var yoyNullReason: String?
    public var reportedYoYPct: Decimal?
    public var targetPct: Decimal?
    /// Nil when there is no YoY.
    public var meetsTarget: Bool?
    public var isTotal: Bool { unitKind == "total" }
}

extension InvestmentQueries {
    /// Transfer payments for `month`: every unit, then each city's total row. With `region`, the
    /// units of that region (for a city: the city's own units, its departments, its sub-regions).
    public func transfers(month: ReportMonth, region: RegionRef? = nil) throws -> [TransferRow] {
        var sql: SQL = """
            SELECT unit, unit_kind, region, region_code, month, ytd_amount_wan, prior_ytd_amount_wan, prior_source,
                   yoy_pct, yoy_null_reason, reported_yoy_pct, target_pct, meets_target
            FROM analyst.transfer_growth y
            WHERE y.month_key = \(month.key)
            """
        if let region {
            sql.append(region.rowsOf("y"))
        }
        sql.append(" ORDER BY y.city_key NULLS FIRST, y.row_kind = 'total', y.sort_order, y.unit")
        let result = try rows(sql).map { row in
            TransferRow(
                unit: row["unit"] ?? "", unitKind: row["unit_kind"] ?? "", region: row["region"] ?? "",
                regionCode: row["region_code"] ?? "", month: row["month"] ?? "",
                ytdAmount: try row.decimal("ytd_amount_wan"), priorYTDAmount: try row.decimal("prior_ytd_amount_wan"),
                priorSource: row["prior_source"], yoyPct: try row.decimal("yoy_pct"),
                yoyNullReason: row["yoy_null_reason"], reportedYoYPct: try row.decimal("reported_yoy_pct"),
                targetPct: try row.decimal("target_pct"), meetsTarget: try row.bool("meets_target"))
        }
        if result.isEmpty { throw try emptyMonthError(month, report: "transfer-payment", monthsWithData: Self.transferMonths) }
        return result
    }
}
