/// GitHub-flavoured Markdown: the title in bold, a pipe table with an alignment row (`---:`
/// for numbers), notes as paragraphs. Cells show the same text as the terminal table.
public func renderMarkdown(_ table: ReportTable) -> String {
    var out: [String] = []
    if !table.title.isEmpty { out.append("**" + markdownEscape(table.title) + "**"); out.append("") }
    out.append(markdownTable(table))
    if !table.notes.isEmpty {
        out.append("")
        out.append(table.notes.map(markdownEscape).joined(separator: "  \n"))
    }
    return out.joined(separator: "\n") + "\n"
}

/// Just the pipe table, no trailing newline.
func markdownTable(_ table: ReportTable) -> String {
    var lines: [String] = []
    lines.append("| " + table.columns.map { markdownEscape($0.title) }.joined(separator: " | ") + " |")
    lines.append("| " + table.columns.map { $0.kind.isNumeric ? "---:" : ":---" }.joined(separator: " | ") + " |")
    for row in table.rows {
        lines.append("| " + table.columns.indices.map { i in
            markdownEscape(displayText(i < row.count ? row[i] : .null, kind: table.columns[i].kind))
        }.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n")
}

/// Backslash-escapes what Markdown would interpret inside a table cell or paragraph: `|` ends a
/// cell, `<`/`>` would open raw HTML, `* _ ` [ ]` would format or link; line breaks become `<br>`
/// (a raw newline would end the table row).
func markdownEscape(_ s: String) -> String {
    var out = ""
    for c in s {
        switch c {
        case "\\", "|", "<", ">", "*", "_", "`", "[", "]", "#":
            out.append("\\"); out.append(c)
        case "\r\n", "\n", "\r":
            out += "<br>"
        default:
            if c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) { out.append(" ") } else { out.append(c) }
        }
    }
    return out
}
