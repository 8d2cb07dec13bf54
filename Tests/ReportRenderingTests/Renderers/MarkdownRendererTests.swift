import Testing
@testable import ReportRendering

@Suite struct MarkdownRendererTests {
    @Test func tableWithAlignmentRow() {
        let table = ReportTable(
            title: "示例",
            columns: [ReportColumn(key: "region", title: "地区", kind: .text),
                      ReportColumn(key: "yoy_pct", title: "同比", kind: .percent)],
            rows: [[.text("钦南区"), .decimal(dec("16.25"))], [.text("A|B"), .null]],
            notes: ["注"])
        let expected = """
        **示例**

        | 地区 | 同比 |
        | :--- | ---: |
        | 钦南区 | 16.3% |
        | A\\|B | - |

        注

        """
        #expect(render(table, as: .markdown) == expected)
    }

    @Test(arguments: [
        ("a|b", "a\\|b"), ("<script>", "\\<script\\>"), ("**粗**", "\\*\\*粗\\*\\*"),
        ("[链接](x)", "\\[链接\\](x)"), ("两\n行", "两<br>行"), ("a\\b", "a\\\\b"), ("钦南区", "钦南区"),
        ("a\r\nb", "a<br>b"), ("x\ty", "x y"), ("c1\u{85}", "c1 "), ("`#_", "\\`\\#\\_"), ("e\u{301}", "e\u{301}"),
    ])
    func escaping(input: String, expected: String) {
        #expect(markdownEscape(input) == expected)
    }

    @Test func everyRowHasTheSameNumberOfCells() {
        let table = ReportTable(title: "", columns: Sample.columns,
                                rows: Sample.yoyTable.rows + [[.text("x|y|z"), .null, .null, .null, .null, .null]])
        let lines = render(table, as: .markdown).split(separator: "\n").filter { $0.hasPrefix("|") }
        for line in lines {
            let unescapedPipes = line.enumerated().filter { i, c in
                c == "|" && (i == 0 || line[line.index(line.startIndex, offsetBy: i - 1)] != "\\")
            }
            #expect(unescapedPipes.count == Sample.columns.count + 1, "\(line)")
        }
    }
}
