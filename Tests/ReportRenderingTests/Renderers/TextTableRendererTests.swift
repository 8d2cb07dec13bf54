import Testing
@testable import ReportRendering

@Suite struct TextTableRendererTests {
    @Test func smallTableMatchesHandLayout() {
        let table = ReportTable(
            title: "示例",
            columns: [ReportColumn(key: "region", title: "地区", kind: .text),
                      ReportColumn(key: "v", title: "金额(万元)", kind: .money)],
            rows: [[.text("钦南区"), .decimal(dec("1234.5"))], [.text("ab"), .null]],
            notes: ["注：测试"])
        let expected = """
        示例
        地区    金额(万元)
        ------  ----------
        钦南区    1,234.50
        ab               -
        注：测试

        """
        #expect(render(table, as: .table) == expected)
    }

    /// Every grid line has one display width, and each column starts (text) or ends (numbers)
    /// at the same display column on every line — located by searching each cell's text, not by
    /// trusting the renderer's own padding.
    @Test func chineseColumnsLineUp() throws {
        let table = Sample.yoyTable
        let lines = render(table, as: .table).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == table.title)
        let grid = Array(lines[1..<(2 + 1 + table.rows.count)])  // header, rule, rows
        let widths = Set(grid.map { displayWidth($0) })
        #expect(widths.count == 1, "lines have different display widths: \(grid.map { displayWidth($0) })")

        var cellTexts = [table.columns.map(\.title)]
        cellTexts += table.rows.map { row in zip(row, table.columns).map { displayText($0, kind: $1.kind) } }
        let textLines = [grid[0]] + grid[2...]
        var starts = Array(repeating: Set<Int>(), count: table.columns.count)
        var ends = Array(repeating: Set<Int>(), count: table.columns.count)
        for (line, cells) in zip(textLines, cellTexts) {
            var rest = Substring(line)
            var consumed = 0
            for (i, cell) in cells.enumerated() {
                let range = try #require(rest.range(of: cell), "cell \(cell) not found in \(line)")
                let start = consumed + displayWidth(rest[..<range.lowerBound])
                starts[i].insert(start)
                ends[i].insert(start + displayWidth(cell))
                consumed = start + displayWidth(cell)
                rest = rest[range.upperBound...]
            }
        }
        for (i, column) in table.columns.enumerated() {
            if column.kind.isNumeric {
                #expect(ends[i].count == 1, "numeric column \(column.key) right edges differ: \(ends[i])")
            } else {
                #expect(starts[i].count == 1, "text column \(column.key) left edges differ: \(starts[i])")
            }
        }
        #expect(lines.contains("注：同比按可比口径计算。"))
    }

    @Test func cellFormatting() {
        let out = render(Sample.yoyTable, as: .table)
        for fragment in ["1,234,567.80", "98,765.43", "16.3%", "-3.0%", "+2.5pp", "-12.0pp", "0.0pp", "是", "否", "12,345,678,901,234.56"] {
            #expect(out.contains(fragment), "missing \(fragment)")
        }
    }

    @Test func lineBreaksInsideCellsDoNotBreakTheGrid() {
        let table = ReportTable(title: "", columns: [ReportColumn(key: "a", title: "A", kind: .text)], rows: [[.text("x\ny\tz")]])
        #expect(render(table, as: .table) == "A    \n-----\nx y z\n")
    }

    @Test func emptyTableSaysSo() {
        let table = ReportTable(title: "空", columns: Sample.columns, rows: [])
        #expect(render(table, as: .table).contains("(无数据 no rows)"))
    }
}
