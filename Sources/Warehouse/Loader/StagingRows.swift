import Foundation
import SheetReader

/// Turns the reader's typed rows into COPY rows for the staging tables (regions already
/// resolved). Pure: everything it needs comes in as arguments.
struct StagingRows {
    static let projectColumns = """
        batch_key, region_key, line_no, month_key, project_code, project_name, department_norm, department,
        industry, category, is_industrial, is_manufacturing, is_private, is_infrastructure, infrastructure_type,
        is_real_estate, nature, total_investment_wan, annual_plan_wan, ytd_completed_wan, month_completed_wan,
        status, stall_reason, start_date, planned_restart
        """
    static let indicatorColumns =
        "batch_key, region_key, line_no, month_key, indicator_code, ytd_value_wan, prior_ytd_value_wan, reported_yoy_pct"
    static let transferColumns = """
        batch_key, region_key, line_no, month_key, department_norm, department, fund_category, ytd_amount_wan,
        prior_ytd_amount_wan, reported_yoy_pct
        """
    static let targetColumns =
        "batch_key, region_key, line_no, department_norm, department, indicator_code, year, month_no, target_wan, rate_pct"

    static func text(_ value: Decimal?) -> String? { value.map(decimalText) }

    /// Plain decimal text of an exact amount (`-1234.5`), as COPY into numeric reads it.
    /// Decimal's own `description` cost 0.8 µs a value, and its public `significand` and
    /// comparisons normalise (together 9% of the loader's client CPU): an amount whose
    /// significand fits in 64 bits — every realistic cell — is formatted from its integer digits,
    /// read from the value's layout (`DecimalParts`), else from `description`.
    static func decimalText(_ value: Decimal) -> String {
        guard let parts = DecimalParts(value), (-40...20).contains(parts.exponent) else { return "\(value)" }
        if parts.significand == 0 { return "0" }
        let digits = String(parts.significand)
        let sign = parts.negative ? "-" : ""
        let exponent = parts.exponent
        if exponent >= 0 { return sign + digits + String(repeating: "0", count: exponent) }
        let fraction = -exponent
        if digits.utf8.count > fraction {
            let split = digits.utf8.count - fraction
            return sign + digits.prefix(split) + "." + digits.suffix(fraction)
        }
        return sign + "0." + String(repeating: "0", count: fraction - digits.utf8.count) + digits
    }
    static func text(_ value: Bool?) -> String? { value.map { $0 ? "t" : "f" } }
    static func text(_ value: Int) -> String { String(value) }

    /// Trimmed text, nil when empty.
    static func clean(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        let trimmed = trimmed(value)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` without Foundation's bridging when
    /// there is nothing to trim (the reader already trimmed; that set is Unicode White_Space).
    static func trimmed(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
              isWhitespace(first) || isWhitespace(last) else { return value }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Unicode White_Space (`properties.isWhitespace`, whose table lookup was 5% of the
    /// loader's client time), as a switch over its 25 scalars.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `owner`: the region the department receives or is set targets in; a name that starts
    /// with it (`钦州市教育局` in 钦州市, `灵山县教育局` in 灵山县) is the same department as the
    /// short name (`市教育局`, `县教育局`), which is how most sheets write it.
    static func department(_ name: String?, owner: String? = nil) -> (norm: String?, raw: String?) {
        guard let raw = clean(name) else { return (nil, nil) }
        var norm = NameNormalizer.normalize(raw)
        if let owner = owner.map(NameNormalizer.normalize), owner.count >= 2, norm.count > owner.count + 1,
           norm.hasPrefix(owner), let level = owner.last {
            norm = String(level) + norm.dropFirst(owner.count)
        }
        return norm.isEmpty ? (nil, nil) : (norm, raw)
    }

    static func project(_ row: ProjectProgressRow, batch: Int, region: Int, month: Int,
                        classifier: ProjectClassifier.Memo) -> [String?] {
        let category = clean(row.category)
        let industry = clean(row.industry)
        let flags = classifier.classify(category: category, industry: industry, projectCode: row.projectCode,
                                        section: clean(row.section))
        let department = department(row.department)
        return [
            text(batch), text(region), text(row.line), text(month),
            trimmed(row.projectCode),
            trimmed(row.projectName),
            department.norm, department.raw, industry, category,
            text(flags.industrial), text(flags.manufacturing), text(row.isPrivate), text(flags.infrastructure),
            flags.infrastructureType, text(flags.realEstate), clean(row.nature),
            text(row.totalInvestment), text(row.annualPlan), text(row.ytdCompleted), text(row.monthCompleted),
            clean(row.status), clean(row.stallReason), clean(row.startDate), clean(row.plannedRestart),
        ]
    }

    static func indicator(_ row: IndicatorRow, batch: Int, region: Int, month: Int) -> [String?] {
        [
            text(batch), text(region), text(row.line), text(row.month?.key ?? month), row.indicator,
            text(row.ytdValue), text(row.priorYtdValue), text(row.reportedYoYPct),
        ]
    }

    /// `region` is the unit's region, or the region a department receives in (`owner`, its name).
    static func transfer(_ row: TransferRow, batch: Int, region: Int, department: String?, owner: String? = nil,
                         month: Int) -> [String?] {
        let dept = Self.department(department, owner: owner)
        return [
            text(batch), text(region), text(row.line), text(month), dept.norm, dept.raw,
            clean(row.category) ?? "", text(row.ytdAmount), text(row.priorYtdAmount), text(row.reportedYoYPct),
        ]
    }

    /// One staged row for the annual target (month 0) and one per cumulative monthly target.
    static func targets(_ row: TargetRow, batch: Int, region: Int, department: String?, owner: String? = nil) -> [[String?]] {
        let dept = Self.department(department, owner: owner)
        var rows: [[String?]] = []
        if row.annualTarget != nil || row.ratePct != nil {
            rows.append([
                text(batch), text(region), text(row.line), dept.norm, dept.raw, row.indicator, text(row.year), "0",
                text(row.annualTarget), text(row.ratePct),
            ])
        }
        for month in row.monthlyYTD.keys.sorted() where (1...12).contains(month) {
            rows.append([
                text(batch), text(region), text(row.line), dept.norm, dept.raw, row.indicator, text(row.year),
                text(month), text(row.monthlyYTD[month]), nil,
            ])
        }
        return rows
    }
}
