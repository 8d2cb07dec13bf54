import Testing
@testable import ReportRendering

@Suite struct HTMLRendererTests {
    @Test(arguments: [("<b>&\"'", "&lt;b&gt;&amp;&quot;&#39;"), ("钦南区", "钦南区"), ("a\u{0}b", "a b")])
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
}
