import Foundation

/// The measure a column of a wide sheet carries for its indicator.
enum Measure: String, Sendable {
    case value, yoy, prior, share, target, rate
    /// The change on the prior year in money (`同比增减（万元）`): not the rate, and not kept.
    case change
}

/// What one header cell says, before the layout is known.
struct CellMatch: Sendable {
    var header: HeaderText
    /// Plain canonical fields (`project_code`, `value`, …) the text is a synonym of.
    var fields: [String] = []
    var ignored = false
    /// Indicator code (`fai`) when the cell names one, alone or with a measure (`固定资产投资增速`).
    var indicator: String?
    /// The measure a cell names, alone (`同比增长`) or after an indicator.
    var measure: Measure?
    /// `N月` (a month's amount) or `1-N月` (cumulative) in a targets sheet.
    var monthly: (month: Int, cumulative: Bool)?

    var isEmpty: Bool { header.text.isEmpty }
    /// Counts toward "at least two cells match known synonyms".
    var isKnown: Bool { !fields.isEmpty || indicator != nil }
}

/// The role a column plays once the layout is fixed.
enum ColumnRole: Equatable, Sendable {
    case field(String)
    case indicator(String, Measure)
    case month(Int, cumulative: Bool)
    /// A targets sheet's period column under an indicator (`固定资产投资` merged over `全年目标 |
    /// 1-3月 | 1-6月`).
    case indicatorMonth(String, Int, cumulative: Bool)
}

struct HeaderAnalyzer {
    let table: SynonymTable

    func match(_ raw: String) -> CellMatch {
        let header = HeaderText(raw)
        var m = CellMatch(header: header)
        let text = header.text
        guard !text.isEmpty else { return m }
        apply(table.matches(normalized: text), to: &m)
        // `其中：2025年1-6月完成投资` under `截至6月底累计完成投资`: this year's part, the year to date.
        // Not as synonyms: every pattern is tried on every header cell.
        if m.fields.isEmpty, text.hasPrefix("其中:") {
            apply(table.matches(normalized: String(text.dropFirst(3))).filter { $0.canonical == "ytd_completed" }, to: &m)
        }
        if m.fields.isEmpty, m.indicator == nil, joinsPlaceWords(text) { m.fields = ["unit"] }
        if m.indicator == nil {
            // `1-6月固定资产投资增速`, `其中:工业投资`, `固定资产投资累计`: strip a leading period or
            // 其中, then split indicator + measure.
            let stripped = HeaderAnalyzer.stripQualifier(HeaderAnalyzer.stripLeadingPeriod(text))
            if stripped != text { apply(table.matches(normalized: stripped).filter { $0.canonical.hasPrefix("indicator:") }, to: &m) }
            if m.indicator == nil {
                let chars = Array(stripped)
                for cut in stride(from: chars.count - 1, to: 0, by: -1) {
                    let prefix = String(chars[..<cut]), suffix = String(chars[cut...])
                    guard let ind = table.matches(normalized: prefix).first(where: { $0.canonical.hasPrefix("indicator:") }),
                          let meas = (table.matches(normalized: suffix) + table.matches(normalized: HeaderAnalyzer.stripLeadingPeriod(suffix)))
                              .first(where: { $0.canonical.hasPrefix("measure:") })
                    else { continue }
                    m.indicator = String(ind.canonical.dropFirst("indicator:".count))
                    m.measure = HeaderAnalyzer.measure(meas.canonical, header)
                    break
                }
            }
        }
        m.monthly = HeaderAnalyzer.monthly(text)
        // `增减%`, `增减（%）`, `±%`: a bare change word is a rate only when marked as a percent,
        // which a synonym cannot say (the table drops the `%`); bare, it may be money.
        if header.isPercent, m.fields.isEmpty, m.indicator == nil, HeaderAnalyzer.percentChangeWords.contains(text) {
            m.fields.append("reported_yoy")
        }
        // `同比增减（万元）`, `增长（亿元）`: a growth word with a money unit is the change in money,
        // not the rate; the unit is all that tells them apart (it was loaded as a 2000% rate).
        if header.unit != nil, !header.isPercent, m.measure == .yoy || m.fields.contains("reported_yoy") {
            m.fields.removeAll { $0 == "reported_yoy" }
            m.measure = .change
        }
        return m
    }

    private func apply(_ matches: [SynonymMatch], to m: inout CellMatch) {
        for s in matches {
            // A fund category's stored name (`SynonymTable.fundCategory`) says nothing of a column.
            if s.canonical.hasPrefix("category:") { continue }
            if s.canonical == "ignore" { m.ignored = true }
            else if s.canonical.hasPrefix("indicator:") { m.indicator = m.indicator ?? String(s.canonical.dropFirst(10)) }
            else if s.canonical.hasPrefix("measure:") {
                m.measure = m.measure ?? HeaderAnalyzer.measure(s.canonical, m.header)
                if m.measure == .yoy, s.canonical == HeaderAnalyzer.delta, !m.fields.contains("reported_yoy") { m.fields.append("reported_yoy") }
            }
            else if !m.fields.contains(s.canonical) { m.fields.append(s.canonical) }
        }
    }

    static let percentChangeWords: Set<String> = ["增减", "±", "+-", "增(减)", "增减比例"]
    static let delta = "measure:delta"

    /// The measure a `measure:` synonym names. A bare change word (`增减`, `±`, `比上年±`) is the
    /// reported rate when the header is marked % (`增减（%）`: it was dropped, and rankings used
    /// the computed rate instead of the official one), else the change in money.
    static func measure(_ canonical: String, _ header: HeaderText) -> Measure? {
        if canonical == delta { return header.isPercent ? .yoy : .change }
        return Measure(rawValue: String(canonical.dropFirst("measure:".count)))
    }

    static func stripLeadingPeriod(_ text: String) -> String {
        var s = Substring(text)
        // `#制造业投资` (statistics offices mark a 其中 item with #), `1.工业投资`, `（一）民间投资`.
        s = s.drop(while: { "#*△▲☆★".contains($0) })
        if let (_, rest) = RowClassifier.sectionMarker(String(s)), !rest.isEmpty { s = Substring(rest) }
        let number = s.prefix(while: { $0.isASCII && $0.isNumber })
        if !number.isEmpty, number.count <= 2, let mark = s.dropFirst(number.count).first, ".、".contains(mark) {
            s = s.dropFirst(number.count + 1)
        }
        for prefix in ["其中:", "其中"] where s.hasPrefix(prefix) { s = s.dropFirst(prefix.count); break }
        // YYYY年
        if s.count > 5, s.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }), s.dropFirst(4).first == "年" { s = s.dropFirst(5) }
        // 1-N月 / N月
        let digits = s.prefix(while: { $0.isASCII && ($0.isNumber || $0 == "-") })
        if !digits.isEmpty, s.dropFirst(digits.count).first == "月", s.count > digits.count + 1 { s = s.dropFirst(digits.count + 1) }
        return String(s)
    }

    /// `工业投资（含技改）`, `民间投资（不含房地产）`: a bracketed 含/不含/其中 qualifier after a name, which
    /// the name without it may be known by (the row was rejected as an unknown indicator).
    static func stripQualifier(_ text: String) -> String {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "("), open != text.startIndex else { return text }
        let inner = text[text.index(after: open)...]
        return ["含", "不含", "其中", "包括", "不包括", "包含"].contains(where: inner.hasPrefix) ? String(text[..<open]) : text
    }

    /// A column of one month's own figure (`8月`, `本月`, `当月完成`), not a cumulative one.
    static func isSingleMonth(_ text: String) -> Bool {
        if let monthly = monthly(text) { return !monthly.cumulative }
        return singleMonthWords.contains(text)
    }
    static let singleMonthWords: Set<String> = ["本月", "当月", "本月完成", "当月完成", "本月数", "当月数", "本月值", "当月值",
                                                "本月完成投资", "当月完成投资"]

    /// Columns named by a dated period (`2023年1-8月 | 2022年1-8月`, `2023年1-8月累计`): the latest
    /// year's are the value, the year before's the prior-year figure, whichever comes first.
    /// Only in indicator and transfer sheets, and only when every such column names a month.
    static func yearColumns(top: [CellMatch], sub: [CellMatch]?, layout: SheetLayout) -> [Int: Measure] {
        guard layout == .indicatorSummary || layout == .transferPayments else { return [:] }
        var dated: [Int: (year: Int, cumulative: Bool)] = [:]
        for c in 0..<max(top.count, sub?.count ?? 0) {
            let cell = sub.flatMap { c < $0.count && !$0[c].isEmpty ? $0[c] : nil } ?? (c < top.count ? top[c] : nil)
            if let text = cell?.header.text, let period = datedPeriod(text) { dated[c] = period }
        }
        // `2023年8月 | 2023年1-8月`: the cumulative one is the value.
        if dated.values.contains(where: \.cumulative) { dated = dated.filter(\.value.cumulative) }
        guard let latest = dated.values.map(\.year).max() else { return [:] }
        return dated.compactMapValues { $0.year == latest ? .value : $0.year == latest - 1 ? .prior : nil }
    }

    /// A header that is a dated period and nothing else (`2023年1-8月`, `2023年1-8月累计`,
    /// `2023年8月末`): its year, and whether it counts from January; nil for anything more
    /// (`2023年1-8月完成投资`).
    static func datedPeriod(_ text: String) -> (year: Int, cumulative: Bool)? {
        let chars = Array(text)
        guard chars.count > 5, chars[4] == "年", chars[..<4].allSatisfy({ $0.isASCII && $0.isNumber }),
              let year = Int(String(chars[..<4])), TitleParser.plausibleYear(year) else { return nil }
        var rest = Substring(String(chars[5...]))
        var cumulative = false
        for word in ["累计完成", "累计", "完成", "末", "底", "止"] where rest.hasSuffix(word) {
            rest = rest.dropLast(word.count)
            cumulative = word.hasPrefix("累计") || word == "末" || word == "底" || word == "止"
            break
        }
        guard rest.hasSuffix("月") else { return nil }
        if TitleParser.rangeEnd(Array(rest), 0) != nil { return (year, true) }
        guard let month = monthly(String(rest)) else { return nil }
        return (year, cumulative || month.cumulative || month.month <= 2)
    }

    /// Words after a period in a targets sheet's column (`1-3月目标`, `一季度目标任务`).
    static let targetWords = ["目标任务", "目标", "任务"]

    static func withoutTargetWord(_ text: String) -> Substring {
        let s = Substring(text)
        return targetWords.first(where: s.hasSuffix).map { s.dropLast($0.count) } ?? s
    }

    /// A targets sheet's quarter columns, as the month they end and whether they count from
    /// January: `一季度` (3, true), `二季度` (6, false: April to June), `上半年` (6, true),
    /// `前三季度` (9, true), `下半年` (12, false); with or without `目标`.
    static func quarter(_ text: String) -> (month: Int, cumulative: Bool)? {
        var s = withoutTargetWord(text)
        if s.hasPrefix("第") { s = s.dropFirst() }
        return quarterWords[String(s)]
    }
    static let quarterWords: [String: (month: Int, cumulative: Bool)] = [
        "一季度": (3, true), "1季度": (3, true), "二季度": (6, false), "2季度": (6, false), "三季度": (9, false),
        "3季度": (9, false), "四季度": (12, false), "4季度": (12, false), "上半年": (6, true), "前三季度": (9, true),
        "下半年": (12, false),
    ]

    /// `6月`, `6月份` -> (6, false); `1-6月` -> (6, true); also with `目标` after them.
    static func monthly(_ text: String) -> (month: Int, cumulative: Bool)? {
        var s = withoutTargetWord(text)
        if s.hasSuffix("份") { s = s.dropLast() }
        guard s.hasSuffix("月") else { return nil }
        s = s.dropLast()
        var cumulative = false
        if s.hasPrefix("1-") { cumulative = true; s = s.dropFirst(2) }
        guard (1...2).contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(s), (1...12).contains(n) else { return nil }
        return (n, cumulative)
    }
}

/// The fields each layout understands, in order of preference when a header text is a synonym
/// of several (`本年累计` is ytd_amount in a transfer sheet and value in an indicator sheet).
extension SheetLayout {
    var fields: [String] {
        switch self {
        case .projectProgress:
            return ["project_code", "project_name", "ytd_completed", "month_completed", "annual_plan", "total_investment",
                    "region", "department", "industry", "private", "nature", "status", "stall_reason", "start_date", "period",
                    "planned_restart"]
        case .indicatorSummary:
            return ["region", "indicator", "value", "prior_ytd", "reported_yoy", "period", "row_unit"]
        case .transferPayments:
            return ["unit", "category", "ytd_amount", "prior_ytd", "reported_yoy", "period", "fund_column", "fund_name", "document_no"]
        case .targets:
            return ["unit", "indicator", "annual_target", "target_rate", "period"]
        case .centralBudget, .specialBonds, .reservePool:
            return SheetLayout.policyFields
        }
    }

    /// Fields that stand in for another in this layout (a region column names the unit).
    var aliases: [String: String] {
        switch self {
        case .indicatorSummary: return ["unit": "region"]
        case .transferPayments, .targets: return ["region": "unit"]
        case .projectProgress: return [:]
        case .centralBudget, .specialBonds, .reservePool: return SheetLayout.policyAliases
        }
    }

    /// The field of a value or prior-year column in this layout (`2023年1-8月 | 2022年1-8月`).
    func field(for measure: Measure) -> String? {
        switch (self, measure) {
        case (.indicatorSummary, .value): return "value"
        case (.transferPayments, .value): return "ytd_amount"
        case (.indicatorSummary, .prior), (.transferPayments, .prior): return "prior_ytd"
        default: return nil
        }
    }

    func pick(_ m: CellMatch) -> String? {
        let names = m.fields.map { aliases[$0] ?? $0 }
        return fields.first(where: { names.contains($0) })
    }
}

/// A project sheet's amount columns under a merged investment heading (`2025年完成投资` or
/// `2025年投资完成情况` over `计划 | 1-3月 | 3月`): the cumulative period is the year to date, the
/// single month the month's figure, a plan word the annual plan; nil for anything else.
func projectAmountUnder(_ owner: CellMatch?, sub s: CellMatch) -> String? {
    guard let owner, owner.header.text.contains("投资") || owner.header.text.contains("完成") else { return nil }
    var text = Substring(s.header.text)
    for prefix in ["其中:", "其中"] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count); break }
    if let monthly = HeaderAnalyzer.monthly(String(text)) ?? HeaderAnalyzer.monthly(String(text.replacingOccurrences(of: "完成", with: ""))) {
        return monthly.cumulative ? "ytd_completed" : "month_completed"
    }
    if ["计划", "计划投资", "年度计划", "全年计划", "本年计划", "年计划", "年度计划投资"].contains(String(text)) { return "annual_plan" }
    return nil
}

/// A fund category's column in a transfer sheet with one column per category (`单位 |
/// 一般性转移支付 | 专项转移支付`, or each category merged over `本年累计争取 | 上年同期`): a field
/// named `fund:`, `fund_prior:` or `fund_yoy:` followed by the category.
enum FundColumn: String, CaseIterable {
    case value = "fund:", prior = "fund_prior:", yoy = "fund_yoy:"

    func field(_ category: String) -> String { rawValue + category }

    /// Whether a column is a fund category's.
    static func isFund(_ role: ColumnRole?) -> Bool {
        if case .field(let f)? = role { return parse(f) != nil } else { return false }
    }

    /// The kind and category of a `field(_:)` name.
    static func parse(_ field: String) -> (kind: FundColumn, category: String)? {
        for kind in allCases where field.hasPrefix(kind.rawValue) { return (kind, String(field.dropFirst(kind.rawValue.count))) }
        return nil
    }
}

/// The category a header cell names as a column of its own, if it does.
func fundName(_ m: CellMatch?) -> String? {
    guard let m, m.fields.contains("fund_column") else { return nil }
    return m.header.text
}

/// Column groups beside the fund categories' whose name is no known category (`其他转移支付` over
/// `本年累计 | 上年同期`): not read, so the batch names them (the 合计 group is their total).
func unknownFundGroups(top: [CellMatch], sub: [CellMatch]?, roles: [ColumnRole?]) -> [String] {
    guard let sub, roles.contains(where: FundColumn.isFund) else { return [] }
    return top.indices.compactMap { c in
        let label = top[c].header.text
        guard !label.isEmpty, fundName(top[c]) == nil, !FundColumn.isFund(roles[safe: c] ?? nil),
              !RowClassifier.wholeSheetLabels.contains(label), !RowClassifier.subtotalEndings.contains(where: label.hasSuffix),
              let s = sub[safe: c], s.fields.contains("ytd_amount") || s.measure == .value else { return nil }
        return label
    }
}

/// The role of a sub cell under a fund category (`一般性转移支付` over `本年累计争取 | 上年同期 |
/// 同比`), or of a category named on the sub row under another cell; nil otherwise.
func fundRole(sub s: CellMatch, owner: CellMatch?) -> ColumnRole? {
    if let name = fundName(s) { return .field(FundColumn.value.field(name)) }
    guard let name = fundName(owner) else { return nil }
    if s.fields.contains("prior_ytd") || s.measure == .prior { return .field(FundColumn.prior.field(name)) }
    if s.fields.contains("reported_yoy") || s.measure == .yoy { return .field(FundColumn.yoy.field(name)) }
    if s.fields.contains("ytd_amount") || s.measure == .value { return .field(FundColumn.value.field(name)) }
    return nil
}

/// Column roles of a one- or two-row header under one layout (DESIGN §5: a measure column
/// without its own indicator belongs to the nearest indicator named to its left, on the same
/// row or, for two-row headers, on the row above where a merged cell left the others empty).
/// `joined[c]`: the match of the (merged) top cell's text followed by the sub cell's, for a sub
/// cell that names no field alone (`1-6月` merged over `完成投资` | `本月完成`). `year`: the
/// sheet's year when the title, file name or `--month` gives it, to tell this year's column
/// from last year's beside it.
func resolveColumns(top: [CellMatch], sub: [CellMatch]?, layout: SheetLayout, joined: [CellMatch]? = nil,
                    year: Int? = nil, month: Int? = nil) -> [ColumnRole?] {
    let width = max(top.count, sub?.count ?? 0)
    var roles: [ColumnRole?] = Array(repeating: nil, count: width)
    let dated = HeaderAnalyzer.yearColumns(top: top, sub: sub, layout: layout)
    var topIndicator: String?   // indicator of the (merged) top cell covering this column
    var topOwner: CellMatch?    // the (merged) top cell covering this column
    var subIndicator: String?   // nearest indicator to the left on the sub row
    let empty = CellMatch(header: HeaderText(""))
    for c in 0..<width {
        let t = c < top.count ? top[c] : empty
        let s = sub.map { c < $0.count ? $0[c] : empty }
        if !t.isEmpty {
            topOwner = t
            if let ind = t.indicator { topIndicator = ind }
            else if t.measure == nil || t.ignored { topIndicator = nil }
            // else: a measure on the top row belongs to the indicator on its left.
            subIndicator = nil
        }
        guard let s, !s.isEmpty else {
            // One-row header, or a top cell merged down over an empty sub cell.
            if t.isEmpty { continue }
            if layout == .transferPayments, let name = fundName(t) { roles[c] = .field(FundColumn.value.field(name)); continue }
            if let m = dated[c] {
                if let ind = topIndicator, t.indicator == nil { roles[c] = .indicator(ind, m) }
                else if let f = layout.field(for: m) { roles[c] = .field(f) }
                continue
            }
            if let ind = t.indicator { roles[c] = .indicator(ind, t.measure ?? .value); continue }
            if let m = t.measure, let ind = topIndicator { roles[c] = .indicator(ind, m); continue }
            if layout == .targets, let mo = t.monthly ?? HeaderAnalyzer.quarter(t.header.text) {
                roles[c] = .month(mo.month, cumulative: mo.cumulative); continue
            }
            if let f = layout.pick(t) { roles[c] = .field(f) }
            continue
        }
        let owner = t.isEmpty ? topOwner : t
        if layout == .transferPayments, let role = fundRole(sub: s, owner: owner) { roles[c] = role; continue }
        // `排位` under `固定资产投资` is the region's rank, not a value of the indicator.
        if s.ignored, s.indicator == nil { continue }
        if let ind = s.indicator {
            subIndicator = ind
            roles[c] = .indicator(ind, s.measure ?? owner?.measure ?? .value); continue
        }
        if let m = dated[c] {
            if let ind = topIndicator ?? subIndicator { roles[c] = .indicator(ind, m) }
            else if let f = layout.field(for: m) { roles[c] = .field(f) }
            continue
        }
        if let ind = topIndicator {
            // A targets sheet's `固定资产投资` over `全年目标 | 1-3月 | 1-6月`: the indicator's period
            // targets (`1-3月` read as a second value, and the period targets were dropped).
            if layout == .targets, let mo = s.monthly ?? HeaderAnalyzer.quarter(s.header.text) {
                roles[c] = .indicatorMonth(ind, mo.month, cumulative: mo.cumulative); continue
            }
            // `固定资产投资` over `8月 | 1-8月 | 增速`: the month's own figure is not the YTD value.
            if s.measure == nil, HeaderAnalyzer.isSingleMonth(s.header.text) { continue }
            roles[c] = .indicator(ind, s.measure ?? (t.isEmpty ? nil : t.measure) ?? .value); continue
        }
        if let m = s.measure, let ind = subIndicator { roles[c] = .indicator(ind, m); continue }
        if layout == .targets, let mo = s.monthly ?? HeaderAnalyzer.quarter(s.header.text)
            ?? (t.isEmpty ? nil : t.monthly ?? HeaderAnalyzer.quarter(t.header.text)) {
            roles[c] = .month(mo.month, cumulative: mo.cumulative); continue
        }
        if let f = layout.pick(s) { roles[c] = .field(f); continue }
        if layout == .projectProgress, let f = projectAmountUnder(owner, sub: s) { roles[c] = .field(f); continue }
        if let joined, c < joined.count, let f = layout.pick(joined[c]) { roles[c] = .field(f); continue }
        if let m = s.measure, let owner, let f = layout.pick(owner) {
            switch m {
            case .value: roles[c] = .field(f)
            case .yoy: roles[c] = .field("reported_yoy")
            case .prior: roles[c] = .field("prior_ytd")
            case .target: roles[c] = .field("annual_target")
            case .rate: roles[c] = .field("target_rate")
            case .share, .change: break
            }
            continue
        }
        if !t.isEmpty, let f = layout.pick(t) { roles[c] = .field(f) }
    }
    // In a transfer sheet, `上级转移支付资金` merged over 本年累计争取 | 上年同期 | 同比增长 names the
    // amount columns themselves.
    if layout == .transferPayments {
        for c in roles.indices {
            guard case .indicator("transfer_payment", let m)? = roles[c] else { continue }
            switch m {
            case .value: roles[c] = .field("ytd_amount")
            case .prior: roles[c] = .field("prior_ytd")
            case .yoy: roles[c] = .field("reported_yoy")
            case .share, .change, .target, .rate: roles[c] = nil
            }
        }
    }
    // A unit's fund list (`资金名称 | 文号 | 金额`): the plain amount is the amount secured, when
    // no column names it otherwise (a fund list had no header row it could read).
    if layout == .transferPayments, !roles.contains(.field("ytd_amount")), !roles.contains(where: FundColumn.isFund),
       roles.contains(.field("fund_name")),
       let c = roles.indices.first(where: { c in
           let m = sub.flatMap { c < $0.count && !$0[c].isEmpty ? $0[c] : nil } ?? (c < top.count ? top[c] : empty)
           return roles[c] == nil && m.indicator == nil && m.fields.isEmpty && m.measure == .value
       }) {
        roles[c] = .field("ytd_amount")
    }
    // With a column per fund category the rows are read per category: a plain amount column
    // beside them is their total (the `合计` group), not read, so it is not checked either.
    if layout == .transferPayments, roles.contains(where: FundColumn.isFund) {
        for c in roles.indices where [.field("ytd_amount"), .field("prior_ytd"), .field("reported_yoy")].contains(roles[c]) { roles[c] = nil }
    }
    if layout == .projectProgress, let sub { AmountParts.resolve(&roles, top: top, sub: sub) }
    // A January sheet's `1月完成投资` is its year to date (there is no `1-1月`), also its 合计
    // column when it is merged over parts (`AmountParts`).
    if layout == .projectProgress, !roles.contains(.field("ytd_completed")),
       let c = roles.indices.first(where: { c in
           guard roles[c] == .field("month_completed") else { return false }
           let text = (sub.flatMap { c < $0.count && !$0[c].isEmpty ? $0[c] : nil } ?? (c < top.count ? top[c] : nil))?.header.text ?? ""
           let heading = top[..<min(c + 1, top.count)].last { !$0.isEmpty }?.header.text ?? ""
           return [text, heading].contains { $0.hasPrefix("1月") || $0.hasPrefix("1月份") }
       }) {
        roles[c] = .field("ytd_completed")
    }
    // A targets sheet of departments (`责任单位 | 指标 | 全年目标任务`) names its units in a
    // department column when it has no 单位/地区 one: a unit that is no known region is a
    // department (DESIGN §5). The column took no role, and each row became the city's target.
    if layout == .targets, !roles.contains(.field("unit")),
       let c = roles.indices.first(where: { c in
           roles[c] == nil && [top[safe: c], sub?[safe: c]].contains { $0?.fields.contains("department") ?? false }
       }) {
        roles[c] = .field("unit")
    }
    // A field belongs to its first column; later duplicates are dropped. But a column naming
    // another year than the sheet's gives way to one naming its year or none: `2021年1-8月完成投资
    // | 2022年1-8月完成投资` in a 2022 sheet compares with last year (whose figure was loaded).
    var columns: [String: [Int]] = [:]
    for c in roles.indices {
        if case .field(let f) = roles[c] { columns[f, default: []].append(c) }
    }
    // Of two growth columns, one marked % is the rate: `同比增减 | 增幅（%）` without a unit on the
    // first, which is then the change in money.
    func isPercent(_ c: Int) -> Bool {
        (sub.flatMap { c < $0.count && !$0[c].isEmpty ? $0[c] : nil } ?? (c < top.count ? top[c] : nil))?.header.isPercent ?? false
    }
    /// Of several columns for one amount, the one naming the sheet's year and month.
    func ownPeriod(_ cs: [Int]) -> Int {
        var keep = cs[0]
        if cs.count > 1, let year, let named = namedYear(cs[0], top: top, sub: sub), named != year,
           let own = cs.first(where: { namedYear($0, top: top, sub: sub).map { $0 == year } ?? true }) {
            keep = own
        }
        // The same for a month: `1-2月完成投资 | 1-3月完成投资` in a March sheet (last month's
        // column left in, hidden in Excel but exported) loaded February's figures as March's.
        if cs.count > 1, let month, let named = namedMonth(keep, top: top, sub: sub), named != month,
           let own = cs.first(where: { namedMonth($0, top: top, sub: sub) == month }) {
            keep = own
        }
        return keep
    }
    for (field, cs) in columns {
        var keep = ownPeriod(cs)
        if field == "reported_yoy", !isPercent(keep), let rate = cs.first(where: isPercent) { keep = rate }
        // `截至6月底累计完成投资` often counts from the project's start: beside a column that can only
        // be this year's (`1-6月完成投资`, `本年累计完成投资`), whichever comes first, it is not the
        // year to date (it was taken: 21000 for 6800). Alone it still is.
        if field == "ytd_completed", mayCountFromStart(keep, top: top, sub: sub),
           let plain = cs.first(where: { !mayCountFromStart($0, top: top, sub: sub)
               && (year == nil || namedYear($0, top: top, sub: sub).map { $0 == year } ?? true) }) {
            keep = plain
        }
        for c in cs where c != keep { roles[c] = nil }
    }
    // Within an indicator too: `固定资产投资` over `1-5月累计 | 1-6月累计` in a June sheet took
    // May's figures (the group's first value column) as June's.
    var values: [String: [Int]] = [:]
    for c in roles.indices {
        if case .indicator(let code, .value) = roles[c] { values[code, default: []].append(c) }
    }
    for (_, cs) in values where cs.count > 1 {
        let keep = ownPeriod(cs)
        for c in cs where c != keep { roles[c] = nil }
    }
    var yoy: [String: [Int]] = [:]
    for c in roles.indices {
        if case .indicator(let code, .yoy) = roles[c] { yoy[code, default: []].append(c) }
    }
    for (code, cs) in yoy where cs.count > 1 && !isPercent(cs[0]) {
        guard let rate = cs.first(where: isPercent) else { continue }
        for c in cs where c < rate { roles[c] = .indicator(code, .change) }
    }
    return roles
}

/// A year-to-date header that may count from the project's start (`截至6月底累计完成投资`,
/// `截止6月末完成投资`, or `截至6月底` merged over `累计完成投资`).
private func mayCountFromStart(_ c: Int, top: [CellMatch], sub: [CellMatch]?) -> Bool {
    let owner = top[..<min(c + 1, top.count)].last { !$0.isEmpty }
    return [sub?[safe: c]?.header.text, c < top.count && !top[c].isEmpty ? top[c].header.text : owner?.header.text]
        .contains { text in text.map { $0.hasPrefix("截至") || $0.hasPrefix("截止") } ?? false }
}

/// The month a column's header names (`1-2月完成投资` → 2, `2月完成投资` → 2), its own or its owner's.
private func namedMonth(_ c: Int, top: [CellMatch], sub: [CellMatch]?) -> Int? {
    if let s = sub, c < s.count, !s[c].isEmpty, let m = SheetReading.period(inHeader: s[c].header.text)?.month { return m }
    let owner = top[..<min(c + 1, top.count)].last { !$0.isEmpty }
    return owner.flatMap { SheetReading.period(inHeader: $0.header.text)?.month }
}

/// The year a column's header names (`2021年1-8月完成投资`, or `2021年` merged over `1-8月完成投资`).
private func namedYear(_ c: Int, top: [CellMatch], sub: [CellMatch]?) -> Int? {
    if let s = sub, c < s.count, !s[c].isEmpty, let year = TitleParser.period(in: s[c].header.text)?.year { return year }
    let owner = top[..<min(c + 1, top.count)].last { !$0.isEmpty }
    return owner.flatMap { TitleParser.period(in: $0.header.text)?.year }
}
