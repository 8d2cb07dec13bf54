import Foundation

/// A self-contained HTML5 page holding one table (`--format html` for tabular reports).
func renderHTMLPage(_ table: ReportTable) -> String {
    htmlDocument(title: table.title, body: htmlTable(table))
}

/// `<table>` with a caption, numeric cells right-aligned, notes in a following paragraph.
func htmlTable(_ table: ReportTable) -> String {
    var out = "<table>\n"
    if !table.title.isEmpty { out += "<caption>\(htmlEscape(table.title))</caption>\n" }
    out += "<thead><tr>" + table.columns.map { col in
        "<th\(col.kind.isNumeric ? " class=\"num\"" : "")>\(htmlEscape(col.title))</th>"
    }.joined() + "</tr></thead>\n<tbody>\n"
    for row in table.rows {
        out += "<tr>"
        for i in table.columns.indices {
            let col = table.columns[i]
            let value = i < row.count ? row[i] : .null
            var classes: [String] = []
            if col.kind.isNumeric { classes.append("num") }
            if case .decimal(let d) = value, col.kind != .text { classes += signClasses(d, col.sign) }
            if value == .null { classes.append("null") }
            out += classes.isEmpty ? "<td>" : "<td class=\"\(classes.joined(separator: " "))\">"
            out += htmlEscape(displayText(value, kind: col.kind))
            out += "</td>"
        }
        out += "</tr>\n"
    }
    if table.rows.isEmpty {
        out += "<tr><td colspan=\"\(max(table.columns.count, 1))\" class=\"null\">无数据</td></tr>\n"
    }
    out += "</tbody>\n</table>\n"
    if !table.notes.isEmpty {
        out += "<div class=\"notes\">" + table.notes.map { "<p>\(htmlEscape($0))</p>" }.joined() + "</div>\n"
    }
    return out
}

/// `neg` (red) for a negative growth; `bad` (red) / `good` (green) for a gap by its sign.
func signClasses(_ value: Decimal, _ sign: ReportColumnSign) -> [String] {
    switch sign {
    case .negativeIsBad: return value < 0 ? ["neg"] : []
    case .positiveIsBad: return value > 0 ? ["bad"] : value < 0 ? ["good"] : []
    }
}

/// Escapes text for HTML element content and quoted attribute values (and SVG text), so no
/// region or project name can become markup.
public func htmlEscape(_ s: String) -> String {
    // One pass over the UTF-8, building output only from the first byte to replace: most cells
    // need nothing and are returned as they are (escaping every scalar of a month's 14,611-row
    // stalled list was a third of its HTML's CPU).
    var text = s
    let escaped: [UInt8]? = text.withUTF8 { bytes in
        var out: [UInt8]?
        var plainFrom = 0, i = 0
        while i < bytes.count {
            let replacement: StaticString
            var width = 1
            switch bytes[i] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            // Controls (Cc: U+0000–001F, U+007F–009F) other than tab and newline are not
            // allowed in HTML or XML text: a space each.
            case 0x09, 0x0A: i += 1; continue
            case ..<0x20, 0x7F: replacement = " "
            case 0xC2 where i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]): replacement = " "; width = 2
            default: i += 1; continue
            }
            if out == nil { out = []; out?.reserveCapacity(bytes.count + 16) }
            out?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom..<i]))
            out?.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            i += width
            plainFrom = i
        }
        out?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom...]))
        return out
    }
    return escaped.map { String(decoding: $0, as: UTF8.self) } ?? s
}

func htmlDocument(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(htmlEscape(title))</title>
    <style>
    \(stylesheet)
    </style>
    </head>
    <body>
    \(body)
    </body>
    </html>

    """
}

/// Fonts: the CJK families found on Windows, macOS and Debian (fonts-wqy-zenhei, Noto CJK).
let fontStack = "\"Microsoft YaHei\", \"PingFang SC\", \"Noto Sans CJK SC\", \"WenQuanYi Zen Hei\", \"Source Han Sans SC\", sans-serif"

let stylesheet = """
body { font-family: \(fontStack); color: #1f2328; background: #fff; margin: 24px auto; max-width: 1100px; padding: 0 16px; line-height: 1.6; }
h1 { font-size: 26px; margin: 0 0 4px; text-align: center; }
.subtitle { text-align: center; color: #57606a; margin: 0 0 24px; }
.bulletin-note { color: #57606a; border-left: 4px solid #d4a72c; background: #fff8c5; padding: 6px 12px; }
h2 { font-size: 20px; border-left: 5px solid #c8102e; padding-left: 10px; margin: 28px 0 12px; }
table { border-collapse: collapse; margin: 12px 0; font-size: 14px; min-width: 50%; }
caption { font-weight: bold; text-align: left; padding: 4px 0; }
th, td { border: 1px solid #d0d7de; padding: 4px 10px; white-space: nowrap; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.neg, td.bad { color: #cf222e; }
td.good { color: #1a7f37; }
td.null { color: #8c959f; text-align: center; }
.notes { color: #57606a; font-size: 13px; }
.notes p { margin: 2px 0; }
figure { margin: 16px 0; }
figure { text-align: center; }
figure svg { height: auto; max-width: 100%; }
.alerts { display: flex; flex-wrap: wrap; gap: 12px; }
.alert { flex: 1 1 300px; border-radius: 6px; padding: 8px 14px; border: 1px solid #d0d7de; }
.alert h3 { font-size: 16px; margin: 4px 0; }
.alert ul { margin: 4px 0; padding-left: 20px; }
.alert.praise { background: #dafbe1; border-color: #4ac26b; }
.alert.reminder { background: #fff8c5; border-color: #d4a72c; }
.alert.interview { background: #ffebe9; border-color: #ff8182; }
.alert.empty { color: #57606a; }
.alert p.more { color: #57606a; margin: 4px 0; }
footer { margin-top: 32px; color: #8c959f; font-size: 12px; text-align: center; }
"""
