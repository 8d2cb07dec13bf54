import Testing
@testable import SheetReader

/// A three-row header with a group heading over the indicators (finding 7): read as the same
/// sheet without the group row. It was rejected (the merged `县区` cell, exported in the top row,
/// was taken for a title).
@Suite struct GroupHeaderRowTests {
    static let body: [[String]] = [
        ["", "本月", "1-6月累计", "同比增长（%）", "排位", "本月", "1-6月累计", "同比增长（%）", "排位", ""],
        ["钦南区", "18.20", "95.00", "18.8", "2", "5.10", "30.50", "35.2", "2", ""],
        ["钦北区", "10.05", "60.00", "(5.1)", "8", "2.00", "12.20", "－8.1", "8", "数据待核"],
        ["全市", "82.25", "468.00", "14.9", "", "23.90", "144.60", "24.1", "", ""],
    ]
    static let title: [[String]] = [["钦州市2022年1-6月分县区固定资产投资主要指标"], ["单位：亿元、%"]]

    @Test func groupRowOverTheIndicators() throws {
        let (reader, out) = try readAll(Self.title + [
            ["县区", "主要投资指标", "", "", "", "", "", "", "", "备注"],
            ["", "固定资产投资", "", "", "", "工业投资", "", "", "", ""],
        ] + Self.body)
        let (_, control) = try readAll(Self.title + [
            ["县区", "固定资产投资", "", "", "", "工业投资", "", "", "", "备注"],
        ] + Self.body)
        #expect(reader.info.headerLines == [3, 4, 5])
        let rows = out.compactMap(\.indicators).flatMap { $0 }
        #expect(rows.count == 6)
        #expect(rows == control.compactMap(\.indicators).flatMap { $0 }.map { row in
            var shifted = row
            shifted.line += 1
            return shifted
        })
        #expect(out.compactMap(\.rejected).isEmpty)
    }

    /// A title above a header, or a row naming a column the header names too, is no group row.
    @Test(arguments: [["2022年1-6月投资情况", "", ""], ["县区", "固定资产投资", ""], ["县区", "100", ""]])
    func otherRowsAboveTheHeader(above: [String]) {
        let header = ["", "固定资产投资", "工业投资"]
        let analyzer = HeaderAnalysisTests.analyzer
        let top = (record: CSVRecord(line: 2, fields: header), cells: header.map(analyzer.match))
        #expect(SheetReading.withGroupRow(CSVRecord(line: 1, fields: above), analyzer: analyzer, over: top) == nil)
    }
}
