import Foundation
import SheetReader
import Testing

/// A statistics bureau's one-region sheet: 指标名称 rows, no 地区 column, the region in the title.
@Suite struct OneRegionIndicatorSheetTests {
    static let rows: [[String]] = [
        ["灵山县主要投资指标完成情况（2022年1-2月）", "", "", ""],
        ["指标名称", "本月止累计（万元）", "比去年同期增减（%）", "去年同期（万元）"],
        ["固定资产投资", "123,456.7", "12.5%", "109,739.3"],
        ["  其中：工业投资", "45,000", "31.2%", "34,298.8"],
        ["     制造业投资", "30,000", "25%", "24,000"],
        ["房地产开发投资", "20,000", "#DIV/0!", ""],
        ["基础设施投资", "—", "—", "—"],
    ]

    static func read(_ rows: [[String]], fileName: String = "指标.csv", options: ReadOptions = ReadOptions()) throws
        -> (SheetReading, [RowOutcome]) {
        let reader = try SheetReading(source: ArrayRecordSource(rows: rows), fileName: fileName, options: options)
        var outcomes: [RowOutcome] = []
        while let o = try reader.next() { outcomes.append(o) }
        return (reader, outcomes)
    }

    @Test func readsEveryIndicatorForTheTitlesRegion() throws {
        let (reader, outcomes) = try Self.read(Self.rows)
        #expect(reader.info.layout == .indicatorSummary)
        #expect(reader.info.region == "灵山县")
        #expect(reader.info.month == YearMonth(year: 2022, month: 2))
        let facts = outcomes.compactMap { o -> IndicatorRow? in
            if case .data(.indicator(let rs)) = o { return rs.first } else { return nil }
        }
        #expect(facts.map(\.indicator) == ["fai", "industrial", "manufacturing", "real_estate"])
        #expect(facts.allSatisfy { $0.region == "灵山县" })
        #expect(facts[0].ytdValue == Decimal(string: "123456.7"))
        #expect(facts[0].priorYtdValue == Decimal(string: "109739.3"))
        #expect(facts[0].reportedYoYPct == Decimal(string: "12.5"))
        #expect(facts[3].reportedYoYPct == nil)
        // Every record accounted for: title + header + 4 data + the all-dash row.
        #expect(outcomes.count == Self.rows.count)
        #expect(reader.recordsRead == Self.rows.count)
    }

    @Test(arguments: [
        (["主要投资指标完成情况（2022年1-2月）"], "指标.csv"),
        (["2022年1-2月主要投资指标"], "stats_202202.csv"),
    ])
    func noRegionAnywhereIsAWholeFileError(title: [String], fileName: String) throws {
        let rows = [title + ["", "", ""]] + Array(Self.rows.dropFirst())
        #expect {
            _ = try Self.read(rows, fileName: fileName)
        } throws: { error in
            (error as? SheetError)?.code == .missingRegion
                && (error as? SheetError)?.description.contains(fileName) == true
        }
    }

    @Test func regionOptionStandsInForTheTitle() throws {
        let rows = [["主要投资指标完成情况（2022年1-2月）", "", "", ""]] + Array(Self.rows.dropFirst())
        let (reader, _) = try Self.read(rows, options: ReadOptions(region: "浦北县"))
        #expect(reader.info.region == "浦北县")
    }
}
