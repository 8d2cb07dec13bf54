import Foundation

/// The bulletin as Markdown for chat and email: same sections; each chart becomes a text bar
/// chart in a code block (`钦南区  16.2%  ████████ 达标`), value before the bar so labels and
/// values stay aligned even where a font draws `█` (East Asian Ambiguous) two columns wide.
public func renderBulletinMarkdown(_ bulletin: Bulletin) -> String {
    var out: [String] = []
    out.append("# " + markdownEscape(bulletin.title))
    out.append("")
    out.append(markdownEscape(bulletin.monthLabel) + " · 生成时间 " + formatTimestamp(bulletin.generatedAt, in: bulletin.timeZone))
    for note in bulletin.notes { out.append(""); out.append("> " + markdownEscape(note)) }
    for section in bulletin.sections {
        out.append("")
        out.append("## " + markdownEscape(section.heading))
        for paragraph in section.paragraphs { out.append(""); out.append(markdownEscape(paragraph)) }
        for chart in section.charts { out.append(""); out.append(textChart(chart)) }
        for table in section.tables { out.append(""); out.append(renderMarkdown(table).trimmingCharacters(in: .newlines)) }
        for list in section.lists {
            out.append("")
            out.append("**" + markdownEscape(list.title) + "（\(list.count)）**")
            out.append("")
            if list.items.isEmpty { out.append(markdownEscape(list.emptyText)) }
            for item in list.items { out.append("- " + markdownEscape(item)) }
            if list.isShortened, let more = list.moreText { out.append(""); out.append(markdownEscape(more)) }
        }
    }
    return out.joined(separator: "\n") + "\n"
}

/// Full blocks only (no partial-block glyphs, whose widths vary by font); longest bar 24 blocks.
func textChart(_ chart: BulletinChart) -> String {
    let title: String, bars: [ChartBar], unit: String
    var reference: [String] = []
    let verdict: (Decimal) -> String
    switch chart {
    case .bars(let c):
        title = c.title; bars = c.bars; unit = c.unit
        if let t = c.targetLine {
            reference.append(c.targetLabel + " " + formatDecimal(t, scale: 1) + unit)
            verdict = { $0 >= t ? "达标" : "未达标" }
        } else {
            verdict = { _ in "" }
        }
    case .progress(let c):
        title = c.title; bars = c.bars; unit = c.unit
        reference.append(c.goalLabel + " " + formatDecimal(c.goal, scale: 1) + unit)
        if let t = c.timeProgress { reference.append(c.timeProgressLabel + " " + formatDecimal(t, scale: 1) + unit) }
        // Before December nobody has reached the year's goal: measure against time progress.
        if let t = c.timeProgress, t < c.goal {
            verdict = { $0 > t ? "超过时间进度" : $0 == t ? "与时间进度持平" : "落后时间进度" }
        } else {
            verdict = { $0 >= c.goal ? "达标" : "未达标" }
        }
    }
    let maxMagnitude = bars.compactMap(\.value).map { $0 < 0 ? -$0 : $0 }.max() ?? 0
    let labelWidth = bars.map { displayWidth(singleLine($0.label)) }.max() ?? 0
    let valueTexts = bars.map { $0.value.map { formatDecimal($0, scale: 1) + unit } ?? "无数据" }
    let valueWidth = valueTexts.map { displayWidth($0) }.max() ?? 0
    var lines = ["**" + markdownEscape(title) + "**" + (reference.isEmpty ? "" : "（" + reference.joined(separator: "，") + "）"), "", "```text"]
    for (i, bar) in bars.enumerated() {
        var line = pad(singleLine(bar.label), to: labelWidth, rightAlign: false) + "  " + pad(valueTexts[i], to: valueWidth, rightAlign: true)
        if let v = bar.value {
            // Bar length is layout: Double is fine here.
            let fraction = maxMagnitude == 0 ? 0 : NSDecimalNumber(decimal: (v < 0 ? -v : v) / maxMagnitude).doubleValue
            let blocks = Int((fraction * 24).rounded())
            line += "  " + String(repeating: v < 0 ? "░" : "█", count: max(blocks, v == 0 ? 0 : 1))
            let word = verdict(v)
            if !word.isEmpty { line += " " + word }
        }
        lines.append(line.replacingOccurrences(of: "```", with: "'''"))
    }
    if bars.isEmpty { lines.append("(无数据)") }
    lines.append("```")
    return lines.joined(separator: "\n")
}
