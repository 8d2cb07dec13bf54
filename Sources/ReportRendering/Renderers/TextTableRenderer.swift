/// Terminal table: title line, header, a dashed rule per column, rows, notes. Columns are
/// separated by two spaces and padded by display width, so every line between the header and
/// the last row has the same display width and columns start at the same offset even when
/// cells hold Chinese. Numbers are right-aligned, text left-aligned.
func renderTextTable(_ table: ReportTable) -> String {
    String(decoding: renderTextTableBytes(table), as: UTF8.self)
}

/// `renderTextTable` as UTF-8 bytes, written into one buffer with each cell's width measured
/// once (padding and joining a `String` per cell and per line was most of the CPU of a month's
/// 14,611-row stalled list).
func renderTextTableBytes(_ table: ReportTable) -> [UInt8] {
    let header = table.columns.map { singleLine($0.title) }
    let cells = table.rows.map { row in
        table.columns.indices.map { i in singleLine(displayText(i < row.count ? row[i] : .null, kind: table.columns[i].kind)) }
    }
    let headerWidths = header.map { displayWidth($0) }
    let cellWidths = cells.map { row in row.map { displayWidth($0) } }
    var widths = headerWidths
    for row in cellWidths {
        for (i, width) in row.enumerated() { widths[i] = max(widths[i], width) }
    }
    let rightAligned = table.columns.map { $0.kind.isNumeric }
    var out: [UInt8] = []
    out.reserveCapacity((widths.reduce(0, +) + 2 * widths.count) * 2 * (cells.count + 3) + 256)
    func spaces(_ n: Int) { if n > 0 { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n)) } }
    func line(_ values: [String], _ valueWidths: [Int]) {
        for (i, value) in values.enumerated() {
            if i > 0 { spaces(2) }
            let fill = widths[i] - valueWidths[i]
            if rightAligned[i] { spaces(fill) }
            out.append(contentsOf: value.utf8)
            if !rightAligned[i] { spaces(fill) }
        }
        out.append(UInt8(ascii: "\n"))
    }
    if !table.title.isEmpty { out.append(contentsOf: singleLine(table.title).utf8); out.append(UInt8(ascii: "\n")) }
    line(header, headerWidths)
    for (i, width) in widths.enumerated() {
        if i > 0 { spaces(2) }
        out.append(contentsOf: repeatElement(UInt8(ascii: "-"), count: width))
    }
    out.append(UInt8(ascii: "\n"))
    for (row, rowWidths) in zip(cells, cellWidths) { line(row, rowWidths) }
    if table.rows.isEmpty { out.append(contentsOf: "(无数据 no rows)\n".utf8) }
    for note in table.notes { out.append(contentsOf: singleLine(note).utf8); out.append(UInt8(ascii: "\n")) }
    return out
}

/// Tabs and line breaks inside a cell would break the grid: they become spaces. Controls
/// (general category Cc: exactly U+0000–001F and U+007F–009F) and U+2028/U+2029.
func singleLine(_ s: String) -> String {
    func breaksLine(_ v: UInt32) -> Bool { isControl(v) || v == 0x2028 || v == 0x2029 }
    // Most cells have none: return them as they are instead of rebuilding every string.
    guard s.unicodeScalars.contains(where: { breaksLine($0.value) }) else { return s }
    return String(String.UnicodeScalarView(s.unicodeScalars.map { breaksLine($0.value) ? " " : $0 }))
}
