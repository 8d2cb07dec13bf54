import Foundation
import PostgresClient

/// An indicator as the reports name it.
public struct IndicatorRef: Sendable, Equatable {
    public var key: Int
    public var code: String
    public var name: String
}

/// A region as the reports name it.
public struct RegionRef: Sendable, Equatable {
    public var key: Int
    public var code: String
    public var name: String
    public var level: String
}

extension RegionRef {
    /// ` AND (a.region_key = k OR a.city_key = k)` for the view aliased `a`: this region's rows,
    /// or, when it is a city, every row of its regions (the `--region` rule of the reports
    /// whose views carry `city_key`).
    func rowsOf(_ alias: StaticString) -> SQL {
        let a = alias.description
        return " AND (\(unsafeRaw: a).region_key = \(key) OR \(unsafeRaw: a).city_key = \(key))"
    }
}

extension InvestmentQueries {
    /// The indicator with this code (`fai`, `industrial`, …), or an error listing the codes.
    public func indicator(code: String) throws -> IndicatorRef {
        let all = try rows("SELECT indicator_key, indicator_code, indicator_name FROM analyst.indicator ORDER BY sort_order")
        let wanted = code.trimmingCharacters(in: .whitespaces).lowercased()
        for row in all where row["indicator_code"] == wanted || row["indicator_name"] == code {
            return IndicatorRef(key: try row.int("indicator_key") ?? 0, code: row["indicator_code"] ?? "",
                                name: row["indicator_name"] ?? "")
        }
        throw QueryError(
            .unknownIndicator, "unknown indicator \"\(code)\"",
            available: all.map { "\($0["indicator_code"] ?? "") (\($0["indicator_name"] ?? ""))" })
    }

    /// The region named `name` (official name, code or alias, after normalisation), or an error
    /// listing the regions that have data.
    public func region(named name: String) throws -> RegionRef {
        let normalized = Self.normalizeName(name)
        let found = try rows("""
            SELECT r.region_key, r.region_code, r.region, r.level
            FROM analyst.region_alias a JOIN analyst.region r ON r.region_key = a.region_key
            WHERE a.alias_normalized = \(normalized) OR a.alias = \(name)
            LIMIT 1
            """)
        if let row = found.first { return try Self.regionRef(row) }
        let known = try rows("""
            SELECT r.region FROM analyst.region r
            WHERE r.level IN ('city', 'county', 'zone')
              AND (r.level <> 'city' OR EXISTS (SELECT 1 FROM analyst.region c WHERE c.parent_key = r.region_key))
            ORDER BY r.level = 'city' DESC, r.sort_order
            """)
        throw QueryError(.unknownRegion, "unknown region \"\(name)\"", available: known.compactMap { $0["region"] })
    }

    /// The city the warehouse reports on (the first with regions under it), for a bulletin's
    /// title when the month has no statistics row to name it; nil without one.
    public func city() throws -> RegionRef? {
        try rows("""
            SELECT r.region_key, r.region_code, r.region, r.level FROM analyst.region r
            WHERE r.level = 'city' AND EXISTS (SELECT 1 FROM analyst.region c WHERE c.parent_key = r.region_key)
            ORDER BY r.sort_order LIMIT 1
            """).first.map(Self.regionRef)
    }

    /// A row of region_key, region_code, region, level.
    private static func regionRef(_ row: Row) throws -> RegionRef {
        RegionRef(key: try row.int("region_key") ?? 0, code: row["region_code"] ?? "",
                  name: row["region"] ?? "", level: row["level"] ?? "")
    }

    /// Names compare without spaces and with full-width ASCII and brackets folded, like the loader.
    static func normalizeName(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if CharacterSet.whitespacesAndNewlines.contains(scalar) || scalar == "\u{3000}" { continue }
            if (0xFF01...0xFF5E).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0xFEE0) {
                out.unicodeScalars.append(folded)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Why a report for `month` came back empty: an unknown month, January merged into
    /// February, or simply no data (listing the months that have some).
    /// `indicator`: the one the report was asked for; when the month has data but none for it,
    /// the indicator is what is wrong (a usage error), not the month.
    func emptyMonthError(_ month: ReportMonth, report: String, monthsWithData: SQL,
                         indicator: IndicatorRef? = nil) throws -> QueryError {
        let months = try rows(monthsWithData).compactMap { $0["month"] }
        if let indicator, months.contains(month.description) {
            let hint: String
            switch (indicator.code, report) {
            case ("transfer_payment", _): hint = "transfer payments are answered by invest-report transfers"
            case (_, "target"), (_, "alert"):
                hint = "targets and alerts cover the indicators with a growth target (fai 15%, industrial 30% by default; "
                    + "a targets sheet or dw.indicator_target_rate can set one)"
            default: hint = "the month's sheets give no figure for it"
            }
            return QueryError(.noDataForIndicator, "no \(report) data for \(indicator.code) (\(indicator.name)) in \(month): \(hint)")
        }
        let known = try rows("SELECT month, is_report_month FROM analyst.report_month WHERE month_key = \(month.key)")
        guard let row = known.first else {
            return QueryError(.unknownMonth, "unknown month \(month): the calendar covers 2015-01 to 2035-12", available: months)
        }
        if month.month == 1, row["is_report_month"] == "f" {
            return QueryError(
                .januaryMerged,
                "January is reported together with February (1-2月): there is no \(month) report; use --month \(month.year)-02",
                available: months)
        }
        return QueryError(.noData, "no \(report) data for \(month) (\(month.label))", available: months)
    }
}
