// SheetReader: county spreadsheet bytes -> decoded text -> CSV records -> classified, typed rows.
//
// Owns: decoding (UTF-8, UTF-8 BOM, GB18030/GBK, UTF-16LE/BE), CSV tokenizing, header and layout
// detection through the synonym table, title/period/unit inference, value normalisation to
// exact 万元 decimals, and row classification (data / skipped / rejected).
// Must not touch: the database, the file system beyond reading the one input file and the
// synonym files, or any global state. Everything here is pure and streaming.
//
// This file is the contract with the loader (Warehouse): change it only together with it.

import Foundation

/// The sheet shapes counties send (DESIGN §5), and the policy-tracking sheets of issue 8
/// (row types in PolicyRows.swift).
public enum SheetLayout: String, Sendable, CaseIterable, Codable {
    case projectProgress = "project-progress"
    case indicatorSummary = "indicator-summary"
    case transferPayments = "transfer-payments"
    case targets = "targets"
    /// 中央预算内投资: a project's plan (issued date, amount), funds paid, start date.
    case centralBudget = "central-budget"
    /// 政府专项债券: a project and an issuance batch: issued, used, started.
    case specialBonds = "special-bonds"
    /// 基础设施项目储备: a project in the reserve pool with its category.
    case reservePool = "reserve-pool"
}

/// A reporting month; `key` is the warehouse month key YYYYMM.
public struct YearMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` (the CLI form) or `YYYYMM`.
    public init?(_ text: String) {
        let digits = text.filter(\.isNumber)
        guard digits.count == 6, let value = Int(digits),
              text.count == 6 || (text.count == 7 && text.contains("-")) else { return nil }
        let year = value / 100, month = value % 100
        guard (1900...2999).contains(year), (1...12).contains(month) else { return nil }
        self.init(year: year, month: month)
    }

    public var key: Int { year * 100 + month }
    public var description: String { String(format: "%04d-%02d", year, month) }
    public static func < (a: YearMonth, b: YearMonth) -> Bool { a.key < b.key }
}

/// Text encodings the reader detects (or is forced to with `--encoding`).
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"   // also reads GBK and GB2312, which it extends
    case utf16le = "utf-16le"
    /// Big-endian UTF-16: a `FE FF` mark, or NULs before the ASCII bytes (`EncodingDetection`).
    case utf16be = "utf-16be"

    /// Either byte order of UTF-16 (Excel's "Unicode text", tab-separated).
    var isUTF16: Bool { self == .utf16le || self == .utf16be }
}

/// The unit a sheet states its money in; values are converted to 万元 exactly.
public enum MoneyUnit: String, Sendable, Codable {
    case yi = "亿元"        // × 10000
    case baiwan = "百万元"  // × 100
    case wan = "万元"       // × 1
    case qian = "千元"      // ÷ 10
    case yuan = "元"        // ÷ 10000

    /// The power of ten that turns an amount in this unit into 万元.
    public var exponentToWan: Int {
        switch self {
        case .yi: return 4
        case .baiwan: return 2
        case .wan: return 0
        case .qian: return -1
        case .yuan: return -4
        }
    }

    public var toWan: Decimal { Decimal(sign: .plus, exponent: exponentToWan, significand: 1) }

    /// How sheets write the units, the short forms 亿 and 万 included (`单位：亿`), longest
    /// first (百万元 before 万元, 亿元 before 亿, 万元 before 元): a prefix or suffix test in this
    /// order takes the whole word.
    public static let spellings: [(text: String, unit: MoneyUnit)] = [
        ("百万元", .baiwan), ("亿元", .yi), ("万元", .wan), ("千元", .qian), ("亿", .yi), ("万", .wan), ("元", .yuan),
    ]

    /// A unit as sheets write it (`spellings`).
    public init?(text: String) {
        guard let unit = Self.spellings.first(where: { $0.text == text })?.unit else { return nil }
        self = unit
    }
}

/// Options from the command line; every field is optional (detection fills the rest).
public struct ReadOptions: Sendable {
    public var layout: SheetLayout?
    public var month: YearMonth?
    public var region: String?
    public var encoding: TextEncoding?
    /// Operator synonym files that extend the bundled table (DESIGN §5: the table is data).
    public var synonymFiles: [URL]
    /// Today's month, given by the caller (the reader reads no clock): a sheet that names its
    /// month without a year (`6月份`) is taken as the latest such month not after it.
    public var currentMonth: YearMonth?

    public init(layout: SheetLayout? = nil, month: YearMonth? = nil, region: String? = nil,
                encoding: TextEncoding? = nil, synonymFiles: [URL] = [], currentMonth: YearMonth? = nil) {
        self.layout = layout
        self.month = month
        self.region = region
        self.encoding = encoding
        self.synonymFiles = synonymFiles
        self.currentMonth = currentMonth
    }
}

/// One CSV record as the tokenizer yields it. `line` is the 1-based physical line where the
/// record starts (a quoted field can span lines); `fields` are unquoted, decoded cell texts.
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String] { didSet { scan = nil } }
    /// Set when the record is not well-formed CSV but its extent is clear (text after a
    /// closing quote, `"a"b`): the row is rejected with this, the rest of the file reads on.
    public var problem: RecordProblem?
    /// Cells to warn about that load as they are: one holding a run of UTF-8 in a GBK file
    /// (`StrayUTF8`), read as UTF-8 or left as GBK.
    public var notes: [RecordProblem] = []
    /// Set by the tokenizer, which has the record's bytes at hand: the longest field's byte
    /// count (before `""` unescaping, so an upper bound) and whether a NUL is among them.
    /// Lets `RecordCheck` pass a record without a scan per cell; nil (a record made
    /// elsewhere, or its fields changed since): every cell is checked. Not part of `==`.
    var scan: RecordScan?

    public init(line: Int, fields: [String], problem: RecordProblem? = nil) {
        self.line = line
        self.fields = fields
        self.problem = problem
    }

    public static func == (a: CSVRecord, b: CSVRecord) -> Bool {
        a.line == b.line && a.fields == b.fields && a.problem == b.problem && a.notes == b.notes
    }
}

/// What the tokenizer saw of a record's field bytes (see `CSVRecord.scan`).
struct RecordScan: Sendable {
    var maxFieldBytes: Int
    var hasNUL: Bool
    /// A `?` among the bytes (`LostCharacters`).
    var hasQuestionMark = true
}

/// Why one record cannot be trusted; `column` is 1-based.
public struct RecordProblem: Sendable, Equatable {
    public var column: Int
    public var message: String

    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }
}

/// What the reader learnt about a sheet from its title rows, header and file name.
public struct SheetInfo: Sendable {
    public var fileName: String
    public var encoding: TextEncoding
    public var delimiter: UInt8
    public var layout: SheetLayout
    /// The reporting month; for a targets sheet the month is `year-12` unless the sheet says more.
    public var month: YearMonth
    /// The region of a whole-file sheet (from the option, a title row or the file name), raw text.
    public var region: String?
    /// The unit money columns were stated in (header cell or title); values are already in 万元.
    public var unit: MoneyUnit
    /// The header rows' line numbers and their normalised cells, for messages.
    public var headerLines: [Int]
    public var headers: [String]
    /// Canonical field -> 0-based column index.
    public var columns: [String: Int]
    /// Title rows' text, in order.
    public var titles: [String]
    /// How the file writes its numbers: always `.decimalPoint` but for a `;` file (`NumberStyleEvidence`).
    public var numberStyle: NumberStyle = .decimalPoint

    public init(fileName: String, encoding: TextEncoding, delimiter: UInt8, layout: SheetLayout,
                month: YearMonth, region: String?, unit: MoneyUnit, headerLines: [Int],
                headers: [String], columns: [String: Int], titles: [String]) {
        self.fileName = fileName
        self.encoding = encoding
        self.delimiter = delimiter
        self.layout = layout
        self.month = month
        self.region = region
        self.unit = unit
        self.headerLines = headerLines
        self.headers = headers
        self.columns = columns
        self.titles = titles
    }
}

/// A project in the reporting month (`project-progress`). Money in 万元.
public struct ProjectProgressRow: Sendable, Equatable {
    public var line: Int
    public var projectCode: String
    public var projectName: String
    public var region: String?
    /// When the row's region cell is empty: the region of the nearest row above that gave one
    /// (a 县区 cell merged over a county's projects exports its text on the first row only).
    public var regionAbove: String?
    public var department: String?
    public var industry: String?
    /// The category set by the nearest section row above (`（一）工业项目` -> `工业项目`); a
    /// sub-section that only names a stage (`（一）新建项目` under `一、工业项目`) keeps its section's.
    public var category: String?
    /// The level-1 section (`二、基础设施项目`) above a level-2 category of its own
    /// (`（一）市政交通项目`), whose kind the project shares; nil otherwise.
    public var section: String?
    public var isPrivate: Bool?
    public var nature: String?
    public var totalInvestment: Decimal?
    public var annualPlan: Decimal?
    public var ytdCompleted: Decimal
    public var monthCompleted: Decimal?
    public var status: String?
    public var stallReason: String?
    /// ISO `YYYY-MM-DD` (day 1 when the cell gave only a month).
    public var startDate: String?
    /// 计划复工时间 of a stalled project, ISO `YYYY-MM-DD` (day 1 when only a month was given).
    public var plannedRestart: String?

    public init(line: Int, projectCode: String, projectName: String, region: String? = nil,
                department: String? = nil, industry: String? = nil, category: String? = nil,
                isPrivate: Bool? = nil, nature: String? = nil, totalInvestment: Decimal? = nil,
                annualPlan: Decimal? = nil, ytdCompleted: Decimal, monthCompleted: Decimal? = nil,
                status: String? = nil, stallReason: String? = nil, startDate: String? = nil,
                plannedRestart: String? = nil, regionAbove: String? = nil, section: String? = nil) {
        self.line = line
        self.section = section
        self.projectCode = projectCode
        self.projectName = projectName
        self.region = region
        self.regionAbove = regionAbove
        self.department = department
        self.industry = industry
        self.category = category
        self.isPrivate = isPrivate
        self.nature = nature
        self.totalInvestment = totalInvestment
        self.annualPlan = annualPlan
        self.ytdCompleted = ytdCompleted
        self.monthCompleted = monthCompleted
        self.status = status
        self.stallReason = stallReason
        self.startDate = startDate
        self.plannedRestart = plannedRestart
    }
}

/// A region's value for one indicator (`indicator-summary`, wide sheets give one per indicator
/// column, long sheets one per row). Indicator is the code: fai, industrial, private,
/// manufacturing, infrastructure, real_estate, transfer_payment.
public struct IndicatorRow: Sendable, Equatable {
    public var line: Int
    public var region: String
    public var indicator: String
    public var ytdValue: Decimal?
    public var priorYtdValue: Decimal?
    /// Percent, e.g. 12.3 for `12.3%`.
    public var reportedYoYPct: Decimal?
    /// Set when the row has its own 报告期/月份 column; else the sheet's month applies.
    public var month: YearMonth?

    public init(line: Int, region: String, indicator: String, ytdValue: Decimal?,
                priorYtdValue: Decimal? = nil, reportedYoYPct: Decimal? = nil, month: YearMonth? = nil) {
        self.line = line
        self.region = region
        self.indicator = indicator
        self.ytdValue = ytdValue
        self.priorYtdValue = priorYtdValue
        self.reportedYoYPct = reportedYoYPct
        self.month = month
    }
}

/// A receiving unit's YTD secured upper-level transfer payments (`transfer-payments`).
public struct TransferRow: Sendable, Equatable {
    public var line: Int
    public var unit: String
    public var category: String?
    public var ytdAmount: Decimal
    public var priorYtdAmount: Decimal?
    public var reportedYoYPct: Decimal?

    public init(line: Int, unit: String, category: String? = nil, ytdAmount: Decimal,
                priorYtdAmount: Decimal? = nil, reportedYoYPct: Decimal? = nil) {
        self.line = line
        self.unit = unit
        self.category = category
        self.ytdAmount = ytdAmount
        self.priorYtdAmount = priorYtdAmount
        self.reportedYoYPct = reportedYoYPct
    }
}

/// A unit's annual target for one indicator (`targets`), optionally decomposed by month:
/// `monthlyYTD[m]` is the cumulative target for months 1…m (a `1月…12月` sheet with
/// per-month amounts is accumulated by the reader; cumulative ones are taken as they are).
public struct TargetRow: Sendable, Equatable {
    public var line: Int
    public var unit: String
    public var indicator: String
    public var year: Int
    public var annualTarget: Decimal?
    /// Growth rate in percent when the sheet states one (`增长15%`).
    public var ratePct: Decimal?
    public var monthlyYTD: [Int: Decimal]

    public init(line: Int, unit: String, indicator: String, year: Int, annualTarget: Decimal?,
                ratePct: Decimal? = nil, monthlyYTD: [Int: Decimal] = [:]) {
        self.line = line
        self.unit = unit
        self.indicator = indicator
        self.year = year
        self.annualTarget = annualTarget
        self.ratePct = ratePct
        self.monthlyYTD = monthlyYTD
    }
}

public enum DataRow: Sendable, Equatable {
    case project(ProjectProgressRow)
    case indicator([IndicatorRow])   // a wide row yields one per indicator column
    case transfer([TransferRow])     // a row per fund category when categories are columns
    case target([TargetRow])          // a wide targets row can yield several indicators
    case centralBudget(CentralBudgetRow)
    case specialBond(SpecialBondRow)
    case reserveProject(ReserveProjectRow)

    public var line: Int {
        switch self {
        case .project(let r): return r.line
        case .indicator(let rs): return rs.first?.line ?? 0
        case .transfer(let rs): return rs.first?.line ?? 0
        case .target(let rs): return rs.first?.line ?? 0
        case .centralBudget(let r): return r.line
        case .specialBond(let r): return r.line
        case .reserveProject(let r): return r.line
        }
    }
}

public enum SkipKind: String, Sendable, Codable {
    case title, header, blank, section, subtotal, note
}

public struct SkippedRow: Sendable, Equatable {
    public var line: Int
    public var kind: SkipKind
    public var reason: String
    public init(line: Int, kind: SkipKind, reason: String) {
        self.line = line
        self.kind = kind
        self.reason = reason
    }
}

public struct RejectedRow: Sendable, Equatable {
    public var line: Int
    /// 1-based column number, when one cell is at fault.
    public var column: Int?
    public var columnName: String?
    /// The whole record, cells joined by the sheet's delimiter.
    public var raw: String
    public var reason: String
    public init(line: Int, column: Int?, columnName: String?, raw: String, reason: String) {
        self.line = line
        self.column = column
        self.columnName = columnName
        self.raw = raw
        self.reason = reason
    }
}

/// Every record comes out as exactly one of these.
public enum RowOutcome: Sendable, Equatable {
    case data(DataRow)
    case skipped(SkippedRow)
    case rejected(RejectedRow)
}

/// Something worth telling the operator that does not reject a row (subtotal mismatch, …).
public struct SheetWarning: Sendable, Equatable, Codable {
    public var line: Int?
    public var message: String
    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }
}

/// A whole-file failure: undecodable bytes, unknown layout, missing month or required columns.
public struct SheetError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unreadable          // I/O
        case invalidEncoding     // bytes that are not valid in the (detected or forced) encoding
        case malformedCSV        // e.g. unclosed quote at end of file
        case noHeader            // no row matched the synonym table
        case unknownLayout
        case missingColumns
        case missingMonth
        case missingRegion
        case tooLarge            // a field or record beyond the reader's bound
    }

    public var code: Code
    public var file: String
    public var line: Int?
    public var column: Int?
    public var byteOffset: Int?
    public var message: String
    /// Header cells the reader saw (for missing-column and layout errors).
    public var seenHeaders: [String]

    public init(code: Code, file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil,
                message: String, seenHeaders: [String] = []) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.message = message
        self.seenHeaders = seenHeaders
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        var text = "\(place): \(message)"
        if let byteOffset { text += " (byte offset \(byteOffset))" }
        if !seenHeaders.isEmpty { text += "; headers seen: " + seenHeaders.joined(separator: " | ") }
        return text
    }
}
