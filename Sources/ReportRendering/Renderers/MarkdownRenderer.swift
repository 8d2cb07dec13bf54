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
    // Most cells need nothing: return them as they are instead of walking every Character
    // (that and the category lookup were a third of a 14,611-row table). Controls are their
    // own grapheme clusters, so this scalar test decides exactly what the loop below would do.
    guard s.unicodeScalars.contains(where: { isControl($0.value) || isMarkdownSpecial($0.value) }) else { return s }
    var out = ""
    for c in s {
        let scalars = c.unicodeScalars
        if scalars.count == 1, isMarkdownSpecial(scalars.first!.value) {
            out.append("\\"); out.append(c)
        } else if c == "\r\n" || c == "\n" || c == "\r" {
            out += "<br>"
        } else if scalars.allSatisfy({ isControl($0.value) }) {
            out.append(" ")
        } else {
            out.append(c)
        }
    }
    return out
}

/// `\ | < > * _ ` [ ] #`: what `markdownEscape` backslash-escapes.
private func isMarkdownSpecial(_ v: UInt32) -> Bool {
    switch v {
    case 0x5C, 0x7C, 0x3C, 0x3E, 0x2A, 0x5F, 0x60, 0x5B, 0x5D, 0x23: return true
    default: return false
    }
}
