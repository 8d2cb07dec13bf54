import Testing
@testable import SheetReader

/// Wide targets sheets: each indicator merged over its annual target, rate and period targets.
@Suite struct IndicatorGroupsTests {
    /// A two-row header (finding 4): the period targets under each indicator are kept, as with a
    /// one-row header; they were dropped (`1-3月` read as a second annual target), and the 合计
    /// check compared the 1-9月 total with the rows' annual targets.
    @Test(arguments: [("1-3月", "1-6月", "1-9月"), ("一季度", "上半年", "前三季度"), ("1-3月目标", "1-6月目标", "1-9月目标")])
    func periodTargetsUnderEachIndicator(q1: String, h1: String, q3: String) throws {
        let (reader, out) = try readAll([
            ["2022年各县区投资目标任务按季度分解表（单位：万元）"],
            ["县区", "固定资产投资", "", "", "", "", "工业投资", "", "", "", ""],
            ["", "全年目标", "目标增速（%）", q1, h1, q3, "全年目标", "目标增速（%）", q1, h1, q3],
            ["钦南", "2300000", "15", "460000", "1104000", "1725000", "700000", "30", "140000", "336000", "525000"],
            ["灵山", "1800000", "15", "360000", "864000", "1350000", "", "", "", "", ""],
            ["合计", "4100000", "", "820000", "1968000", "3075000", "700000", "", "140000", "336000", "525000"],
        ])
        #expect(reader.info.layout == .targets)
        let rows = out.compactMap(\.targets).flatMap { $0 }
        #expect(rows.map(\.indicator) == ["fai", "industrial", "fai"])
        #expect(rows.map(\.annualTarget) == [D("2300000"), D("700000"), D("1800000")])
        #expect(rows.map(\.ratePct) == [D("15"), D("30"), D("15")])
        #expect(rows[0].monthlyYTD == [3: D("460000"), 6: D("1104000"), 9: D("1725000")])
        #expect(rows[1].monthlyYTD == [3: D("140000"), 6: D("336000"), 9: D("525000")])
        #expect(reader.warnings.isEmpty)
    }

    /// Period targets under an indicator in 亿元 take the unit of the indicator's annual target.
    @Test func periodTargetsInTheTargetsUnit() throws {
        let (_, out) = try readAll([
            ["2022年各县区固定资产投资目标任务分解表"],
            ["县区", "固定资产投资", "", ""],
            ["", "全年目标（亿元）", "1-6月", "1-9月"],
            ["钦南区", "230", "110.4", "172.5"],
        ])
        let row = try #require(out.compactMap(\.targets).first?.first)
        #expect(row.annualTarget == D("2300000"))
        #expect(row.monthlyYTD == [6: D("1104000"), 9: D("1725000")])
    }

    /// Only period targets under the indicators, the title naming targets: still a targets sheet.
    @Test func onlyPeriodTargets() throws {
        let (reader, out) = try readAll([
            ["2022年各县区固定资产投资目标任务分解表（万元）"],
            ["县区", "固定资产投资", ""],
            ["", "1-6月", "1-9月"],
            ["钦南区", "1104000", "1725000"],
        ])
        #expect(reader.info.layout == .targets)
        #expect(out.compactMap(\.targets).first?.first?.monthlyYTD == [6: D("1104000"), 9: D("1725000")])
    }
}
