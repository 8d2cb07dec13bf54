import Foundation

/// Reads one county sheet: finds the title rows and header, fixes the layout, month, region
/// and unit (`info`), then turns every following record into exactly one `RowOutcome`.
///
/// Streaming: only the rows above the header (at most `maxRowsBeforeHeader`) and, when the
/// month must come from a 报告期 column, a few rows after it are buffered. Records before and
/// including the header come out first as `.skipped(.title/.blank/.header)`, so that
/// loaded + skipped + rejected = `recordsRead` once `next()` has returned nil.
/// Not Sendable: one reader per file, used from one task.
public final class SheetReading {
    public static let maxRowsBeforeHeader = 50
    /// Amounts above this (1万亿元) are taken for a unit mistake and rejected.
    public static let absurdAmountWan: Decimal = 100_000_000

    public let info: SheetInfo
    public private(set) var warnings: [SheetWarning] = []
    public private(set) var recordsRead: Int = 0

    private let source: any RecordSource
    private let analyzer: HeaderAnalyzer
    private let roles: [ColumnRole?]
    private let units: [MoneyUnit]
    let names: [String]
    private let headerRows: [[String]]
    private let rawDelimiter: String
    /// How the file writes its numbers (`NumberStyleEvidence`; `.decimalPoint` but for `;` files).
    let numberStyle: NumberStyle
    private var queue: [RowOutcome] = []
    private var queueIndex = 0
    private var pending: [CSVRecord] = []
    private(set) var category: String?
    /// The level-1 section the rows are under (`一、交通`), when a level-2 one (`（一）公路`) is
    /// the current `category`.
    private(set) var topCategory: String?
    /// The stage a section row names (`一、新开工项目`, `（二）续建项目`): the rows' 建设性质 when
    /// they state none. A stage is no kind of project, so never their category.
    private var stage: String?
    private var checker = SubtotalChecker()
    private var finished = false
    /// Descriptive cells per column that were left empty (`leftEmpty`), and the current row's.
    private var unreadCells: [Int: Int] = [:]
    /// Project rows whose month's figure exceeds the year to date (warned about).
    private var monthAboveYTD = 0
    /// Cells of loaded rows with `?` where a character was (`LostCharacters`), warned about.
    private var lostCharacterCells = 0
    private var rowLeftEmpty: [(column: Int, reason: String)] = []
    /// The region cell of the last project row that had one (`ProjectProgressRow.regionAbove`).
    private var lastProjectRegion: String?
    /// The region or unit of the last long-sheet row that had one, for the rows under a merged
    /// cell (`钦南区 | 固定资产投资` then ` | 工业投资`, `钦南区 | 一般性转移支付` then ` | 专项…`).
    private var keyAbove: String?
    /// The place a section row names (`三、钦州港片区`), for the rows under it.
    private var sectionRegion: String?
    /// A bond sheet's batch and issue date of the last row that gave both, for the rows under a
    /// merged cell (`policyCellsAbove`); cleared by sections and subtotals.
    var policyAbove: [String: String] = [:]
    /// Set once another table has begun below the sheet's own (its title or header).
    private var otherTable: String?
    /// Set once the sheet's total (`合计`, `总计`) has been read.
    private var sawTotal = false
    /// Indicator groups of a wide sheet, in column order.
    private let indicatorGroups: [IndicatorGroup]
    private let monthColumns: [(month: Int, cumulative: Bool, column: Int)]
    /// A transfer sheet's fund categories as columns (`FundColumn`), in column order.
    private let fundGroups: [(category: String, value: Int?, prior: Int?, yoy: Int?)]
    /// The unit of a transfer sheet without a 单位 column (its region, or the department whose own sheet it is).
    private let transferUnit: String?
    /// A targets sheet's rate columns and how they read (`TargetRates`).
    private let rateColumns: [Int: TargetRates.Column]
    /// An indicator or transfer sheet's reported growth columns whose fractions its own figures prove (×100).
    private let fractionYoY: Set<Int>
    /// Column indices of the project-progress fields, resolved once: looking each up by name in
    /// `info.columns` (a String-keyed dictionary, ~18 lookups a row) was 14% of the reader.
    private let projectColumns: ProjectColumns
    /// The column that tells a data row from a note, subtotal or section row.
    private let keyColumn: Int?
    /// Where each column's amount goes in the subtotal checks, resolved once per column
    /// unless it depends on the row's 指标 (a long sheet).
    private enum AmountSlot { case none, fixed(Int), perRow }
    private var amountSlots: [AmountSlot] = []

    private struct ProjectColumns {
        let code, name, ytd, period, isPrivate, start, restart, region, department, industry, nature,
            total, plan, month, status, stall: Int?
        init(_ c: [String: Int]) {
            code = c["project_code"]; name = c["project_name"]; ytd = c["ytd_completed"]; period = c["period"]
            isPrivate = c["private"]; start = c["start_date"]; restart = c["planned_restart"]; region = c["region"]
            department = c["department"]; industry = c["industry"]; nature = c["nature"]
            total = c["total_investment"]; plan = c["annual_plan"]; month = c["month_completed"]
            status = c["status"]; stall = c["stall_reason"]
        }
    }
    /// The indicator of a one-indicator sheet without 指标 column or indicator-named columns,
    /// from its title (`…各县区固定资产投资完成情况`: 县区名称 | 本年累计 | 同比增长).
    private let titleIndicator: String?
    /// Indicators are named in section rows (`SectionIndicators`); `sectionIndicator` is the
    /// name the last such section gave.
    private let sectionIndicators: Bool
    private var sectionIndicator: String?

    /// Opens a file: decodes and tokenizes it with `RecordStream` (encoding from the options or detected).
    public static func open(url: URL, options: ReadOptions) throws -> SheetReading {
        let stream = try RecordStream(url: url, encoding: options.encoding)
        return try SheetReading(source: stream, fileName: stream.fileName, options: options)
    }

    public init(source: any RecordSource, fileName: String, options: ReadOptions) throws {
        self.source = source
        let table = try SynonymTable.load(operatorFiles: options.synonymFiles)
        analyzer = HeaderAnalyzer(table: table)
        rawDelimiter = String(UnicodeScalar(source.delimiter))

        // 1. Title rows, then the header: the first row with two cells the table knows.
        var before: [CSVRecord] = []
        var header: (record: CSVRecord, cells: [CellMatch])?
        var read = 0
        while before.count < SheetReading.maxRowsBeforeHeader, let record = try source.next() {
            read += 1
            let cells = record.fields.map(analyzer.match)
            if cells.filter(\.isKnown).count >= 2 { header = (record, cells); break }
            before.append(record)
        }
        let seenText = before.prefix(12).map { $0.fields.compactMap(ValueParser.text).joined(separator: " ") }.filter { !$0.isEmpty }
        guard var header else {
            let misdecoded = Mojibake.likely(in: seenText) ? Mojibake.hint(encoding: source.encoding, forced: options.encoding != nil) : ""
            throw SheetError(code: .noHeader, file: fileName, line: before.last?.line,
                             message: before.isEmpty ? "empty file: no header row"
                                 : "no header row found in the first \(before.count) rows (no row has two cells matching the synonym table)\(misdecoded)",
                             seenHeaders: seenText)
        }
        // A row above the header naming the columns it leaves empty (a three-row header).
        var groupLine: Int?
        if let above = before.last, let filled = SheetReading.withGroupRow(above, analyzer: analyzer, over: header) {
            (header, groupLine) = (filled, above.line)
            before.removeLast()
        }
        let titles = before.compactMap { r -> String? in
            let t = r.fields.compactMap(ValueParser.text).joined(separator: " ")
            return t.isEmpty ? nil : t
        }

        // 2. A second header row: measure words, or text filling columns the first left empty;
        // a row of units under either (`UnitsRow`).
        var sub: (record: CSVRecord, cells: [CellMatch])?
        var top = header.cells
        var unitsLine: Int?
        if let next = try source.next() {
            read += 1
            let cells = next.fields.map(analyzer.match)
            // Joined headers only when the row is no data row (a first data row's long names made
            // joining every file's second row the costliest step of opening it).
            if SheetReading.unitsRow(next.fields) == nil, SheetReading.isSubHeader(cells, under: header.cells, raw: next.fields,
                                        joined: { [analyzer] in SheetReading.joinedHeaders(top: header.cells, sub: cells, analyzer: analyzer) }) {
                sub = (next, cells)
            } else {
                pending.append(next)
            }
        }
        if let next = try SheetReading.peek(0, pending: &pending, read: &read, source: source),
           let units = SheetReading.unitsRow(next.fields) {
            let folded = SheetReading.folding(units, top: (header.record.fields, top), sub: sub.map { ($0.record.fields, $0.cells) },
                                              analyzer: analyzer)
            top = folded.top
            if let s = sub, let cells = folded.sub { sub = (s.record, cells) }
            pending.removeFirst()
            unitsLine = next.line
        }
        let subCells = sub?.cells
        let width = max(top.count, subCells?.count ?? 0)

        // 3. Layout. The year the title or file name states tells this year's column from last
        // year's beside it (`2021年1-8月完成投资 | 2022年1-8月完成投资`).
        let titlePeriods = titles.compactMap(TitleParser.period(in:))
        let filePeriod = TitleParser.period(in: TitleParser.baseName(fileName))
        let statedYear = options.month?.year ?? titlePeriods.lazy.compactMap(\.year).first ?? filePeriod?.year
        let statedMonth = options.month?.month ?? titlePeriods.lazy.compactMap(\.month).first ?? filePeriod?.month
        let joined = subCells.map { [analyzer] in SheetReading.joinedHeaders(top: top, sub: $0, analyzer: analyzer) }
        var rolesByLayout: [SheetLayout: [ColumnRole?]] = [:]
        for layout in SheetLayout.allCases {
            rolesByLayout[layout] = resolveColumns(top: top, sub: subCells, layout: layout, joined: joined, year: statedYear,
                                                   month: statedMonth)
        }
        let headerTexts = (0..<width).map { c -> String in
            let t = c < top.count ? top[c].header.text : ""
            let s = c < (subCells?.count ?? 0) ? subCells![c].header.text : ""
            return s.isEmpty ? t : (t.isEmpty ? s : "\(t)/\(s)")
        }
        let titleText = titles.joined(separator: " ")
        let titleNamesIndicator = table.indicator(inTitle: NameNormalizer.normalize(titleText)) != nil
        func detect(titleNamesIndicator: Bool) throws -> SheetLayout? {
            do {
                return try SheetReading.detectLayout(rolesByLayout, headerTexts: headerTexts, titleText: titleText,
                                                     titleNamesIndicator: titleNamesIndicator)
            } catch {
                throw SheetError(code: .unknownLayout, file: fileName, line: header.record.line, message: error.reason,
                                 seenHeaders: headerTexts.filter { !$0.isEmpty })
            }
        }
        var detected = try options.layout ?? detect(titleNamesIndicator: titleNamesIndicator)
        // Indicators named only in section rows (`SectionIndicators`): looked for when nothing
        // else names one.
        var sectionIndicators = false
        if !titleNamesIndicator,
           (detected.map { [$0] } ?? [.indicatorSummary, .targets]).allSatisfy({ SheetReading.needsTitleIndicator($0, rolesByLayout[$0]!) }),
           try SheetReading.sectionsNameIndicators(analyzer, pending: &pending, read: &read, source: source) {
            sectionIndicators = true
            detected = try detected ?? detect(titleNamesIndicator: true)
        }
        let layout: SheetLayout
        if let detected {
            layout = detected
        } else {
            throw SheetError(code: .unknownLayout, file: fileName, line: header.record.line,
                             message: "cannot tell the layout from the header (expected \(SheetLayout.allCases.map(\.rawValue).joined(separator: ", ")) columns)"
                                 + (UnitColumn.regionsAcross(headerTexts).nonEmpty ?? "; use --layout"),
                             seenHeaders: headerTexts.filter { !$0.isEmpty })
        }
        var roles = rolesByLayout[layout]!
        if layout == .targets, let c = try SheetReading.placeColumnBesideDepartments(roles, top: top, sub: subCells,
                                                                                    pending: &pending, read: &read, source: source) {
            let unit = roles.firstIndex(of: .field("unit"))!
            roles[c] = .field("unit")
            roles[unit] = nil
            checker.warn(SheetWarning(line: header.record.line, message:
                "column \(c + 1) ('\(headerTexts[c])') holds region names: read as the unit column; '\(headerTexts[unit])' only names who is responsible"))
            warnings = checker.warnings
        }
        if layout == .projectProgress, let c = SideBySide.secondTable(top) {
            throw SheetError(code: .unknownLayout, file: fileName, line: header.record.line, column: c + 1,
                             message: "the header repeats 项目名称/项目代码/1-N月完成投资 from column \(c + 1) (\(SideBySide.letters(c)), '\(headerTexts[c])'): two tables side by side, of which only the left one would be read; put the second table's rows under the first, with one header",
                             seenHeaders: headerTexts.filter { !$0.isEmpty })
        }
        if layout == .projectProgress, let subCells, let split = AmountParts.ambiguous(roles, top: top, sub: subCells) {
            throw SheetError(code: .missingColumns, file: fileName, line: sub?.record.line ?? header.record.line,
                             message: "'\(split.heading)' is split into \(split.parts.joined(separator: " | ")) with no column named 合计/小计/总计: which one is the year to date is ambiguous; add the total as a 合计 column",
                             seenHeaders: headerTexts.filter { !$0.isEmpty })
        }
        let titleIndicator = SheetReading.needsTitleIndicator(layout, roles) ? table.indicator(inTitle: NameNormalizer.normalize(titleText)) : nil
        if let missing = SheetReading.missingColumns(layout, roles, indicatorOutsideColumns: titleIndicator != nil || sectionIndicators) {
            throw SheetError(code: .missingColumns, file: fileName, line: header.record.line,
                             message: "\(layout.rawValue) sheet is missing required column(s): \(missing)" + UnitColumn.regionsAcross(headerTexts),
                             seenHeaders: headerTexts.filter { !$0.isEmpty })
        }

        if layout == .transferPayments {
            for name in unknownFundGroups(top: top, sub: subCells, roles: roles) {
                checker.warn(SheetWarning(line: header.record.line, message:
                    "column group '\(name)' is no known fund category: its amounts are not read; add it to fund_column in a --synonyms file"))
            }
            warnings = checker.warnings
        }

        // 4. Unit: header cell, else title, else 万元.
        let titleUnit = titles.lazy.compactMap(TitleParser.unit(in:)).first
        var units: [MoneyUnit] = []
        var owner: CellMatch?
        for c in 0..<width {
            let t = c < top.count ? top[c] : nil
            if let t, !t.isEmpty { owner = t }
            let s = c < (subCells?.count ?? 0) ? subCells![c] : nil
            units.append(s?.header.unit ?? t?.header.unit ?? ((t?.isEmpty ?? true) ? owner?.header.unit : nil) ?? titleUnit ?? .wan)
        }
        // Monthly columns of a targets sheet (`2月 | 3月`) state no unit of their own when the
        // annual target beside them does (`全年目标任务（亿元）`): the decomposition is in the same unit;
        // under an indicator, its own target's (`固定资产投资` over `全年目标（亿元） | 1-3月`).
        if titleUnit == nil, layout == .targets {
            func stated(_ c: Int) -> MoneyUnit? { subCells?[safe: c]?.header.unit ?? top[safe: c]?.header.unit }
            for (c, role) in roles.enumerated() where stated(c) == nil {
                let target: ColumnRole
                switch role {
                case .month?: target = .field("annual_target")
                case .indicatorMonth(let code, _, _)?: target = .indicator(code, .target)
                default: continue
                }
                if let t = roles.firstIndex(of: target), let unit = stated(t) { units[c] = unit }
            }
        }
        let sheetUnit = titleUnit ?? zip(roles, units).first(where: { role, _ in SheetReading.isMoney(role) }).map(\.1) ?? .wan

        var columns: [String: Int] = [:]
        let groups = IndicatorGroup.groups(roles)
        var months: [(month: Int, cumulative: Bool, column: Int)] = []
        for (c, role) in roles.enumerated() {
            switch role {
            case .field(let f)?: columns[f] = c
            case .indicator(let code, let m)?:
                columns["\(code).\(m.rawValue)"] = columns["\(code).\(m.rawValue)"] ?? c
            case .indicatorMonth(let code, let n, let cumulative)?:
                columns["\(code).\(cumulative ? "ytd_month" : "month"):\(n)"] = c
            case .month(let n, let cumulative)?:
                columns["\(cumulative ? "ytd_month" : "month"):\(n)"] = c
                months.append((n, cumulative, c))
            case nil: break
            }
        }

        // A `;` file comes from a PC whose list separator is `;`, where the decimal separator is
        // usually `,`: its first data rows' amounts and rates decide how its numbers read.
        var numberStyle = NumberStyle.decimalPoint
        if source.delimiter == UInt8(ascii: ";") {
            var evidence = NumberStyleEvidence()
            var peeked = 0
            while let record = try SheetReading.peek(peeked, pending: &pending, read: &read, source: source) {
                peeked += 1
                for (c, role) in roles.enumerated() where c < record.fields.count && SheetReading.readsNumbers(role) {
                    evidence.add(record.fields[c], line: record.line, column: c)
                }
            }
            let decided = evidence.decision { c in c < headerTexts.count && !headerTexts[c].isEmpty ? headerTexts[c] : "column \(c + 1)" }
            numberStyle = decided.style
            if let warning = decided.warning {
                checker.warn(warning)
                warnings = checker.warnings
            }
        }
        self.numberStyle = numberStyle

        // A long sheet's `单位` column of 亿元, 万元 and % (`指标 | 单位 | 2023年1-8月 | …`) is each
        // row's unit (计量单位), not its region: 单位 names a region or receiving unit elsewhere.
        // The column is the region slot's (`指标 | 单位 | …`), or a `单位` column beside a 地区 one
        // (`地区 | 指标 | 单位 | 本年累计`), which took no role: 单位 was the region's second synonym.
        if layout == .indicatorSummary, columns["row_unit"] == nil, columns["indicator"] != nil {
            let unitCandidates = [columns["region"]].compactMap { $0 }
                + headerTexts.indices.filter { c in roles[c] == nil && ["单位", "计量单位"].contains(NameNormalizer.normalize(headerTexts[c])) }
            for rc in unitCandidates {
                var cells: [String] = []
                var peeked = 0
                while peeked < 12, let record = try SheetReading.peek(peeked, pending: &pending, read: &read, source: source) {
                    peeked += 1
                    if rc < record.fields.count, let text = ValueParser.text(record.fields[rc]) { cells.append(NameNormalizer.normalize(text)) }
                }
                let units = cells.filter(SheetReading.isUnitWord).count
                if units > 0, units * 2 > cells.count {
                    columns["row_unit"] = rc
                    if columns["region"] == rc { columns["region"] = nil }
                    break
                }
            }
        }

        // A targets sheet's rate columns, read ahead (bounded): fractions (`0.15`) or percents.
        var rateColumns: [Int: TargetRates.Column] = [:]
        if layout == .targets {
            for rc in Set([columns["target_rate"]].compactMap { $0 } + groups.compactMap { $0.rate ?? $0.yoy }).sorted() {
                var rates: [(value: Decimal, percentSign: Bool)] = []
                var peeked = 0
                while let record = try SheetReading.peek(peeked, pending: &pending, read: &read, source: source) {
                    peeked += 1
                    guard rc < record.fields.count, let v = try? SheetReading.percent(record.fields[rc], style: numberStyle) else { continue }
                    rates.append((v, TargetRates.hasPercentSign(record.fields[rc])))
                }
                let column = TargetRates.column(rates)
                rateColumns[rc] = column
                if column == .fractions {
                    let shown = rates.prefix(4).map { "\($0.value)" }.joined(separator: ", ") + (rates.count > 4 ? ", …" : "")
                    checker.warn(SheetWarning(line: header.record.line, message:
                        "\(headerTexts[rc]): every rate is between -1 and 1 (\(shown)): read as fractions, ×100 (0.15 is 15 %)"))
                    warnings = checker.warnings
                }
            }
        }

        // An indicator or transfer sheet's `同比增长（%）` written as fractions (`0.153` for 15.3 %, Excel's
        // `=(B-C)/C` in General format), the same rule as a targets sheet's rates, but read ×100
        // only when the sheet's value and prior-year columns prove it; else a warning.
        var fractionYoY: Set<Int> = []
        if layout == .indicatorSummary || layout == .transferPayments {
            func percentHeader(_ c: Int) -> Bool {
                if let s = subCells?[safe: c], !s.isEmpty { return s.header.isPercent }
                return top[safe: c]?.header.isPercent ?? false
            }
            // A transfer sheet's `本年累计争取 | 上年同期 | 同比增长（%）` the same way (the +6 % verdict).
            let yoyColumns = (columns["reported_yoy"].map { [(yoy: $0, value: columns["value"] ?? columns["ytd_amount"], prior: columns["prior_ytd"])] } ?? [])
                + groups.compactMap { g in g.yoy.map { (yoy: $0, value: g.value, prior: g.prior) } }
            for (rc, vc, pc) in yoyColumns where percentHeader(rc) {
                var rates: [(value: Decimal, percentSign: Bool)] = []
                var figures: [(rate: Decimal, value: Decimal?, prior: Decimal?)] = []
                var peeked = 0
                while let record = try SheetReading.peek(peeked, pending: &pending, read: &read, source: source) {
                    peeked += 1
                    guard rc < record.fields.count, let v = try? SheetReading.percent(record.fields[rc], style: numberStyle) else { continue }
                    rates.append((v, TargetRates.hasPercentSign(record.fields[rc])))
                    func amount(_ c: Int?) -> Decimal? {
                        guard let c, c < record.fields.count else { return nil }
                        return (try? ValueParser.money(record.fields[c], unit: units[c], style: numberStyle)) ?? nil
                    }
                    figures.append((v, amount(vc), amount(pc)))
                }
                guard TargetRates.column(rates) == .fractions else { continue }
                let shown = rates.prefix(4).map { "\($0.value)" }.joined(separator: ", ") + (rates.count > 4 ? ", …" : "")
                switch TargetRates.provenByFigures(figures) {
                case true?:
                    fractionYoY.insert(rc)
                    checker.warn(SheetWarning(line: header.record.line, message:
                        "'\(headerTexts[rc])' (column \(rc + 1)): every rate is between -1 and 1 (\(shown)) and the sheet's own figures (value ÷ prior year − 1) are 100 times larger: read as fractions, ×100 (0.153 is 15.3 %)"))
                case nil:
                    checker.warn(SheetWarning(line: header.record.line, message:
                        "'\(headerTexts[rc])' (column \(rc + 1)): rates all below 1 % (\(shown)): written as fractions? No prior-year column to tell, so read as written; if 0.153 means 15.3 %, write the rates as percents"))
                case false?: break
                }
                warnings = checker.warnings
            }
        }

        // An indicator sheet without a year-to-date value (`县区 | 本季度 | 增速`): its rows carry
        // only the rate (a sheet of rates is loaded on purpose, and never replaces a stored figure);
        // a column it does not read may be the value under a header the table lacks.
        if layout == .indicatorSummary, !roles.contains(where: { role in
            if case .field("value")? = role { return true }
            if case .indicator(_, .value)? = role { return true }
            return false
        }) {
            let unread = headerTexts.indices.filter { c in
                roles[c] == nil && !headerTexts[c].isEmpty && !((subCells?[safe: c] ?? top[safe: c])?.ignored ?? false)
            }
            if !unread.isEmpty {
                checker.warn(SheetWarning(line: header.record.line, message:
                    "no year-to-date value column (headers seen: \(headerTexts.filter { !$0.isEmpty }.joined(separator: " | "))): "
                        + "the rows carry only the rate, and a load keeps the figures already stored; not read: "
                        + unread.map { "'\(headerTexts[$0])'" }.joined(separator: ", ")
                        + " (a quarter's or a month's own figure is no year to date; if one is, add it to value in a --synonyms file)"))
                warnings = checker.warnings
            }
        }

        // 5. Month: option, title, file name, then a 报告期 column (DESIGN §5).
        var month: YearMonth? = options.month
        if month == nil, layout == .targets {
            let year = titlePeriods.first(where: { $0.year != nil })?.year ?? filePeriod?.year
            month = titlePeriods.lazy.compactMap(\.yearMonth).first ?? year.map { YearMonth(year: $0, month: 12) }
        }
        if month == nil { month = titlePeriods.lazy.compactMap(\.yearMonth).first }
        if month == nil { month = filePeriod?.yearMonth }
        // The month in one place and the year in the other (`钦南区2022年重大项目进度表` in `…进度表6月.csv`).
        // A file name's bare month (`…进度表6月`) only here, after the title's month.
        let fileMonth = filePeriod?.month ?? TitleParser.period(inFileName: fileName)?.month
        if month == nil, let m = titlePeriods.lazy.compactMap(\.month).first ?? fileMonth,
           let y = titlePeriods.lazy.compactMap(\.year).first ?? filePeriod?.year {
            month = YearMonth(year: y, month: m)
        }
        if month == nil, let periodColumn = columns["period"] {
            // Peek ahead (bounded) for the first row that states its period.
            var peeked = 0
            while month == nil, let record = try SheetReading.peek(peeked, pending: &pending, read: &read, source: source) {
                peeked += 1
                if periodColumn < record.fields.count, let p = TitleParser.period(in: record.fields[periodColumn]) { month = p.yearMonth }
            }
        }
        if month == nil {
            // A 报告期/统计期 row below the data of a short sheet (`统计期：2022年6月`), looked for as far
            // as the look-ahead bound.
            var peeked = 0
            while month == nil, let record = try SheetReading.peek(peeked, pending: &pending, read: &read, source: source) {
                peeked += 1
                month = SheetReading.labelledPeriod(record.fields)
            }
        }
        // A column's header as it names its period: under a heading merged over parts (`1-4月完成投资`
        // over `其中：政府投资 | 合计`, `AmountParts`) the heading's with its own.
        func periodHeader(_ c: Int) -> String {
            guard SheetReading.period(inHeader: headerTexts[c])?.month == nil,
                  let heading = top[..<min(c + 1, top.count)].last(where: { !$0.isEmpty })?.header.text, heading != headerTexts[c]
            else { return headerTexts[c] }
            return "\(heading)/\(headerTexts[c])"
        }
        // `浦北县2022年重大项目投资进度表` over `1-6月完成投资`: the year from the title or file name,
        // the month from the year-to-date column's header — said in the batch.
        // With no year there but a filing date above the header (`报送时间：2022年7月5日`), the
        // year of the latest such month not after it: a sheet is sent after its month.
        var headerMonth: (column: String, month: YearMonth, filed: YearMonth?)?
        if month == nil, layout != .targets {
            let year = titlePeriods.lazy.compactMap(\.year).first ?? filePeriod?.year ?? TitleParser.period(inFileName: fileName)?.year
            let filed = year == nil ? titles.lazy.compactMap(TitleParser.filingDate(in:)).first : nil
            for (c, role) in roles.enumerated() where c < headerTexts.count && SheetReading.namesItsPeriod(role) {
                let text = periodHeader(c)
                guard let named = SheetReading.period(inHeader: text), let m = named.month,
                      let y = named.year ?? year ?? filed.map({ m <= $0.month ? $0.year : $0.year - 1 }) else { continue }
                headerMonth = (text, YearMonth(year: y, month: m), filed)
                month = headerMonth?.month
                break
            }
        }
        // `2022年度…完成情况`: the whole year's report, December — said in the batch, as the
        // title of a monthly sheet of the year's projects can read so too.
        var wholeYear: YearMonth?
        if month == nil, let y = titles.lazy.compactMap(TitleParser.wholeYear(in:)).first {
            month = YearMonth(year: y, month: 12)
            wholeYear = month
        }
        var yearAssumed: (text: Int, month: YearMonth)?
        if month == nil, let current = options.currentMonth,
           let m = titlePeriods.lazy.compactMap(\.month).first ?? fileMonth {
            // `灵山县6月份重大项目进度表` with no year anywhere: the latest June not after today.
            let assumed = YearMonth(year: m <= current.month ? current.year : current.year - 1, month: m)
            (month, yearAssumed) = (assumed, (m, assumed))
        }
        guard let month else {
            let dated = (titles + [TitleParser.baseName(fileName)]).contains(where: TitleParser.hasSendingDate)
            throw SheetError(code: .missingMonth, file: fileName, line: header.record.line,
                             message: "no reporting month: not given by --month, the title rows (\(titles.isEmpty ? "none" : titles.joined(separator: " / "))), the file name or a 报告期/月份 column"
                                 + (dated ? " (a 填报日期 or a day's date such as 20220705 is when the sheet was sent, not the month it reports)" : ""),
                             seenHeaders: headerTexts.filter { !$0.isEmpty })
        }

        // The title and the file name naming different months (`2025-07_钦南区….csv` titled
        // `1-6月`: a stale title, or a file renamed for the wrong month): the title's is used,
        // as DESIGN §5 orders them, and the batch says so.
        if options.month == nil, layout != .targets, let fromTitle = titlePeriods.lazy.compactMap(\.yearMonth).first,
           let fromName = filePeriod?.yearMonth, fromName != fromTitle {
            checker.warn(SheetWarning(line: titles.isEmpty ? header.record.line : nil, message:
                "the title says \(fromTitle), the file name \(fromName): loaded as \(fromTitle); pass --month if the file name is right"))
            warnings = checker.warnings
        }
        if let wholeYear {
            checker.warn(SheetWarning(line: header.record.line, message:
                "no month in --month, the title or the file name: '\(wholeYear.year)年度' in the title is taken as the whole year, \(wholeYear); pass --month if the sheet is for another month"))
            warnings = checker.warnings
        }
        if let headerMonth {
            checker.warn(SheetWarning(line: header.record.line, message:
                "no month in --month, the title or the file name: the month is the one column '\(headerMonth.column)' names, \(headerMonth.month)"
                    + (headerMonth.filed.map { ", its year the latest not after the filing date's month \($0)" } ?? "")
                    + "; pass --month if the sheet is for another month"))
            warnings = checker.warnings
        }
        if let yearAssumed {
            checker.warn(SheetWarning(line: header.record.line, message:
                "no year in --month, the title or the file name: month \(yearAssumed.text) is taken as \(yearAssumed.month), the latest such month not after today; pass --month if it is another year"))
            warnings = checker.warnings
        }
        // A header that names another period than the sheet's (`1-5月完成投资` in a June sheet:
        // last month's template, or a stale title) is read as the sheet's month, with a warning.
        if layout != .targets {
            for (c, role) in roles.enumerated() where c < headerTexts.count && SheetReading.namesItsPeriod(role) {
                guard let named = SheetReading.period(inHeader: periodHeader(c)), let m = named.month,
                      m != month.month || (named.year.map { $0 != month.year } ?? false) else { continue }
                let period = named.year.map { YearMonth(year: $0, month: m).description } ?? "month \(m)"
                checker.warn(SheetWarning(line: header.record.line, message:
                    "column '\(periodHeader(c))' names \(period) but the sheet is for \(month) (from --month, the title or the file name); its values are loaded as \(month)"))
            }
            warnings = checker.warnings
        }

        // A policy sheet without its used/paid column: the payment or usage rate it exists for
        // is unknown and counts as none (0 % paid, "not fully used"), so the batch says why.
        if let measure = Self.policyMissingMeasure(layout, roles) {
            checker.warn(SheetWarning(line: header.record.line, message: measure))
            warnings = checker.warnings
        }

        // 6. Region of the whole file: option, 填报单位 row, other titles, file name.
        // A transfer sheet without a 单位 column is one unit's own: a department's when an office
        // other than the finance bureau (which reports its region's) names it in the title, the
        // 填报单位 row or the file name (`市交通运输局2022年1-5月争取上级资金情况`), else the region's.
        let oneUnitTransfer = layout == .transferPayments && columns["unit"] == nil
        let region = options.region ?? TitleParser.sheetRegion(titles: titles, fileName: fileName)
        let office = oneUnitTransfer ? TitleParser.department(titles: titles, fileName: fileName).flatMap { $0.contains("财政") ? nil : $0 } : nil
        let transferUnit = office ?? (oneUnitTransfer ? region : nil)
        if (layout == .indicatorSummary && columns["region"] == nil || layout == .targets && columns["unit"] == nil) && region == nil
            || oneUnitTransfer && transferUnit == nil {
            let sheet = layout == .transferPayments ? "transfer sheet (no 单位/县区/部门 column)"
                : "\(layout == .targets ? "targets" : "indicator") sheet (no 地区/县区 column)"
            throw SheetError(code: .missingRegion, file: fileName, line: header.record.line,
                             message: "one-\(oneUnitTransfer ? "unit" : "region") \(sheet) but no \(oneUnitTransfer ? "region or department" : "region") in --region, the title rows (\(titles.isEmpty ? "none" : titles.joined(separator: " / "))) or the file name",
                             seenHeaders: headerTexts.filter { !$0.isEmpty })
        }

        if options.region == nil, let region {
            let others = TitleParser.otherPlaces(than: region, titles: titles, fileName: fileName)
            if !others.isEmpty {
                checker.warn(SheetWarning(line: header.record.line, message:
                    "the sheet is taken as \(region)'s, but " + others.map { "\($0.source) names \($0.place)" }.joined(separator: " and ")
                    + ": a title left from another sheet? pass --region if the sheet is not \(region)'s"))
                warnings = checker.warnings
            }
        }

        var headerLines = (groupLine.map { [$0] } ?? []) + [header.record.line]
        if let sub { headerLines.append(sub.record.line) }
        if let unitsLine { headerLines.append(unitsLine) }
        var info = SheetInfo(fileName: fileName, encoding: source.encoding, delimiter: source.delimiter, layout: layout,
                             month: month, region: region, unit: sheetUnit, headerLines: headerLines,
                             headers: headerTexts, columns: columns, titles: titles)
        info.numberStyle = numberStyle
        self.info = info
        self.roles = roles + Array(repeating: nil, count: max(0, width - roles.count))
        self.units = units
        self.titleIndicator = titleIndicator
        self.sectionIndicators = sectionIndicators
        self.names = headerTexts.enumerated().map { $0.element.isEmpty ? "column \($0.offset + 1)" : $0.element }
        self.headerRows = [top.map(\.header.text)] + (subCells.map { [$0.map(\.header.text)] } ?? [])
        self.indicatorGroups = groups
        self.monthColumns = months.sorted { $0.month < $1.month }
        var funds: [(category: String, value: Int?, prior: Int?, yoy: Int?)] = []
        for (c, role) in roles.enumerated() {
            guard case .field(let f)? = role, let (kind, category) = FundColumn.parse(f) else { continue }
            let i = funds.firstIndex { $0.category == category } ?? { funds.append((category, nil, nil, nil)); return funds.count - 1 }()
            switch kind {
            case .value: funds[i].value = c
            case .prior: funds[i].prior = c
            case .yoy: funds[i].yoy = c
            }
        }
        self.fundGroups = funds
        self.rateColumns = rateColumns
        self.fractionYoY = fractionYoY
        self.transferUnit = transferUnit
        self.projectColumns = ProjectColumns(columns)
        self.keyColumn = layout.isProjectKeyed ? columns["project_code"]
            : layout == .indicatorSummary ? (columns["region"] ?? columns["indicator"]) : columns["unit"]
        recordsRead = read

        for record in before {
            let blank = RowClassifier.isBlank(record.fields)
            queue.append(.skipped(SkippedRow(line: record.line, kind: blank ? .blank : .title,
                                             reason: blank ? "empty row above the header" : "title row above the header")))
        }
        if let groupLine { queue.append(.skipped(SkippedRow(line: groupLine, kind: .header, reason: "group header row above the header"))) }
        queue.append(.skipped(SkippedRow(line: header.record.line, kind: .header, reason: "header row")))
        if let sub { queue.append(.skipped(SkippedRow(line: sub.record.line, kind: .header, reason: "second header row"))) }
        if let unitsLine { queue.append(.skipped(SkippedRow(line: unitsLine, kind: .header, reason: "row of units under the header"))) }
        for record in before + [header.record] + (sub.map { [$0.record] } ?? []) { warnNotes(record) }
        for (c, role) in self.roles.enumerated() {
            guard let role else { amountSlots.append(.none); continue }
            // A key that does not change with the row's indicator is fixed for the column.
            let a = SheetReading.amountKey(role, layout: layout, longIndicator: "\u{1}a")
            let b = SheetReading.amountKey(role, layout: layout, longIndicator: "\u{1}b")
            amountSlots.append(a != b ? .perRow : a.map { .fixed(checker.slot($0)) } ?? .none)
            guard let key = SheetReading.amountKey(role, layout: layout, longIndicator: "*") else { continue }
            checker.names[key] = names[c]
        }
    }

    /// The next record's outcome; nil at the end (after the final subtotal checks).
    public func next() throws -> RowOutcome? {
        if queueIndex < queue.count {
            defer { queueIndex += 1; if queueIndex == queue.count { queue.removeAll(); queueIndex = 0 } }
            return queue[queueIndex]
        }
        let record: CSVRecord
        if !pending.isEmpty {
            record = pending.removeFirst()
        } else if !finished, let r = try source.next() {
            recordsRead += 1
            record = r
        } else {
            if !finished {
                finished = true
                checker.finish()
                for (c, count) in unreadCells.sorted(by: { $0.key < $1.key }) where count > SheetReading.unreadCellWarnings {
                    checker.warn(SheetWarning(line: info.headerLines.last ?? 0, message:
                        "\(names[c]): \(count - SheetReading.unreadCellWarnings) more cells that could not be read were left empty"))
                }
                if monthAboveYTD > SheetReading.unreadCellWarnings {
                    checker.warn(SheetWarning(line: info.headerLines.last ?? 0, message:
                        "\(monthAboveYTD - SheetReading.unreadCellWarnings) more rows whose month's figure is more than the year to date"))
                }
                if lostCharacterCells > SheetReading.unreadCellWarnings {
                    checker.warn(SheetWarning(line: info.headerLines.last ?? 0, message:
                        "\(lostCharacterCells - SheetReading.unreadCellWarnings) more cells with '?' between Chinese characters: "
                            + LostCharacters.advice(info.encoding)))
                }
                warnings = checker.warnings
            }
            return nil
        }
        return classify(record)
    }

    /// Record `i` below the header rows, read ahead into `pending` as needed; nil past the end
    /// of the file or the look-ahead bound (`maxRowsBeforeHeader` records held at once).
    static func peek(_ i: Int, pending: inout [CSVRecord], read: inout Int, source: any RecordSource) throws -> CSVRecord? {
        while i >= pending.count {
            guard pending.count < maxRowsBeforeHeader, let record = try source.next() else { return nil }
            read += 1
            pending.append(record)
        }
        return pending[i]
    }

    // MARK: - Classification

    /// A row that starts another table: a 附表/附件 title without a key, or a header of other
    /// columns (its first cell the header's, two or more known header words, no number).
    private func anotherTable(_ cells: [String], first f: Int) -> (name: String, isHeader: Bool)? {
        // Per data row: out at once for a row number or a cell that cannot begin the header's.
        guard let top = headerRows.first, f < top.count, let lead = cells[f].utf8.first, !(0x30...0x39).contains(lead) else { return nil }
        let annex = cells[f].utf8.starts(with: "附".utf8)
        guard annex || (!top[f].isEmpty && !SheetReading.cannotStart(cells[f], with: top[f])) else { return nil }
        let label = NameNormalizer.normalize(cells[f])
        if annex, label.hasPrefix("附表") || label.hasPrefix("附件"), keyColumn.map({ SheetReading.normalizesEmpty(cells[$0]) }) ?? true,
           cells.enumerated().allSatisfy({ $0.offset == f || SheetReading.normalizesEmpty($0.element) }) {
            return (String(label.prefix(30)), false)
        }
        guard !top[f].isEmpty, HeaderText(cells[f]).text == top[f] else { return nil }
        let texts = cells.map { HeaderText($0).text }
        guard !SheetReading.sameCells(texts, top), !cells.contains(where: { ValueParser.isNumber($0, style: numberStyle) }) else { return nil }
        let known = cells.filter { !SheetReading.normalizesEmpty($0) && analyzer.match($0).isKnown }.count
        return known >= 2 ? (texts.filter { !$0.isEmpty }.prefix(4).joined(separator: " | "), true) : nil
    }

    private func classify(_ record: CSVRecord) -> RowOutcome {
        warnNotes(record)
        if let (column, reason) = RecordCheck.problem(record, columns: info.columns) {
            return .rejected(RecordCheck.rejection(record, column: column, reason: reason, names: names, delimiter: rawDelimiter))
        }
        var cells = record.fields
        if cells.count < roles.count { cells += Array(repeating: "", count: roles.count - cells.count) }
        let line = record.line
        if RowClassifier.isBlank(cells) { return .skipped(SkippedRow(line: line, kind: .blank, reason: "empty row")) }
        if let otherTable {
            return .skipped(SkippedRow(line: line, kind: .note, reason: "row of another table below the sheet's own (\(otherTable)): not read"))
        }
        let firstNonEmpty = cells.firstIndex(where: { !SheetReading.normalizesEmpty($0) })
        // Another table under the sheet's own (`附表：2025年拟开工项目清单` and its own header):
        // its columns are not this header's, so none of its rows is read as this sheet's.
        if let f = firstNonEmpty, let start = anotherTable(cells, first: f) {
            otherTable = start.name
            return .skipped(SkippedRow(line: line, kind: start.isHeader ? .header : .title,
                                       reason: "start of another table below the sheet's own (\(start.name)): its rows are not read"))
        }
        // A repeated header: a cheap look at the first cell before normalising the whole row.
        if let f = firstNonEmpty,
           headerRows.contains(where: { f < $0.count && !$0[f].isEmpty && !SheetReading.cannotStart(cells[f], with: $0[f])
               && NameNormalizer.normalize(cells[f]).hasPrefix($0[f]) }) {
            let normalized = cells.map { HeaderText($0).text }
            for h in headerRows where SheetReading.sameCells(normalized, h) {
                return .skipped(SkippedRow(line: line, kind: .header, reason: "header row repeated mid-file"))
            }
        }
        let keyIsEmpty = keyColumn.map { SheetReading.normalizesEmpty(cells[$0]) || $0 == firstNonEmpty } ?? true
        var kind = RowClassifier.classify(cells, keyIsEmpty: keyIsEmpty, projectLayout: info.layout.isProjectKeyed)
        // `一、固定资产投资（不含农户）` in a 指标 column is the indicator's row, numbered, not a section.
        if case .section(_, let name)? = kind, info.columns["indicator"] != nil, indicatorCode(name) != nil { kind = nil }
        switch kind {
        case .blank?:
            return .skipped(SkippedRow(line: line, kind: .blank, reason: "empty row"))
        case .note(let label)?:
            return .skipped(SkippedRow(line: line, kind: .note, reason: "note row '\(label.prefix(20))'"))
        case .subtotal(let label, _)? where RowClassifier.isQualifiedTotal(label):
            return .skipped(SkippedRow(line: line, kind: .subtotal, reason: "subtotal row '\(label)' of the part it names: not checked"))
        case .subtotal(let label, let whole)?:
            keyAbove = nil
            policyAbove.removeAll()
            if whole { sawTotal = true }
            checker.subtotal(label: label, wholeSheet: whole, line: line, amounts: subtotalAmounts(cells, line: line))
            warnings = checker.warnings
            return .skipped(SkippedRow(line: line, kind: .subtotal,
                                       reason: "subtotal row '\(label)', checked against the \(whole ? "whole sheet" : "rows since the previous section or subtotal")"))
        case .breakdown(let label)?:
            return .skipped(SkippedRow(line: line, kind: .subtotal, reason: "breakdown row '\(label.prefix(20))' (part of the row above, "
                                       + (info.layout == .projectProgress ? "not a project)" : "not a region)")))
        case .section(let level, let name)?:
            if sectionIndicators, SheetReading.setsIndicator(level: level, name: name, code: indicatorCode(name)) {
                sectionIndicator = name
            }
            // A merged 县区 cell cannot span a section row: the group above ends here.
            lastProjectRegion = nil
            keyAbove = nil
            policyAbove.removeAll()
            if info.layout == .projectProgress, TitleParser.region(in: name) == name {
                // A city's sheet grouped by place (`三、钦州港片区`): the rows below are that
                // place's (as under a merged 县区 cell), and the name is no project category —
                // it cleared the industrial flags of every project under it.
                sectionRegion = name
                if level <= 1 { category = nil; topCategory = nil }
            } else if info.layout == .projectProgress, level <= 2, SheetReading.namesAStage(name) {
                // `一、新开工项目`, or `（一）新建项目` under a kind (`一、工业项目`), whose category
                // the rows keep: the stage was the category of rows under no kind.
                stage = name
                if level <= 1 { category = nil; topCategory = nil; sectionRegion = nil }
            } else if level <= 1 || !SheetReading.namesAStage(name) || topCategory == nil {
                category = name
                if level <= 1 { topCategory = name; sectionRegion = nil; stage = nil }
            }
            // else a stage under a kind (`一、工业项目` / `（一）新建项目`): the rows stay the
            // kind's (they became 新建项目, an industrial plant and a road in one category).
            checker.section(level: level, label: name, line: line, amounts: subtotalAmounts(cells, line: line))
            warnings = checker.warnings
            return .skipped(SkippedRow(line: line, kind: .section, reason: "section row: category '\(name)' for the rows below"))
        case nil:
            // Below the sheet's total, a project sheet's keyless rows of a label and sums
            // (`新开工项目 | | 3 | 1,200`, `在建项目（2个）`) summarise it by status: not projects.
            if info.layout == .projectProgress, keyIsEmpty, sawTotal, let f = firstNonEmpty,
               cells[(f + 1)...].allSatisfy({ SheetReading.normalizesEmpty($0) || ValueParser.isNumber($0, style: numberStyle) }) {
                return .skipped(SkippedRow(line: line, kind: .subtotal,
                                           reason: "summary row '\(NameNormalizer.normalize(cells[f]).prefix(20))' below the sheet's total, not checked"))
            }
        }
        do {
            rowAmounts.removeAll()
            longIndicator = nil
            rowUnit = nil
            skipReason = nil
            rowLeftEmpty.removeAll()
            let row = try parse(cells, line: line)
            if let row {
                checker.data(rowAmounts, line: line)
                commitLeftEmpty(line: line)
                if record.scan?.hasQuestionMark ?? true { warnLostCharacters(cells, line: line) }
                return .data(row)
            }
            if let skipReason { return .skipped(SkippedRow(line: line, kind: .note, reason: skipReason)) }
            // A region's row of dashes in a bureau's sheet: its figure will come from elsewhere
            // (its projects, its sub-regions), which the batch should say.
            if info.layout == .indicatorSummary, let c = info.columns["region"], c < cells.count,
               let region = ValueParser.text(cells[c]) {
                checker.warn(SheetWarning(line: line, message:
                    "row of \(region) has no values: skipped; the reports take its figure from its projects or sub-regions, if any"))
                warnings = checker.warnings
            }
            return .skipped(SkippedRow(line: line, kind: .blank, reason: "row has no values"))
        } catch {
            checker.rejected()
            return .rejected(RejectedRow(line: line, column: error.column.map { $0 + 1 },
                                         columnName: error.column.map { names[$0] },
                                         raw: record.fields.joined(separator: rawDelimiter), reason: error.reason))
        }
    }

    struct CellError: Error {
        var column: Int?
        var reason: String
    }

    func text(_ cells: [String], _ field: String) -> String? {
        guard let c = info.columns[field], c < cells.count else { return nil }
        return ValueParser.text(cells[c])
    }

    func text(_ cells: [String], _ c: Int?) -> String? {
        guard let c, c < cells.count else { return nil }
        return ValueParser.text(cells[c])
    }

    func date(_ cells: [String], _ c: Int?) throws(CellError) -> String? {
        guard let c, c < cells.count else { return nil }
        do { return try ValueParser.date(cells[c]) } catch { throw CellError(column: c, reason: error.description) }
    }

    /// A sub-section that names a stage of the work, not a kind of project: `（一）新建项目`,
    /// `（二）续建项目（12个）`, `前期项目`, `竣工投产项目`.
    static func namesAStage(_ name: String) -> Bool {
        var text = NameNormalizer.normalize(name)
        if let open = text.firstIndex(where: { $0 == "(" || $0 == "（" }) { text = String(text[..<open]) }
        for suffix in ["项目", "类"] where text.hasSuffix(suffix) && text.count > suffix.count { text.removeLast(suffix.count) }
        return ["新建", "续建", "新开工", "计划新开工", "拟新开工", "在建", "续建在建", "竣工", "已竣工", "竣工投产", "投产",
                "建成", "前期", "前期工作", "预备", "储备", "谋划", "拟建", "计划开工", "已开工", "未开工"].contains(text)
    }

    /// The 建设性质 a stage section gives its rows: `新开工项目（3个）` -> `新开工`.
    static func stageNature(_ name: String) -> String {
        var text = NameNormalizer.normalize(name)
        if let open = text.firstIndex(of: "(") { text = String(text[..<open]) }
        return text.hasSuffix("项目") && text.count > 2 ? String(text.dropLast(2)) : text
    }

    /// A project row's 开工时间 or 计划复工时间, descriptive dates a row's figures should not be
    /// lost for: `2022年3月上旬` reads as its month, `23.05` and `8月底` as the sheet's month
    /// tells (`ValueParser.shortDate`); a cell that is no date (`已开工`, `3月`,
    /// `2022年第一季度`) is left empty with a warning.
    func lenientDate(_ cells: [String], _ c: Int?, ahead: Bool = false) -> String? {
        guard let c, c < cells.count else { return nil }
        do { return try ValueParser.date(cells[c]) } catch {
            if let month = ValueParser.roughDate(cells[c]) ?? ValueParser.shortDate(cells[c], sheet: info.month, ahead: ahead) {
                return month
            }
            leftEmpty(c, error.description)
            return nil
        }
    }

    /// A secondary amount or rate (a project's 总投资, 年度计划, 本月完成; an indicator's or
    /// transfer's prior-year figure and reported growth): unreadable (`约300`, `下降6.5个百分点`),
    /// it is left empty with a warning and the row's own figure loads.
    private func secondary<T>(_ read: () throws(CellError) -> T?) -> T? {
        do { return try read() } catch {
            if let column = error.column { leftEmpty(column, error.reason) }
            return nil
        }
    }

    /// The indicator of a long sheet's row: its 指标 cell, else the one the title names. nil
    /// with `skipReason` set for another statistic (a 主要指标 sheet lists GDP, retail sales, …);
    /// an unknown name that looks like investment is rejected, to extend the synonym table.
    private func longRowIndicator(_ cells: [String], keeps: String) throws(CellError) -> String? {
        let ic = info.columns["indicator"]
        let name: String
        if let ic {
            guard let text = ValueParser.text(cells[ic]) else { throw CellError(column: ic, reason: "missing indicator name (指标)") }
            name = text
        } else if sectionIndicators {
            guard let section = sectionIndicator else {
                throw CellError(column: nil, reason: "no indicator: no section row above it names one (一、固定资产投资)")
            }
            name = section
        } else {
            return titleIndicator
        }
        let code = indicatorCode(name)
        if code != nil || SheetReading.mayBeInvestment(name), info.layout == .indicatorSummary, namesARate(name) {
            // `民间投资占比 | 40.0` loaded as 40 万元 of private investment, and the real row
            // became its duplicate.
            skipReason = "'\(name)' is a share or growth rate, not an amount; the indicator's own row carries its figures"
            return nil
        }
        if let code { return code }
        if !SheetReading.mayBeInvestment(name) {
            skipReason = "'\(name)' is not an investment indicator; the warehouse keeps \(keeps) only"
            return nil
        }
        throw CellError(column: ic, reason: "'\(name)' is not a known indicator (固定资产投资, 工业投资, 民间投资, 制造业投资, 基础设施投资, 房地产开发投资, 上级转移支付; extend the synonym table)")
    }

    /// A secondary cell that cannot be read (a project's date, 是否民间投资 or optional amount; an
    /// indicator's prior-year figure or growth rate) is left empty. Noted for the row being
    /// parsed and warned about only if the row loads (`commitLeftEmpty`): the first few per
    /// column, then a count at the end.
    private func leftEmpty(_ c: Int, _ reason: String) {
        rowLeftEmpty.append((c, reason))
    }

    private func commitLeftEmpty(line: Int) {
        guard !rowLeftEmpty.isEmpty else { return }
        for (c, reason) in rowLeftEmpty {
            unreadCells[c, default: 0] += 1
            guard unreadCells[c]! <= SheetReading.unreadCellWarnings else { continue }
            checker.warn(SheetWarning(line: line, message: "\(names[c]): \(reason); left empty, the row's figures are loaded"))
        }
        warnings = checker.warnings
        rowLeftEmpty.removeAll()
    }

    static let unreadCellWarnings = 5

    /// Column `c` (0-based) as warnings name it.
    private func columnName(_ c: Int) -> String {
        "\(c < names.count ? names[c] : "column \(c + 1)") (column \(c + 1))"
    }

    /// A warning for each of the record's notes (`CSVRecord.notes`: a cell read as UTF-8 in a GBK file).
    private func warnNotes(_ record: CSVRecord) {
        guard !record.notes.isEmpty else { return }
        for note in record.notes {
            checker.warn(SheetWarning(line: record.line, message: "\(columnName(note.column - 1)): \(note.message)"))
        }
        warnings = checker.warnings
    }

    /// A loaded row's cells with `?` where a character was lost (`LostCharacters`): the first
    /// few of the file, then a count at the end.
    private func warnLostCharacters(_ cells: [String], line: Int) {
        for (c, cell) in cells.enumerated() where LostCharacters.likely(in: cell) {
            lostCharacterCells += 1
            guard lostCharacterCells <= SheetReading.unreadCellWarnings else { continue }
            checker.warn(SheetWarning(line: line, message:
                "\(columnName(c)): '\(cell)' has '?' between Chinese characters: \(LostCharacters.advice(info.encoding))"))
        }
        warnings = checker.warnings
    }

    /// The row's key (`field`), or the one above it when a merged cell left it empty: only in a
    /// sheet whose rows are keyed by a `second` column too (the indicator of a long indicator or
    /// targets sheet, the fund category of a transfer sheet) and that names the row's.
    func keyOrAbove(_ cells: [String], _ field: String, _ what: String, second: String) throws(CellError) -> String {
        if let key = text(cells, field) {
            keyAbove = key
            return key
        }
        if let above = keyAbove, text(cells, second) != nil { return above }
        throw CellError(column: info.columns[field], reason: "missing \(what)")
    }

    func required(_ cells: [String], _ field: String, _ what: String) throws(CellError) -> String {
        guard let t = text(cells, field) else {
            throw CellError(column: info.columns[field], reason: "missing \(what)")
        }
        return t
    }

    /// Amounts of the data row being parsed, by subtotal-check slot.
    private var rowAmounts = SubtotalChecker.RowAmounts()

    /// Whether `NameNormalizer.normalize(s)` is empty, from the first byte when it can tell:
    /// a printable ASCII byte or a lead byte of a block the normaliser neither drops nor
    /// rewrites (it drops whitespace and zero-widths: lead bytes 09–0D, 20, C2, E1, E2, E3, EF)
    /// is kept, so the text is not empty.
    @inline(__always)
    static func normalizesEmpty(_ s: String) -> Bool {
        guard let b = s.utf8.first else { return true }
        switch b {
        case 0x21...0x7E, 0xC3...0xE0, 0xE4...0xEE, 0xF0...0xF4: return false
        default: return NameNormalizer.normalize(s).isEmpty
        }
    }
    /// True when `NameNormalizer.normalize(cell).hasPrefix(header)` is certainly false, from
    /// first bytes: the cell starts with printable ASCII (which normalising keeps, so its
    /// first Character starts with that scalar) and the header with a scalar in
    /// U+4000–U+9FFF (lead bytes E4–E9: CJK ideographs, none with a decomposition), so the
    /// first Characters cannot be canonically equivalent. A data row's `123` against `序号`
    /// no longer goes through Character-by-Character comparison.
    @inline(__always)
    static func cannotStart(_ cell: String, with header: String) -> Bool {
        guard let c = cell.utf8.first, let h = header.utf8.first else { return false }
        return (0x21...0x7E).contains(c) && (0xE4...0xE9).contains(h)
    }

    /// The 指标 code of the long-sheet row being parsed.
    private var longIndicator: String?
    /// The unit the row's 计量单位 cell names, over the column's.
    private var rowUnit: MoneyUnit?
    /// Why `parse` returned no row, when it is not simply "no values".
    private var skipReason: String?
    /// How the targets sheet's month columns read, once a row's annual target proved it.
    private var monthReading: (reading: TargetMonths.Reading, line: Int)?

    /// A targets row's month columns as cumulative targets: the reading its annual target
    /// proves (`TargetMonths`), else the one an earlier row proved, else each period's own
    /// (summed from January, as documented). A reading that does not end at the annual target
    /// in December is a warning; so, once, is a sheet of cumulative columns.
    private func monthlyTargets(_ months: [TargetMonths.Cell], annual: Decimal?, line: Int) -> [Int: Decimal] {
        if let proven = TargetMonths.proven(months, annual: annual) {
            if monthReading == nil {
                monthReading = (proven, line)
                if proven == .cumulative {
                    checker.warn(SheetWarning(line: line, message:
                        "the month columns are cumulative targets (they rise to the annual target \(annual ?? 0) instead of adding up to it): each is read as the target from January to the end of its period"))
                    warnings = checker.warnings
                }
            }
            return TargetMonths.ytd(months, proven)
        }
        let reading = monthReading?.reading ?? .perPeriod
        let ytd = TargetMonths.ytd(months, reading)
        if let annual, let last = months.last, last.month == 12, let december = ytd[12], abs(december - annual) > max(1, annual / 1000) {
            let sum = TargetMonths.ytd(months, .perPeriod)[12] ?? 0
            checker.warn(SheetWarning(line: line, message:
                "the month columns neither add up to the annual target \(annual) (their sum is \(sum)) nor rise to it (the last is \(last.value)): read as "
                + (reading == .perPeriod ? "each period's own, summed from January" : "cumulative, like line \(monthReading!.line)")))
            warnings = checker.warnings
        }
        return ytd
    }

    /// A targets row's amounts in its period columns (`1-3月 | 1-6月`), empty cells left out.
    private func periodTargets(_ cells: [String], _ columns: [(month: Int, cumulative: Bool, column: Int)]) throws(CellError) -> [TargetMonths.Cell] {
        var months: [TargetMonths.Cell] = []
        for m in columns {
            guard let v = try money(cells, m.column, nonNegative: true) else { continue }
            months.append((m.month, m.cumulative, v))
        }
        return months
    }

    func money(_ cells: [String], _ c: Int?, nonNegative: Bool = false) throws(CellError) -> Decimal? {
        guard let c, c < cells.count else { return nil }
        let parsed: ParsedNumber?
        var cellUnit: MoneyUnit?
        do { parsed = try ValueParser.number(cells[c], style: numberStyle) } catch {
            // `1.5亿` in a 万元 column: the cell states its own unit.
            guard let stated = ValueParser.numberWithUnit(cells[c], style: numberStyle) else {
                throw CellError(column: c, reason: "\(error.description); expected an amount in \(units[c].rawValue)")
            }
            (parsed, cellUnit) = (stated.number, stated.unit)
        }
        guard let parsed else { return nil }
        if parsed.isPercent {
            throw CellError(column: c, reason: "'\(cells[c])' is a percentage; expected an amount in \(units[c].rawValue)")
        }
        let unit = cellUnit ?? rowUnit ?? units[c]
        let isWan = unit == .wan   // skip Decimal multiplications in the common case
        let value = isWan ? parsed.value : parsed.value * unit.toWan
        let amount = SheetReading.amount(parsed, value: value, unit: unit)
        switch amountSlots[c] {
        case .none: break
        case .fixed(let slot): rowAmounts.set(slot, amount)
        case .perRow:
            if let role = roles[c], let key = SheetReading.amountKey(role, layout: info.layout, longIndicator: longIndicator) {
                rowAmounts.set(checker.slot(key), amount)
            }
        }
        // The checks in fixed point when the amount has it (Decimal comparisons are slow).
        if nonNegative, amount.fixedUnits.map({ $0 < 0 }) ?? (value < 0) {
            let what = c < names.count && !names[c].isEmpty ? names[c] : "this amount"
            throw CellError(column: c, reason: "'\(cells[c])' is negative; \(what) cannot be negative")
        }
        if amount.fixedUnits.map({ $0.magnitude > Amount.absurdUnits }) ?? (abs(value) > SheetReading.absurdAmountWan) {
            throw CellError(column: c, reason: "'\(cells[c])' is \(value) 万元, beyond 1万亿元; check the unit (\(unit.rawValue))")
        }
        return value
    }

    /// A cell's amount in 万元 with its rounding bound: fixed point when it fits, else Decimal.
    static func amount(_ n: ParsedNumber, value: Decimal, unit: MoneyUnit) -> Amount {
        let shift = unit.exponentToWan
        if let significand = n.significand,
           let fixed = Amount(significand: significand, exponent: n.exponent, negative: n.negative,
                              decimals: n.decimals, unitShift: shift) {
            return fixed
        }
        let half = Decimal(sign: .plus, exponent: -n.decimals - 1, significand: 5)
        return Amount(wan: value, halfULP: unit == .wan ? half : half * unit.toWan)
    }

    /// A targets row's rate in percent: ×100 in a column of fractions, unless the cell wrote
    /// its `%`; a bare rate below 1 among whole percents is read as written, with a warning.
    private func targetRate(_ cells: [String], _ c: Int?, line: Int) throws(CellError) -> Decimal? {
        guard let c, let v = try percent(cells, c), abs(v) < 1, !TargetRates.hasPercentSign(cells[c]) else { return try percent(cells, c) }
        switch rateColumns[c] {
        case .fractions?: return v * 100
        case .percents(wholeSeen: true)? where v != 0:
            checker.warn(SheetWarning(line: line, message:
                "\(names[c]): \(v) is read as \(v) %, while the column's other rates are whole percents (a load reads it as \(v * 100) % when the annual target is last year's figure × (1 + \(v))); if it is a fraction, write \(v * 100)"))
            warnings = checker.warnings
            return v
        default: return v
        }
    }

    /// An indicator or transfer sheet's reported growth rate, ×100 in a column its figures prove fractions
    /// (a cell writing its `%` as written).
    private func reportedRate(_ cells: [String], _ c: Int?) throws(CellError) -> Decimal? {
        guard let c, let v = try percent(cells, c) else { return nil }
        return fractionYoY.contains(c) && !TargetRates.hasPercentSign(cells[c]) ? v * 100 : v
    }

    private func percent(_ cells: [String], _ c: Int?) throws(CellError) -> Decimal? {
        guard let c, c < cells.count else { return nil }
        do { return try SheetReading.percent(cells[c], style: numberStyle) } catch {
            throw CellError(column: c, reason: "\(error.description); expected a percentage")
        }
    }

    static func percent(_ cell: String, style: NumberStyle = .decimalPoint) throws(ValueError) -> Decimal? {
        var t = cell
        // `增长18.2%`, `下降2.5%`, and the arrows of statistical tables (`↑3.1`, `▼2.0`).
        for prefix in ["增长", "下降", "↑", "▲", "↓", "▼"] where NameNormalizer.normalize(t).hasPrefix(prefix) {
            let rest = String(NameNormalizer.normalize(t).dropFirst(prefix.count))
            t = ["下降", "↓", "▼"].contains(prefix) ? "-" + rest : rest
        }
        // …or after the figure (`12.3↑`, `-2.1↓`, `2.1↓`): a falling arrow makes a bare figure negative.
        for suffix in ["↑", "▲", "↓", "▼"] where NameNormalizer.normalize(t).hasSuffix(suffix) {
            let rest = String(NameNormalizer.normalize(t).dropLast(suffix.count))
            t = ["↓", "▼"].contains(suffix) && !rest.hasPrefix("-") ? "-" + rest : rest
        }
        return try ValueParser.percent(t, style: style)
    }

    /// Indicator names repeat on every row of a long sheet; match each distinct text once.
    private var indicatorCache: [String: String?] = [:]
    private var rateNameCache: [String: Bool] = [:]

    /// A 指标 name of an indicator's share or rate (`民间投资占比`, `工业投资占固定资产投资比重（%）`,
    /// `固定资产投资增速`), not of its amount.
    private func namesARate(_ text: String) -> Bool {
        if let cached = rateNameCache[text] { return cached }
        let m = analyzer.match(text)
        let rate = m.header.isPercent || [.share, .yoy, .rate, .change].contains(m.measure)
            || SheetReading.rateWords.contains { m.header.text.contains($0) }
        if rateNameCache.count < 1000 { rateNameCache[text] = rate }
        return rate
    }
    static let rateWords = ["占比", "比重", "比例", "增速", "增幅", "增长率", "同比", "增长"]

    private func indicatorCode(_ text: String) -> String? {
        if let cached = indicatorCache[text] { return cached }
        let code = analyzer.match(text).indicator
        if indicatorCache.count < 1000 { indicatorCache[text] = code }
        return code
    }

    func rowMonth(_ cells: [String]) throws(CellError) -> YearMonth? {
        guard let c = projectColumns.period, c < cells.count, let t = ValueParser.text(cells[c]) else { return nil }
        guard let ym = TitleParser.period(in: t)?.yearMonth else {
            throw CellError(column: c, reason: "'\(t)' is not a reporting period (YYYY-MM, YYYY年M月, YYYY年1-M月)")
        }
        return ym
    }

    private static func regionText(_ s: String) -> String {
        var t = s
        for prefix in ["其中：", "其中:"] where t.hasPrefix(prefix) { t.removeFirst(prefix.count) }
        return t
    }

    /// The period a header states: `2021年1-6月完成投资`, `1-5月完成投资`, `5月完成投资`, `其中：5月`.
    static func period(inHeader text: String) -> PeriodText? {
        if let p = TitleParser.period(in: text), p.month != nil { return p }
        var s = Substring(NameNormalizer.normalize(text))
        for prefix in ["其中:", "其中"] where s.hasPrefix(prefix) { s = s.dropFirst(prefix.count); break }
        let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...2).contains(digits.count), s.dropFirst(digits.count).first == "月",
              let m = Int(digits), (1...12).contains(m) else { return nil }
        return PeriodText(year: nil, month: m)
    }

    /// Amount columns whose header states the period they cover (`1-6月完成投资`, `6月完成投资`).
    static func namesItsPeriod(_ role: ColumnRole?) -> Bool {
        switch role {
        case .field(let f)?: return ["ytd_completed", "month_completed", "ytd_amount", "value"].contains(f)
        case .indicator(_, .value)?: return true
        default: return false
        }
    }

    /// `市本级`, `钦州市本级`, `市直`: the city's own part (its departments and city-level
    /// projects), not a region. In an indicator or targets sheet the row sits beside the city's
    /// 全市 row; read as the city (its alias) it took the city's place and the real 全市 row
    /// was rejected as its duplicate.
    static func isCityOwnPart(_ region: String) -> Bool {
        let name = NameNormalizer.normalize(region)
        return name.hasSuffix("本级") || ["市直", "市直部门", "市直单位", "市直属单位"].contains(name)
    }

    private func parse(_ cells: [String], line: Int) throws(CellError) -> DataRow? {
        switch info.layout {
        case .projectProgress:
            let col = projectColumns
            guard let codeText = text(cells, col.code) else {
                throw CellError(column: col.code, reason: "missing project code (项目代码)")
            }
            let code: String
            do { code = try ValueParser.projectCode(codeText) } catch {
                throw CellError(column: col.code, reason: error.description)
            }
            guard let name = text(cells, col.name) else {
                throw CellError(column: col.name, reason: "missing project name (项目名称)")
            }
            guard let ytd = try money(cells, col.ytd, nonNegative: true) else {
                throw CellError(column: col.ytd, reason: "missing year-to-date completed investment (\(names[col.ytd!]))")
            }
            if let m = try rowMonth(cells), m != info.month {
                throw CellError(column: col.period, reason: "row is for \(m), the sheet for \(info.month)")
            }
            // Last, once nothing can reject the row: the other cells, which only warn.
            // A negative 总投资 or 年度计划 (`（100）`) is no amount: left empty with a warning.
            let total = secondary { () throws(CellError) in try money(cells, col.total, nonNegative: true) }
            let plan = secondary { () throws(CellError) in try money(cells, col.plan, nonNegative: true) }
            let monthAmount = secondary { () throws(CellError) in try money(cells, col.month) }
            // A month's figure above the year's to date cannot both be right (the columns swapped,
            // or a stale YTD): loaded as written, and said (the first few, then a count).
            if let monthAmount, monthAmount > ytd {
                monthAboveYTD += 1
                if monthAboveYTD <= SheetReading.unreadCellWarnings {
                    checker.warn(SheetWarning(line: line, message:
                        "\(names[col.month!]) \(monthAmount) is more than \(names[col.ytd!]) \(ytd): one of them is wrong; loaded as written"))
                    warnings = checker.warnings
                }
            }
            var isPrivate: Bool?
            if let c = col.isPrivate, c < cells.count {
                do { isPrivate = try ValueParser.yesNo(cells[c]) } catch { leftEmpty(c, error.description) }
            }
            let start = lenientDate(cells, col.start)
            let restart = lenientDate(cells, col.restart, ahead: true)
            let region = text(cells, col.region)
            let above = region == nil ? lastProjectRegion ?? sectionRegion : nil
            if let region { lastProjectRegion = region }
            return .project(ProjectProgressRow(
                line: line, projectCode: code, projectName: name, region: region,
                department: text(cells, col.department), industry: text(cells, col.industry), category: category,
                isPrivate: isPrivate, nature: text(cells, col.nature) ?? stage.map(SheetReading.stageNature),
                totalInvestment: total, annualPlan: plan, ytdCompleted: ytd, monthCompleted: monthAmount,
                status: text(cells, col.status).map(ValueParser.projectStatus), stallReason: text(cells, col.stall), startDate: start,
                plannedRestart: restart, regionAbove: above, section: topCategory == category ? nil : topCategory))

        case .indicatorSummary:
            // A one-region long sheet (`灵山县主要投资指标…`: 指标名称 | 本月止累计 | …) has no region
            // column; the sheet's region (checked when the file was opened) applies to every row.
            let region = info.columns["region"] == nil && info.region != nil
                ? info.region!
                : SheetReading.regionText(try keyOrAbove(cells, "region", "region (地区/县区)", second: "indicator"))
            if SheetReading.isCityOwnPart(region) {
                skipReason = "'\(region)' is the city's own part, not a region: the city's figure is its 全市 row (or the sum of its regions)"
                return nil
            }
            let month = try rowMonth(cells)
            var rows: [IndicatorRow] = []
            if let uc = info.columns["row_unit"], let unitText = ValueParser.text(cells[uc]) {
                // 计量单位: this row's amounts are in the unit it names; a row in 万平方米 or 个
                // is a statistic the warehouse does not keep.
                let named = NameNormalizer.normalize(unitText)
                if let unit = MoneyUnit(text: named) { rowUnit = unit }
                else if named == "%" {
                    // `固定资产投资增速 | % | 7.7`: a rate, not the indicator's amount (it loaded as 7.7
                    // 万元 and made the amount's own row a duplicate).
                    skipReason = "row in % (计量单位): a growth rate, not an amount; the indicator's amount row carries its rate"
                    return nil
                } else {
                    skipReason = "row in \(unitText) (计量单位), not an amount of money; the warehouse keeps investment amounts only"
                    return nil
                }
            }
            let code = try longRowIndicator(cells, keeps: "investment and transfer figures")
            if code == nil, skipReason != nil { return nil }
            if let code {
                longIndicator = code
                let value = try money(cells, info.columns["value"], nonNegative: true)
                let prior = secondary { () throws(CellError) in try money(cells, info.columns["prior_ytd"], nonNegative: true) }
                let yoy = secondary { () throws(CellError) in try reportedRate(cells, info.columns["reported_yoy"]) }
                if value != nil || prior != nil || yoy != nil {
                    rows.append(IndicatorRow(line: line, region: region, indicator: code, ytdValue: value,
                                             priorYtdValue: prior, reportedYoYPct: yoy, month: month))
                }
            }
            for g in indicatorGroups {
                let value = try money(cells, g.value, nonNegative: true)
                let prior = secondary { () throws(CellError) in try money(cells, g.prior, nonNegative: true) }
                let yoy = secondary { () throws(CellError) in try reportedRate(cells, g.yoy) }
                guard value != nil || prior != nil || yoy != nil else { continue }
                rows.append(IndicatorRow(line: line, region: region, indicator: g.code, ytdValue: value,
                                         priorYtdValue: prior, reportedYoYPct: yoy, month: month))
            }
            return rows.isEmpty ? nil : .indicator(rows)

        case .transferPayments:
            // One unit's own sheet (资金类别 | 本年累计争取 | …): the sheet's unit receives every row.
            let unit: String
            if let transferUnit { unit = transferUnit } else {
                unit = SheetReading.regionText(try keyOrAbove(cells, "unit", "receiving unit (单位/县区/部门)", second: "category"))
            }
            func transfer(_ category: String?, _ amount: Decimal, prior: Int?, yoy: Int?) -> TransferRow {
                TransferRow(line: line, unit: unit, category: category.map(analyzer.table.fundCategory), ytdAmount: amount,
                            priorYtdAmount: secondary { () throws(CellError) in try money(cells, prior, nonNegative: true) },
                            reportedYoYPct: secondary { () throws(CellError) in try reportedRate(cells, yoy) })
            }
            if !fundGroups.isEmpty {
                // One column per fund category: a row per category with an amount (an empty
                // cell is a category the unit received nothing from).
                var rows: [TransferRow] = []
                for g in fundGroups {
                    guard let amount = try money(cells, g.value, nonNegative: true) else { continue }
                    rows.append(transfer(g.category, amount, prior: g.prior, yoy: g.yoy))
                }
                if rows.isEmpty { throw CellError(column: fundGroups.first?.value, reason: "no amount in any fund category column") }
                return .transfer(rows)
            }
            guard let amount = try money(cells, info.columns["ytd_amount"], nonNegative: true) else {
                throw CellError(column: info.columns["ytd_amount"], reason: "missing year-to-date amount (\(names[info.columns["ytd_amount"]!]))")
            }
            // Without a 资金类别 column, a section row that names a fund (`一、一般性转移支付`) is the
            // rows' category (they were stored without one, and a unit's rows of two funds summed).
            let sectionFund = info.columns["category"] == nil
                ? category.flatMap { c in ["转移支付", "资金", "补助", "债券", "基金"].contains(where: c.contains) ? c : nil } : nil
            return .transfer([transfer(text(cells, "category") ?? sectionFund, amount, prior: info.columns["prior_ytd"],
                                       yoy: info.columns["reported_yoy"])])

        case .targets:
            // A one-region sheet (`灵山县2024年固定资产投资月度目标`: 指标 | 全年目标 | 1月 …) has no
            // unit column; the sheet's region applies to every row.
            let unit = info.columns["unit"] == nil && info.region != nil
                ? info.region!
                : SheetReading.regionText(try keyOrAbove(cells, "unit", "unit or region (单位/地区)", second: "indicator"))
            if SheetReading.isCityOwnPart(unit) {
                skipReason = "'\(unit)' is the city's own part, not a region: the city's target is its 全市 row"
                return nil
            }
            let year = info.month.year
            var rows: [TargetRow] = []
            let code = try longRowIndicator(cells, keeps: "investment and transfer targets")
            if code == nil, skipReason != nil { return nil }
            if let code {
                longIndicator = code
                let annual = try money(cells, info.columns["annual_target"], nonNegative: true)
                let rate = try targetRate(cells, info.columns["target_rate"], line: line)
                let monthly = monthlyTargets(try periodTargets(cells, monthColumns), annual: annual, line: line)
                if annual != nil || rate != nil || !monthly.isEmpty {
                    rows.append(TargetRow(line: line, unit: unit, indicator: code, year: year, annualTarget: annual,
                                          ratePct: rate, monthlyYTD: monthly))
                }
            }
            for g in indicatorGroups {
                let annual = try money(cells, g.target ?? g.value, nonNegative: true)
                let rate = try targetRate(cells, g.rate ?? g.yoy, line: line)
                let monthly = monthlyTargets(try periodTargets(cells, g.months), annual: annual, line: line)
                guard annual != nil || rate != nil || !monthly.isEmpty else { continue }
                rows.append(TargetRow(line: line, unit: unit, indicator: g.code, year: year, annualTarget: annual,
                                      ratePct: rate, monthlyYTD: monthly))
            }
            return rows.isEmpty ? nil : .target(rows)

        case .centralBudget, .specialBonds, .reservePool:
            return try parsePolicy(cells, line: line)
        }
    }

    // MARK: - Subtotal amounts

    /// The key a money column adds to in subtotal checks; `longIndicator` is the row's 指标
    /// code in a long sheet.
    static func amountKey(_ role: ColumnRole, layout: SheetLayout, longIndicator: String?) -> String? {
        switch (layout, role) {
        case (.projectProgress, .field(let f)) where ["ytd_completed", "month_completed", "annual_plan", "total_investment"].contains(f):
            return f
        case (.transferPayments, .field(let f)) where ["ytd_amount", "prior_ytd"].contains(f):
            return f
        case (.transferPayments, .field(let f)) where [.value, .prior].contains(FundColumn.parse(f)?.kind):
            return f
        case (.indicatorSummary, .field(let f)) where ["value", "prior_ytd"].contains(f):
            return longIndicator.map { "\($0).\(f)" }
        case (.targets, .field("annual_target")):
            return longIndicator.map { "\($0).annual_target" }
        case (.indicatorSummary, .indicator(let code, let m)) where m == .value || m == .prior:
            return "\(code).\(m.rawValue)"
        case (.targets, .indicator(let code, let m)) where m == .target || m == .value:
            return "\(code).target"
        case (let l, .field(let f)) where l.isPolicy && SheetLayout.policyMoneyFields.contains(f):
            return f
        default:
            return nil
        }
    }

    /// Columns read as numbers, amounts and rates: where a `;` file's number style shows.
    static func readsNumbers(_ role: ColumnRole?) -> Bool {
        switch role {
        case .field(let f)?: return isMoney(role) || ["reported_yoy", "target_rate"].contains(f) || FundColumn.parse(f)?.kind == .yoy
        case .indicator(_, let m)?: return isMoney(role) || m == .yoy || m == .rate
        default: return isMoney(role)
        }
    }

    static func isMoney(_ role: ColumnRole?) -> Bool {
        switch role {
        case .field(let f)?: return ["ytd_completed", "month_completed", "annual_plan", "total_investment", "ytd_amount",
                                     "prior_ytd", "value", "annual_target"].contains(f) || SheetLayout.policyMoneyFields.contains(f)
                || [.value, .prior].contains(FundColumn.parse(f)?.kind)
        case .indicator(_, let m)?: return m == .value || m == .prior || m == .target
        case .month?, .indicatorMonth?: return true
        case nil: return false
        }
    }

    /// Money cells of a subtotal or section row keyed for the checks; unreadable cells are left
    /// out and reported through `problems`.
    private func amounts(_ cells: [String], problems: (Int, ValueError) -> Void) -> [String: Amount] {
        let long = info.columns["indicator"].flatMap { $0 < cells.count ? indicatorCode(cells[$0]) : nil }
            ?? sectionIndicator.flatMap(indicatorCode) ?? titleIndicator
        var out: [String: Amount] = [:]
        for (c, role) in roles.enumerated() {
            guard let role, c < cells.count, let key = SheetReading.amountKey(role, layout: info.layout, longIndicator: long) else { continue }
            do {
                guard let n = try ValueParser.number(cells[c], style: numberStyle), !n.isPercent else { continue }
                out[key] = SheetReading.amount(n, value: n.value * units[c].toWan, unit: units[c])
            } catch {
                problems(c, error)
            }
        }
        return out
    }

    private func subtotalAmounts(_ cells: [String], line: Int) -> [String: Amount] {
        var found: [SheetWarning] = []
        let result = amounts(cells) { c, error in
            found.append(SheetWarning(line: line, message: "subtotal cell \(self.names[c]): \(error.description); not checked"))
        }
        for w in found { checker.warn(w) }
        return result
    }

    // MARK: - Header helpers

    static func sameCells(_ a: [String], _ b: [String]) -> Bool {
        func trimmed(_ x: [String]) -> ArraySlice<String> {
            var s = x[...]
            while let last = s.last, last.isEmpty { s = s.dropLast() }
            return s
        }
        let ta = trimmed(a), tb = trimmed(b)
        return !tb.isEmpty && ta.elementsEqual(tb)
    }

    /// Per column of a two-row header: the (merged) top cell's text and the sub cell's read as
    /// one header, top first (`1-6月` over `完成投资` reads `1-6月完成投资`) or, when that names
    /// nothing, sub first (`完成投资` over `1-6月` | `6月` reads `6月完成投资`); an empty match
    /// where either cell is empty.
    static func joinedHeaders(top: [CellMatch], sub: [CellMatch], analyzer: HeaderAnalyzer) -> [CellMatch] {
        let empty = CellMatch(header: HeaderText(""))
        var owner = ""
        return (0..<max(top.count, sub.count)).map { c in
            if c < top.count, !top[c].isEmpty { owner = top[c].header.text }
            guard c < sub.count, !sub[c].isEmpty, !owner.isEmpty else { return empty }
            let topFirst = analyzer.match(owner + sub[c].header.text)
            return topFirst.fields.isEmpty ? analyzer.match(sub[c].header.text + owner) : topFirst
        }
    }

    /// A 计量单位 cell: a unit of money, a percentage or a unit of things (`个`, `万平方米`).
    static func isUnitWord(_ text: String) -> Bool {
        MoneyUnit(text: text) != nil || ["%", "个", "项", "家", "人", "万人", "亩", "平方米", "万平方米", "吨", "万吨",
                                         "千瓦时", "万千瓦时", "辆", "户"].contains(text)
    }

    /// The period of a row labelled with it (`报告期：2022年1-9月`, `统计期 | 2022年6月`).
    static func labelledPeriod(_ fields: [String]) -> YearMonth? {
        guard let first = fields.first(where: { !normalizesEmpty($0) }),
              RowClassifier.periodLabels.contains(where: NameNormalizer.normalize(first).hasPrefix) else { return nil }
        return TitleParser.period(in: fields.joined(separator: " "))?.yearMonth
    }

    /// An indicator name an investment warehouse might be meant to know (`固定资产投资（不含农户）`,
    /// `技改投资`, `争取上级资金`): unknown ones are rejected so the synonym table gets extended;
    /// anything else (`地区生产总值`, `社会消费品零售总额`) is another statistic, skipped.
    static func mayBeInvestment(_ name: String) -> Bool {
        let normalized = NameNormalizer.normalize(name)
        return ["投资", "投入", "转移支付", "资金", "固投", "技改"].contains { normalized.contains($0) }
    }

    /// `joined`: the cells read with the top cell over them (`joinedHeaders`): `2023年` over
    /// `计划投资` is `2023年计划投资`, a known header though neither cell is one alone.
    static func isSubHeader(_ cells: [CellMatch], under top: [CellMatch], raw: [String],
                            joined makeJoined: () -> [CellMatch] = { [] }) -> Bool {
        let nonEmpty = cells.indices.filter { !cells[$0].isEmpty }
        guard !nonEmpty.isEmpty else { return false }
        for i in nonEmpty {
            if (try? ValueParser.number(raw[i])) != nil { return false }   // a number (not nil, no error) is data
            if raw[i].filter(\.isNumber).count >= 10 { return false }      // a project code
        }
        // Before the row kinds: the parts' names include a 合计 (`AmountParts`).
        if AmountParts.isPartsRow(cells, under: top) { return true }
        if RowClassifier.classify(raw, keyIsEmpty: true, projectLayout: true) != nil { return false }
        let joined = makeJoined()
        func owner(_ c: Int) -> CellMatch? {
            top[..<min(c + 1, top.count)].last { !$0.isEmpty }
        }
        func describable(_ c: Int) -> Bool {
            let m = cells[c]
            return m.measure != nil || m.isKnown || m.monthly != nil || m.ignored || (c < joined.count && joined[c].isKnown)
                || projectAmountUnder(owner(c), sub: m) != nil
        }
        if nonEmpty.allSatisfy(describable) { return true }
        let underEmpty = nonEmpty.filter { $0 >= top.count || top[$0].isEmpty }
        let underNamed = nonEmpty.filter { $0 < top.count && !top[$0].isEmpty }
        guard !underEmpty.isEmpty else { return false }
        // `2023年投资` over `计划投资 | 1-9月完成投资 | 9月完成投资`: mostly known words, no figures.
        let known = nonEmpty.filter(describable).count
        return underNamed.allSatisfy(describable) || (known >= 2 && known * 2 >= nonEmpty.count + 1)
    }

    static func detectLayout(_ roles: [SheetLayout: [ColumnRole?]], headerTexts: [String], titleText: String,
                             titleNamesIndicator: Bool = false) throws(MonthColumns.NotTargets) -> SheetLayout? {
        func has(_ l: SheetLayout, _ f: String) -> Bool { roles[l]!.contains(.field(f)) }
        func indicators(_ l: SheetLayout, _ measures: Set<Measure>) -> Int {
            roles[l]!.filter { if case .indicator(_, let m)? = $0 { return measures.contains(m) } else { return false } }.count
        }
        // Quarter columns (`一季度 | 上半年 | 前三季度`) alone do not make a targets sheet: an
        // indicator sheet can have them too.
        let monthColumns = roles[.targets]!.filter { if case .month? = $0 { return true } else { return false } }.count
            - headerTexts.filter { HeaderAnalyzer.quarter(NameNormalizer.normalize($0)) != nil }.count
        let title = NameNormalizer.normalize(titleText)
        if let policy = policyLayout(roles, title: title) { return policy }
        if has(.projectProgress, "project_code") || (has(.projectProgress, "project_name") && has(.projectProgress, "ytd_completed")) {
            return .projectProgress
        }
        // An amount only transfer sheets have (`本年累计争取`, `累计到位资金`) decides over a target
        // beside it (`目标任务 | 完成目标任务（%）`, the finance bureau's usual form): it was read as
        // a targets sheet and every amount secured was dropped. The target is not kept.
        let transferRoles = roles[.transferPayments]!
        let securedAmount = transferRoles.indices.contains { c in
            transferRoles[c] == .field("ytd_amount") && c < headerTexts.count
                && (headerTexts[c].contains("争取") || headerTexts[c].contains("到位"))
        }
        if has(.transferPayments, "unit"), securedAmount, !has(.indicatorSummary, "indicator") { return .transferPayments }
        let statedTargets = has(.targets, "annual_target") || has(.targets, "target_rate") || indicators(.targets, [.target, .rate]) > 0
        // Month columns alone (`县区 | 1-2月 | 1-3月 | … | 1-8月`) are targets only under words saying
        // so: a county's monthly completions were read as its targets and replaced them.
        if !statedTargets, monthColumns >= 3, has(.targets, "unit") || has(.targets, "indicator"),
           let reason = MonthColumns.notTargets(title: title, headerTexts: headerTexts) {
            throw MonthColumns.NotTargets(reason: reason)
        }
        let targetColumns = statedTargets || monthColumns >= 3
        let targetTitle = title.contains("目标任务") || title.contains("目标分解") || title.contains("任务分解")
        // Period targets under an indicator (`IndicatorGroup`) count as its values here, as they were read before.
        let periodTargets = roles[.targets]!.contains { if case .indicatorMonth? = $0 { return true } else { return false } }
        if has(.targets, "unit"),
           targetColumns || (targetTitle && (has(.targets, "indicator") || indicators(.targets, [.value]) > 0 || periodTargets)) {
            return .targets
        }
        let transferWords = headerTexts.contains { $0.contains("争取") || $0.contains("到位") || $0.contains("转移支付") }
            || has(.transferPayments, "category") || title.contains("转移支付")
        let fundColumns = roles[.transferPayments]!.contains { role in
            if case .field(let f)? = role { return FundColumn.parse(f)?.kind == .value } else { return false }
        }
        if has(.transferPayments, "unit"), has(.transferPayments, "ytd_amount") && transferWords || fundColumns,
           !has(.indicatorSummary, "indicator") {
            return .transferPayments
        }
        // One unit's own sheet (a county finance bureau's, a department's): 资金类别 | 本年累计争取 |
        // 上年同期, the unit in the title or file name. Only columns no other sheet has decide: a
        // fund category, a fund list's 资金名称, or an amount 争取 from above beside no
        // project name (到位资金 is also a project's funding).
        let transferOnly = has(.transferPayments, "category")
            || has(.transferPayments, "fund_name")
            || headerTexts.contains { $0.contains("争取") } && !has(.projectProgress, "project_name")
        if !has(.transferPayments, "unit"), has(.transferPayments, "ytd_amount") && transferOnly || fundColumns,
           !has(.indicatorSummary, "indicator"), !has(.indicatorSummary, "region") {
            return .transferPayments
        }
        if has(.indicatorSummary, "region"), has(.indicatorSummary, "indicator") || indicators(.indicatorSummary, [.value, .yoy, .prior]) > 0 {
            return .indicatorSummary
        }
        // One indicator's sheet: 县区 | 本年累计 | 同比增长 under a title naming the indicator.
        if has(.indicatorSummary, "region"), titleNamesIndicator,
           has(.indicatorSummary, "value") || has(.indicatorSummary, "reported_yoy") || has(.indicatorSummary, "prior_ytd") {
            return .indicatorSummary
        }
        // One region's targets: 指标 | 全年目标 | 1月 … 12月, the region in the title or file name
        // (a title naming targets decides when the month columns could be values: `1-2月`).
        let oneRegionTargets = has(.targets, "indicator") && targetColumns
        if oneRegionTargets, title.contains("目标") { return .targets }
        // One region's long sheet: 指标 with its measures, the region in the title or file name.
        if has(.indicatorSummary, "indicator"),
           has(.indicatorSummary, "value") || has(.indicatorSummary, "reported_yoy") || has(.indicatorSummary, "prior_ytd") {
            return .indicatorSummary
        }
        return oneRegionTargets ? .targets : nil
    }

    /// An indicator-summary sheet with no 指标 column and no indicator-named column: its
    /// indicator can only come from the title.
    static func needsTitleIndicator(_ layout: SheetLayout, _ roles: [ColumnRole?]) -> Bool {
        (layout == .indicatorSummary || layout == .targets) && !roles.contains(.field("indicator"))
            && !roles.contains { $0?.indicatorCode != nil }
    }

    /// `indicatorOutsideColumns`: the title or section rows name the indicator.
    static func missingColumns(_ layout: SheetLayout, _ roles: [ColumnRole?], indicatorOutsideColumns: Bool = false) -> String? {
        func has(_ f: String) -> Bool { roles.contains(.field(f)) }
        let indicatorColumns = roles.contains { $0?.indicatorCode != nil }
        let monthColumns = roles.contains { if case .month? = $0 { return true } else { return false } }
        var missing: [String] = []
        switch layout {
        case .projectProgress:
            if !has("project_code") { missing.append("project_code (项目代码/统一项目代码/项目编码)") }
            if !has("project_name") { missing.append("project_name (项目名称)") }
            if !has("ytd_completed") { missing.append("ytd_completed (1-N月完成投资/本年累计完成投资/年初至报告期累计完成投资)") }
        case .indicatorSummary:
            // A long sheet without a region column is one region's sheet (region from the title).
            if !has("region") && !has("indicator") { missing.append("region (地区/县区/县（区）/辖区/单位)") }
            if !indicatorColumns {
                if !has("indicator") && !indicatorOutsideColumns {
                    missing.append("indicator (指标), per-indicator columns (固定资产投资, 工业投资, …) or a title naming one indicator")
                } else if !has("value") && !has("reported_yoy") && !has("prior_ytd") { missing.append("value (本年累计/1-N月累计/累计完成)") }
            }
        case .transferPayments:
            // Without 单位, one unit's own sheet (the unit from --region, the title or the file name).
            let fundColumns = roles.contains(where: FundColumn.isFund)
            if !has("ytd_amount") && !fundColumns {
                missing.append("ytd_amount (本年累计争取/累计到位资金/本年累计, or a column per fund category: 一般性转移支付 | 专项转移支付)")
            }
        case .targets:
            // Without 地区/单位, one region's sheet (its 指标 rows, the region from the title).
            if !has("unit") && !has("indicator") { missing.append("unit (地区/单位)") }
            if !indicatorColumns {
                // `2022年各县区固定资产投资目标任务`: the title names the one indicator.
                if !has("indicator") && !indicatorOutsideColumns { missing.append("indicator (指标, or one named in the title)") }
                else if !has("annual_target") && !has("target_rate") && !monthColumns {
                    missing.append("annual target (年度目标/全年目标任务) or monthly columns (1月…12月)")
                }
            }
        case .centralBudget, .specialBonds, .reservePool:
            missing += policyMissingColumns(layout, roles)
        }
        return missing.isEmpty ? nil : missing.joined(separator: ", ")
    }
}


extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
