import Foundation

/// CSV per RFC 4180: CRLF line ends, a field is quoted when it holds `,` `"` CR or LF, quotes
/// doubled. The header is the column keys, not the titles: CSV is for machines (pandas, psql
/// `\copy`, spreadsheets doing arithmetic), and keys are stable ASCII identifiers equal to the
/// JSON keys, while titles are Chinese prose that may change. For the same reason values are
/// exact and unformatted: numbers as given (`1234567.8`, no separators, no `%`), booleans
/// `true`/`false`, null an empty field. Title and notes are left out.
///
/// `byteOrderMark`: Excel on Chinese Windows reads a BOM-less CSV as GBK and garbles UTF-8
/// Chinese; with a UTF-8 BOM (U+FEFF) it opens correctly. Off by default because most
/// programs (and `cut`, `awk`, Postgres `COPY`) treat the BOM as part of the first header.
public func renderCSV(_ table: ReportTable, byteOrderMark: Bool = false) -> String {
    var out = byteOrderMark ? "\u{FEFF}" : ""
    out += table.columns.map { csvField($0.key) }.joined(separator: ",") + "\r\n"
    for row in table.rows {
        out += table.columns.indices.map { i in
            csvField(machineText(i < row.count ? row[i] : .null))
        }.joined(separator: ",") + "\r\n"
    }
    return out
}

func csvField(_ s: String) -> String {
    let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
    return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
}

/// Exact machine form of a value: what CSV carries.
func machineText(_ value: ReportValue) -> String {
    switch value {
    case .null: return ""
    case .text(let s): return s
    case .integer(let i): return String(i)
    case .decimal(let d): return plainDecimalString(d) ?? ""
    case .bool(let b): return b ? "true" : "false"
    }
}
