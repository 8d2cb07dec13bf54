import Foundation
import PostgresClient
import SheetReader

extension Merge {
    /// A region's target rate below 1 among whole percents (`15 | 0.15 | 30` under `目标增速（%）`,
    /// which the reader reads as written) that the row's annual target proves a fraction: the
    /// target is last year's figure × (1 + 0.15), within half a point, and not × 1.0015. Read as
    /// 15 %, with a warning per row; it was a 0.15 % target every county beat.
    func provenFractionRates() throws -> [SheetWarning] {
        guard layout == .targets else { return [] }
        let rows = try connection.query("""
            UPDATE etl.stage_target s SET rate_pct = s.rate_pct * 100
            FROM dw.agg_ytd_region_month v JOIN dw.dim_indicator i ON i.indicator_key = v.indicator_key
            WHERE s.batch_key = \(batch) AND s.month_no = 0 AND s.department_norm IS NULL
              AND s.rate_pct <> 0 AND abs(s.rate_pct) < 1 AND s.target_wan IS NOT NULL
              AND v.region_key = s.region_key AND i.indicator_code = s.indicator_code
              AND v.month_key = (s.year - 1) * 100 + 12 AND v.ytd_value_wan > 0
              AND abs(s.target_wan / v.ytd_value_wan - 1 - s.rate_pct) <= 0.005
              AND abs(s.target_wan / v.ytd_value_wan - 1 - s.rate_pct) < abs(s.target_wan / v.ytd_value_wan - 1 - s.rate_pct / 100)
            RETURNING s.line_no, s.rate_pct, s.target_wan, v.ytd_value_wan
            """)
        return try rows.rows.map { row in
            func number(_ column: String) -> Decimal { Decimal(string: row[column] ?? "") ?? 0 }
            let rate = number("rate_pct"), target = number("target_wan"), base = number("ytd_value_wan")
            return SheetWarning(line: try row.int("line_no"), message:
                "目标增速 \(rate / 100) 按 \(rate)% 计：全年目标 \(target) = 上年 \(base) × (1 + \(rate / 100)) / "
                + "rate \(rate / 100) read as \(rate) %: the annual target \(target) is last year's \(base) × (1 + \(rate / 100))")
        }
    }
}
