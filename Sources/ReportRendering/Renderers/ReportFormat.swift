import Foundation

/// The output formats of `invest-report --format`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a terminal, by display width.
    case table
    /// RFC 4180, header = column keys, exact unformatted values (see `renderCSV`).
    case csv
    /// An array of objects keyed by column key; exact numbers (see `renderJSON`).
    case json
    /// A GitHub-flavoured Markdown table.
    case markdown
    /// A self-contained HTML5 page holding the table.
    case html
}

/// Renders `table` in `format`. Text formats end with a newline.
public func render(_ table: ReportTable, as format: ReportFormat) -> String {
    switch format {
    case .table: return renderTextTable(table)
    case .csv: return renderCSV(table)
    case .json: return renderJSON(table)
    case .markdown: return renderMarkdown(table)
    case .html: return renderHTMLPage(table)
    }
}

/// `render` as UTF-8 bytes for stdout. JSON and the terminal table are built as bytes and stay
/// bytes: turning a month's stalled list at ten million facts (5 MB) into a `String` validated
/// it again, 8% of the report's CPU.
public func renderUTF8(_ table: ReportTable, as format: ReportFormat) -> [UInt8] {
    switch format {
    case .json: return renderJSONBytes(table)
    case .table: return renderTextTableBytes(table)
    default: return Array(render(table, as: format).utf8)
    }
}

/// The text people see in a cell (table, markdown, html): money `1,234.50`, percent `15.3%`,
/// points `+2.5pp`, bool 是/否, null `-`. Values of an unexpected type for the column are shown
/// plainly rather than dropped.
public func displayText(_ value: ReportValue, kind: ReportColumnKind) -> String {
    switch value {
    case .null: return nullMark
    case .text(let s): return s
    case .bool(let b): return b ? "是" : "否"
    case .integer(let i):
        switch kind {
        case .money: return formatMoney(Decimal(i))
        case .percent: return formatPercent(Decimal(i))
        case .points: return formatPoints(Decimal(i))
        case .text, .integer, .bool: return String(i)
        }
    case .decimal(let d):
        switch kind {
        case .money: return formatMoney(d)
        case .percent: return formatPercent(d)
        case .points: return formatPoints(d)
        case .text, .integer, .bool: return plainDecimalString(d) ?? nullMark
        }
    }
}

/// Null for people. ASCII because `—` (U+2014) is East Asian *Ambiguous*: two columns in many
/// Chinese terminals, one elsewhere, which would break alignment.
public let nullMark = "-"
