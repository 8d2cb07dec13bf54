import Foundation

/// How a targets row's month columns read. `1月 … 12月` and `一季度 … 四季度` are written both
/// ways: each period's own amount (summed from January, the documented reading) or the
/// cumulative target to the end of the period (`10000 | 30000 | … | 230000`, 12月 = the annual
/// target). Only the annual target tells them apart, so the row proves its reading by it.
enum TargetMonths {
    enum Reading: Equatable { case perPeriod, cumulative }

    /// A month column's cell: its month, whether its header counts from January (`1-6月`,
    /// `上半年`), and its amount.
    typealias Cell = (month: Int, cumulative: Bool, value: Decimal)

    /// The cumulative target per month under a reading: per period, a column counting from
    /// January restarts the running sum (`1-6月 | 7月`); cumulative, every column is its month's.
    static func ytd(_ cells: [Cell], _ reading: Reading) -> [Int: Decimal] {
        var out: [Int: Decimal] = [:]
        var running: Decimal = 0
        for c in cells {
            running = reading == .cumulative || c.cumulative ? c.value : running + c.value
            out[c.month] = running
        }
        return out
    }

    /// The reading the annual target proves: nil when the two readings agree (nothing to
    /// decide) or when nothing proves either. With the columns running to December, the
    /// cumulative one ends at the target and never falls, the per-period one adds up to it;
    /// with fewer, a per-period sum above the target while the cumulative figures stay within
    /// it proves them cumulative.
    static func proven(_ cells: [Cell], annual: Decimal?) -> Reading? {
        let perPeriod = ytd(cells, .perPeriod), cumulative = ytd(cells, .cumulative)
        guard perPeriod != cumulative, let annual, annual > 0, let last = cells.last else { return nil }
        let rising = zip(cells, cells.dropFirst()).allSatisfy { $0.value <= $1.value }
        let tolerance = max(1, annual / 1000)   // figures rounded to whole 万元
        func near(_ x: Decimal?) -> Bool { x.map { abs($0 - annual) <= tolerance } ?? false }
        if last.month == 12 {
            if near(perPeriod[12]) { return .perPeriod }
            if rising, near(last.value) { return .cumulative }
            return nil
        }
        if let sum = perPeriod[last.month], sum > annual + tolerance, rising, last.value <= annual + tolerance {
            return .cumulative
        }
        return nil
    }
}

/// Month columns with no annual target or target rate beside them (`县区 | 1-2月 | 1-3月 | … |
/// 1-8月`): a targets decomposition, or a county's monthly completions (`…完成情况（逐月累计）`),
/// which were read as targets and replaced the year's. Only words tell them apart.
enum MonthColumns {
    struct NotTargets: Error, Equatable { var reason: String }

    static let targetWords = ["目标", "任务", "计划"]
    /// Words of figures achieved: in the title they decide over a target word
    /// (`固定资产投资计划完成情况`, `目标任务完成情况` are what was done against the plan).
    static let actualWords = ["完成", "争取", "到位"]

    /// Why the month columns are not read as targets; nil when the (normalised) title or a header
    /// says they are. `分解` (a decomposition) says so over a word of completion
    /// (`需完成的目标任务分解表`).
    static func notTargets(title: String, headerTexts: [String]) -> String? {
        let headers = headerTexts.map(NameNormalizer.normalize)
        let months = headers.filter { HeaderAnalyzer.monthly($0) != nil }
        let shown = months.count > 3 ? "\(months[0]) | \(months[1]) | … | \(months[months.count - 1])" : months.joined(separator: " | ")
        let advice = "a table of monthly figures is not read as actual figures either; send the month's sheet with its 本年累计 column, or pass --layout targets if these are targets"
        if title.contains("分解") { return nil }
        if let word = actualWords.first(where: title.contains) {
            return "month columns (\(shown)) under a title that says \(word): not a targets sheet; \(advice)"
        }
        if targetWords.contains(where: { w in title.contains(w) || headers.contains { $0.contains(w) } }) { return nil }
        return "month columns (\(shown)) and no 目标/任务/计划 in the title or a header: not read as a targets sheet; \(advice)"
    }
}
