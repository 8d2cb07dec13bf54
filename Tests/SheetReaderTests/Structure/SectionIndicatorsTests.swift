import Testing
@testable import SheetReader

/// Long sheets whose indicators are named only in section rows (finding 8): each section's
/// indicator for its rows. They were rejected whole (no 指标 column, none in the title).
@Suite struct SectionIndicatorsTests {
    @Test func indicatorSheet() throws {
        let (reader, out) = try readAll([
            ["2022年1-6月各县区主要投资指标完成情况"],
            ["单位：万元"],
            ["县区", "1-6月累计", "上年同期", "同比增长（%）"],
            ["一、固定资产投资", "", "", ""],
            ["全市", "4680000", "4073000", "14.9"],
            ["钦南区", "950000", "800000", "18.8"],
            ["二、工业投资", "", "", ""],
            ["钦南区", "305000", "225600", "35.2"],
            ["（一）县区", "", "", ""],
            ["钦北区", "122000", "132800", "-8.1"],
            ["三、地区生产总值", "", "", ""],
            ["钦南区", "3000000", "2800000", "5.0"],
            ["四、技改投资", "", "", ""],
            ["钦南区", "10000", "9000", "11.1"],
        ])
        #expect(reader.info.layout == .indicatorSummary)
        let rows = out.compactMap(\.indicators).flatMap { $0 }
        #expect(rows.map(\.indicator) == ["fai", "fai", "industrial", "industrial"])
        #expect(rows.map(\.region) == ["全市", "钦南区", "钦南区", "钦北区"])
        #expect(rows.map(\.ytdValue) == [D("4680000"), D("950000"), D("305000"), D("122000")])
        #expect(rows.map(\.reportedYoYPct) == [D("14.9"), D("18.8"), D("35.2"), D("-8.1")])
        // Another statistic's rows are skipped; an unknown investment's are rejected to extend the table.
        #expect(out.first { $0.line == 12 }?.skipped?.reason.contains("not an investment indicator") == true)
        #expect(out.compactMap(\.rejected).map(\.line) == [14])
    }

    @Test func targetsSheet() throws {
        let (reader, out) = try readAll([
            ["2022年各县区投资目标任务分解表（万元）"],
            ["县区", "全年目标", "目标增速（%）"],
            ["一、固定资产投资", "", ""],
            ["钦南区", "2300000", "15"],
            ["二、工业投资", "", ""],
            ["钦南区", "700000", "30"],
        ])
        #expect(reader.info.layout == .targets)
        let rows = out.compactMap(\.targets).flatMap { $0 }
        #expect(rows.map(\.indicator) == ["fai", "industrial"])
        #expect(rows.map(\.annualTarget) == [D("2300000"), D("700000")])
    }

    /// A section total checks the rows under it per indicator.
    @Test func sectionTotalsAreChecked() throws {
        let (reader, _) = try readAll([
            ["2022年1-6月各县区主要投资指标"],
            ["县区", "1-6月累计"],
            ["一、固定资产投资", ""],
            ["钦南区", "950000"],
            ["钦北区", "600000"],
            ["小计", "1550000"],
            ["二、工业投资", ""],
            ["钦南区", "305000"],
            ["小计", "300000"],
        ])
        #expect(reader.warnings.map(\.line) == [9])
    }
}
