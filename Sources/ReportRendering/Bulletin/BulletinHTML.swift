/// The bulletin as one self-contained HTML5 file: inline CSS, inline SVG charts, no scripts,
/// no external resources. Every piece of text is escaped.
public func renderBulletinHTML(_ bulletin: Bulletin) -> String {
    var body = "<h1>\(htmlEscape(bulletin.title))</h1>\n"
    body += "<p class=\"subtitle\">\(htmlEscape(bulletin.monthLabel))</p>\n"
    for note in bulletin.notes { body += "<p class=\"bulletin-note\">\(htmlEscape(note))</p>\n" }
    for section in bulletin.sections {
        body += "<section>\n<h2>\(htmlEscape(section.heading))</h2>\n"
        for paragraph in section.paragraphs { body += "<p>\(htmlEscape(paragraph))</p>\n" }
        for chart in section.charts {
            switch chart {
            case .bars(let c): body += "<figure class=\"bar-chart\">\n" + svgBarChart(c) + "</figure>\n"
            case .progress(let c): body += "<figure class=\"progress-chart\">\n" + svgProgressChart(c) + "</figure>\n"
            }
        }
        for table in section.tables { body += htmlTable(table) }
        if !section.lists.isEmpty {
            body += "<div class=\"alerts\">\n"
            for list in section.lists {
                body += "<div class=\"alert \(list.style.rawValue)\">\n<h3>\(htmlEscape(list.title))（\(list.count)）</h3>\n"
                if list.items.isEmpty {
                    body += "<p class=\"empty\">\(htmlEscape(list.emptyText))</p>\n"
                } else {
                    body += "<ul>" + list.items.map { "<li>\(htmlEscape($0))</li>" }.joined() + "</ul>\n"
                }
                if list.isShortened, let more = list.moreText {
                    body += "<p class=\"more\">\(htmlEscape(more))</p>\n"
                }
                body += "</div>\n"
            }
            body += "</div>\n"
        }
        body += "</section>\n"
    }
    body += "<footer>生成时间 \(htmlEscape(formatTimestamp(bulletin.generatedAt, in: bulletin.timeZone)))</footer>"
    return htmlDocument(title: bulletin.title + " " + bulletin.monthLabel, body: body)
}
