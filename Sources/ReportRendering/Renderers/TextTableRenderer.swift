/// Terminal table: title line, header, a dashed rule per column, rows, notes. Columns are
/// separated by two spaces and padded by display width, so every line between the header and
/// the last row has the same display width and columns start at the same offset even when
/// cells hold Chinese. Numbers are right-aligned, text left-aligned.
func renderTextTable(_ table: ReportTable) -> String {
    let gap = "  "
    let header = table.columns.map { singleLine($0.title) }
    let cells = table.rows.map { row in
        table.columns.indices.map { i in singleLine(displayText(i < row.count ? row[i] : .null, kind: table.columns[i].kind)) }
    }
    var widths = header.map { displayWidth($0) }
    for row in cells {
        for (i, cell) in row.enumerated() { widths[i] = max(widths[i], displayWidth(cell)) }
    }
    func line(_ values: [String], header: Bool) -> String {
        values.enumerated().map { i, value in
            pad(value, to: widths[i], rightAlign: table.columns[i].kind.isNumeric)
        }.joined(separator: gap)
    }
    var out: [String] = []
    if !table.title.isEmpty { out.append(singleLine(table.title)) }
    out.append(line(header, header: true))
    out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: gap))
    for row in cells { out.append(line(row, header: false)) }
    if table.rows.isEmpty { out.append("(无数据 no rows)") }
    out.append(contentsOf: table.notes.map(singleLine))
    return out.joined(separator: "\n") + "\n"
}

/// Tabs and line breaks inside a cell would break the grid: they become spaces. Controls
/// (general category Cc: exactly U+0000–001F and U+007F–009F) and U+2028/U+2029.
func singleLine(_ s: String) -> String {
    func breaksLine(_ v: UInt32) -> Bool { isControl(v) || v == 0x2028 || v == 0x2029 }
    // Most cells have none: return them as they are instead of rebuilding every string.
    guard s.unicodeScalars.contains(where: { breaksLine($0.value) }) else { return s }
    return String(String.UnicodeScalarView(s.unicodeScalars.map { breaksLine($0.value) ? " " : $0 }))
}
