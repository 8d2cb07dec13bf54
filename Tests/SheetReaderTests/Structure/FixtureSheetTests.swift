import Foundation
import Testing
@testable import SheetReader

/// The realistic sheets in Fixtures/sheets (written by make_fixtures.py), read from disk through
/// RecordStream: decoding, tokenizing and structure together.
@Suite struct FixtureSheetTests {
    static func url(_ name: String) throws -> URL {
        let base = try #require(Bundle.module.resourceURL)
        return base.appendingPathComponent("Fixtures/sheets/\(name)")
    }

    static func read(_ name: String, options: ReadOptions = ReadOptions()) throws -> (SheetReading, [RowOutcome]) {
        let reader = try SheetReading.open(url: url(name), options: options)
        var out: [RowOutcome] = []
        while let o = try reader.next() { out.append(o) }
        #expect(out.count == reader.recordsRead, "every record comes out exactly once")
        return (reader, out)
    }

    @Test func gbkProjectProgressSheet() throws {
        let (reader, out) = try Self.read("project_progress_lingshan_gbk.csv")
        let info = reader.info
        #expect(info.encoding == .gb18030)
        #expect(info.layout == .projectProgress)
        #expect(info.month == YearMonth(year: 2022, month: 6))
        #expect(info.region == "灵山县")
        #expect(info.unit == .wan)
        #expect(info.titles.count == 3)
        #expect(info.headerLines == [4, 8])   // the header's quoted cells span lines 4-7
        #expect(info.columns["ytd_completed"] == 6 && info.columns["month_completed"] == 7)

        let projects = out.compactMap(\.project)
        #expect(projects.map(\.projectCode) == [
            "2020-450721-13-03-012345", "2021-450721-30-01-000888", "2021-450721-59-01-000123",
            "2022-450721-52-01-000789", "2019-450721-77-01-000321", "2020-450721-46-01-000654",
        ])
        #expect(projects.map(\.ytdCompleted) == [D("1600.5"), 2400, 800, 150, 1200, 0])
        #expect(projects.map(\.category) == ["工业项目", "工业项目", "服务业项目", "服务业项目", "基础设施项目", "基础设施项目"])
        #expect(projects[0].isPrivate == true && projects[1].isPrivate == false)
        #expect(projects[0].startDate == "2020-03-15" && projects[1].startDate == "2022-03-01")
        #expect(projects[2].startDate == "2021-11-01" && projects[4].startDate == "2022-03-15")
        #expect(projects[0].totalInvestment == 12000 && projects[0].annualPlan == 3000 && projects[0].monthCompleted == 300)
        #expect(projects[3].status == nil)   // ragged row
        #expect(projects[5].status == "停工" && projects[5].monthCompleted == nil)
        #expect(projects[0].department == "县工业和信息化局" && projects[0].nature == "续建")

        let rejected = out.compactMap(\.rejected)
        #expect(rejected.count == 2)
        #expect(rejected[0].reason.contains("'待核实' is not a number"))
        #expect(rejected[0].column == 7 && rejected[0].columnName == "1-6月完成投资/本年累计")
        #expect(rejected[1].reason.contains("missing project code"))

        let kinds = out.compactMap(\.skipped).map(\.kind)
        #expect(kinds.filter { $0 == .title }.count == 3)
        #expect(kinds.filter { $0 == .header }.count == 3)   // two header rows + one repeated
        #expect(kinds.filter { $0 == .section }.count == 4)
        #expect(kinds.filter { $0 == .subtotal }.count == 3)
        #expect(kinds.filter { $0 == .note }.count == 2)
        #expect(kinds.filter { $0 == .blank }.count == 1)

        // Only the second 小计 (1000.00 against 800 + 150) is wrong.
        #expect(reader.warnings.count == 1)
        let warning = try #require(reader.warnings.first)
        #expect(warning.message.contains("1000") && warning.message.contains("950"))
        let subtotalLines = out.filter { $0.skipped?.kind == .subtotal }.map(\.line)
        #expect(warning.line == subtotalLines[1])
    }

    @Test func wideIndicatorSummary() throws {
        let (reader, out) = try Self.read("indicator_summary_wide.csv")
        #expect(reader.info.layout == .indicatorSummary)
        #expect(reader.info.unit == .yi)
        #expect(reader.info.month == YearMonth(year: 2022, month: 6))
        let rows = out.compactMap(\.indicators)
        #expect(rows.count == 4)
        let qinnan = rows[0]
        #expect(qinnan.map(\.indicator) == ["fai", "industrial", "private"])
        #expect(qinnan.map(\.region) == ["钦南区", "钦南区", "钦南区"])
        #expect(qinnan.map(\.ytdValue) == [1_205_000, 402_500, 500_000])
        #expect(qinnan.map(\.reportedYoYPct) == [D("15.2"), 28, D("-3.5")])
        #expect(rows[1][0].reportedYoYPct == D("-2.1"))
        #expect(rows[2][0].ytdValue == 1_052_000)             // full-width digits
        #expect(rows[2][1].reportedYoYPct == nil)             // #DIV/0!
        #expect(rows[3][1].reportedYoYPct == nil)             // -
        // 全市合计 above the counties is checked at the end and matches; 钦州港片区's row of dashes
        // is skipped and said (its figure will come from its projects).
        #expect(reader.warnings.map(\.message) == [
            "row of 钦州港片区 has no values: skipped; the reports take its figure from its projects or sub-regions, if any"])
        #expect(out.contains { $0.skipped?.kind == .subtotal })
        #expect(out.contains { $0.skipped?.reason.contains("no values") == true })   // 钦州港片区 all —
        #expect(out.last?.skipped?.kind == .note)
    }

    @Test func longIndicatorSummary() throws {
        let (reader, out) = try Self.read("indicator_summary_long_202203.csv")
        #expect(reader.info.layout == .indicatorSummary)
        #expect(reader.info.month == YearMonth(year: 2022, month: 3))
        #expect(reader.info.titles.isEmpty)
        let rows = out.compactMap(\.indicators).map { $0[0] }
        #expect(rows.map(\.indicator) == ["fai", "industrial", "private", "fai"])
        #expect(rows[0].ytdValue == D("356789.5") && rows[0].priorYtdValue == 300000 && rows[0].reportedYoYPct == D("18.9"))
        #expect(rows[2].priorYtdValue == nil && rows[2].reportedYoYPct == nil)
        #expect(rows[3].ytdValue == 250000 && rows[3].reportedYoYPct == D("-3.8"))
        // Line numbers count the header's three quoted line breaks. GDP is another statistic:
        // skipped, not rejected; a negative year-to-date value is an error of the sheet.
        let skippedGDP = out.compactMap(\.skipped).filter { $0.reason.contains("GDP") }
        #expect(skippedGDP.map(\.line) == [9])
        #expect(skippedGDP.first?.reason.contains("not an investment indicator") == true)
        let rejected = out.compactMap(\.rejected)
        #expect(rejected.map(\.line) == [10])
        #expect(rejected.first?.reason.contains("negative") == true)
    }

    @Test func transferPayments() throws {
        let (reader, out) = try Self.read("transfer_payments_2022-06.csv")
        #expect(reader.info.layout == .transferPayments)
        #expect(reader.info.unit == .yuan)
        let rows = out.compactMap(\.transfer)
        #expect(rows.map(\.unit) == ["钦南区", "灵山县", "市财政局"])
        #expect(rows.map(\.ytdAmount) == [D("12345.6789"), D("9876.54321"), 5000])
        #expect(rows[0].priorYtdAmount == 11000 && rows[0].reportedYoYPct == D("12.23"))
        #expect(rows[1].category == "专项转移支付" && rows[1].reportedYoYPct == D("-1.23"))
        #expect(reader.warnings.isEmpty)
        #expect(out.last?.skipped?.kind == .subtotal)
    }

    @Test func targetsWithMonthlyColumns() throws {
        let (reader, out) = try Self.read("targets_2022.csv")
        #expect(reader.info.layout == .targets)
        #expect(reader.info.month == YearMonth(year: 2022, month: 12))
        let rows = out.compactMap(\.targets).map { $0[0] }
        #expect(rows.count == 3)
        #expect(rows[0].indicator == "fai" && rows[0].annualTarget == 1_200_000 && rows[0].ratePct == 15 && rows[0].year == 2022)
        #expect(rows[0].monthlyYTD[1] == 100_000 && rows[0].monthlyYTD[6] == 600_000 && rows[0].monthlyYTD[12] == 1_200_000)
        #expect(rows[1].indicator == "industrial" && rows[1].monthlyYTD[1] == nil && rows[1].monthlyYTD[2] == 60000)
        #expect(rows[1].monthlyYTD[12] == 600_000)
        #expect(rows[2].annualTarget == nil && rows[2].ratePct == 15 && rows[2].monthlyYTD.isEmpty)
    }

    @Test func utf16TabSeparatedProjects() throws {
        let (reader, out) = try Self.read("project_progress_pubei_utf16.txt")
        #expect(reader.info.encoding == .utf16le)
        #expect(reader.info.delimiter == UInt8(ascii: "\t"))
        #expect(reader.info.month == YearMonth(year: 2022, month: 5))
        #expect(reader.info.region == "浦北县")
        #expect(reader.info.unit == .yi)
        let rows = out.compactMap(\.project)
        #expect(rows.map(\.ytdCompleted) == [12345, 5000])
        #expect(rows.map(\.monthCompleted) == [2000, 1000])
        #expect(rows.map(\.isPrivate) == [true, false])
        #expect(rows[1].startDate == "2022-02-16" && rows[1].stallReason == "资金未到位" && rows[0].stallReason == nil)
        let rejected = try #require(out.compactMap(\.rejected).first)
        #expect(rejected.line == 5 && rejected.column == 4 && rejected.reason.contains("percentage"))
        #expect(rejected.raw.contains("\t"))
    }

    @Test func optionsOverrideWhatTheFileSays() throws {
        let (reader, _) = try Self.read("project_progress_lingshan_gbk.csv",
                                        options: ReadOptions(month: YearMonth(year: 2022, month: 7), region: "钦南区"))
        #expect(reader.info.month == YearMonth(year: 2022, month: 7))
        #expect(reader.info.region == "钦南区")
    }
}
