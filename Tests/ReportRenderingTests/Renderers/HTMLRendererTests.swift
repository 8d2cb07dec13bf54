import Testing
@testable import ReportRendering

@Suite struct HTMLRendererTests {
    @Test(arguments: [("<b>&\"'", "&lt;b&gt;&amp;&quot;&#39;"), ("钦南区", "钦南区"), ("a\u{0}b", "a b"),
                      // Controls (Cc: U+0000–001F, U+007F–009F) but tab and newline become spaces;
                      // U+00A0 and U+00C2 (whose UTF-8 begins like the C1 controls') stay.
                      ("a\u{7F}b\u{85}c\u{9F}d", "a b c d"), ("x\ty\nz\r", "x\ty\nz "), ("\u{A0}Â\u{A0}", "\u{A0}Â\u{A0}"),
                      ("项目😀", "项目😀"), ("", ""), ("末尾&", "末尾&amp;"),
                      // Replacements at both ends and side by side; a full-width ＆ is text.
                      ("&\u{85}<钦南区>\r'", "&amp; &lt;钦南区&gt; &#39;"), ("＆", "＆")])
    func escaping(input: String, expected: String) {
        #expect(htmlEscape(input) == expected)
    }

    @Test func pageIsSelfContainedAndEscaped() {
        var table = Sample.yoyTable
        table.rows.append([.text("<script>alert(1)</script>"), .null, .null, .null, .null, .null])
        let page = render(table, as: .html)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.lowercased().contains("<script"))
        #expect(page.contains("<td class=\"num\">1,234,567.80</td>"))
        #expect(page.contains("<td class=\"num neg\">-3.0%</td>"))
    }

    /// Colour by meaning: a negative 差额 (target minus completed) is ahead of the target and was
    /// red like a deficit; now a gap is red when positive and green when negative, while a
    /// negative growth or pace stays red.
    @Test(arguments: [("-64106.4", "num good"), ("1200", "num bad"), ("0", "num")])
    func gapsAreColouredByWhatTheirSignMeans(gap: String, classes: String) {
        let table = ReportTable(title: "目标任务完成情况", columns: [
            ReportColumn(key: "region", title: "地区", kind: .text),
            ReportColumn(key: "ahead_of_time_pp", title: "超时间进度", kind: .points),
            ReportColumn(key: "gap_wan", title: "差额(万元)", kind: .money, sign: .positiveIsBad),
        ], rows: [[.text("自贸区钦州港片区"), .decimal(dec("-5.1")), .decimal(dec(gap))]])
        let page = render(table, as: .html)
        #expect(page.contains("<td class=\"\(classes)\">\(displayText(.decimal(dec(gap)), kind: .money))</td>"), "\(page)")
        #expect(page.contains("<td class=\"num neg\">-5.1pp</td>"))
    }
}
