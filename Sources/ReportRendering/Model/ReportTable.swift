import Foundation

/// A report as rows of typed values: what the query layer hands over, what every renderer takes.
public struct ReportTable: Sendable, Equatable {
    public var title: String
    public var columns: [ReportColumn]
    /// Each row has one value per column, in column order (a short row reads as trailing nulls;
    /// extra values are ignored).
    public var rows: [[ReportValue]]
    /// Shown under the table (table, markdown, html); not part of CSV or JSON, whose consumers
    /// are machines expecting exactly the columns.
    public var notes: [String]

    public init(title: String, columns: [ReportColumn], rows: [[ReportValue]], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}

public struct ReportColumn: Sendable, Equatable {
    /// snake_case key: the JSON key and the CSV header.
    public var key: String
    /// Header for people (table, markdown, html). Carry the unit here, e.g. "累计完成(万元)".
    public var title: String
    public var kind: ReportColumnKind
    /// What the sign of a number means, for the HTML colours.
    public var sign: ReportColumnSign

    public init(key: String, title: String, kind: ReportColumnKind, sign: ReportColumnSign = .negativeIsBad) {
        self.key = key
        self.title = title
        self.kind = kind
        self.sign = sign
    }
}

/// How HTML colours a number by what its sign means (only decimals: money, percent, points).
public enum ReportColumnSign: Sendable, Equatable {
    /// Growth, points ahead of time progress: a negative value is red.
    case negativeIsBad
    /// A shortfall such as 差额 (target minus completed) or 低于目标: a positive value is red,
    /// a negative one (ahead of the target) green. Red on a negative gap read as a deficit.
    case positiveIsBad
}

public enum ReportColumnKind: Sendable, Equatable {
    case text
    /// 万元, shown with thousands separators and 2 decimals.
    case money
    /// A percentage, shown with one decimal and a `%` sign.
    case percent
    /// A difference of percentages in percentage points, shown signed with one decimal and `pp`.
    case points
    /// Counts, ranks, month keys: shown as plain digits (no separators, so 202206 stays 202206).
    case integer
    /// Shown as 是/否 to people, true/false to machines.
    case bool

    /// Numbers are right-aligned in tables; text and booleans left-aligned.
    public var isNumeric: Bool {
        switch self {
        case .money, .percent, .points, .integer: return true
        case .text, .bool: return false
        }
    }
}

public enum ReportValue: Sendable, Equatable {
    case text(String)
    case decimal(Decimal)
    case integer(Int)
    case bool(Bool)
    case null
}

extension ReportValue {
    /// `.null` for nil: query results map straight from optional columns.
    public init(_ value: Decimal?) { self = value.map(ReportValue.decimal) ?? .null }
    public init(_ value: Int?) { self = value.map(ReportValue.integer) ?? .null }
    public init(_ value: String?) { self = value.map(ReportValue.text) ?? .null }
    public init(_ value: Bool?) { self = value.map(ReportValue.bool) ?? .null }
}
