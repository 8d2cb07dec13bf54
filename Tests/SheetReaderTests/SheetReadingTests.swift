import Foundation
import Testing
@testable import SheetReader

/// Helpers: read every outcome of an in-memory sheet.
func readAll(_ rows: [[String]], fileName: String = "test.csv", options: ReadOptions = ReadOptions()) throws -> (SheetReading, [RowOutcome]) {
    let reader = try SheetReading(source: ArrayRecordSource(rows: rows), fileName: fileName, options: options)
    var out: [RowOutcome] = []
    while let o = try reader.next() { out.append(o) }
    return (reader, out)
}

extension RowOutcome {
    var project: ProjectProgressRow? { if case .data(.project(let r)) = self { return r }; return nil }
    var indicators: [IndicatorRow]? { if case .data(.indicator(let r)) = self { return r }; return nil }
    var transfer: TransferRow? { if case .data(.transfer(let r)) = self { return r.first }; return nil }
    var transfers: [TransferRow]? { if case .data(.transfer(let r)) = self { return r }; return nil }
    var targets: [TargetRow]? { if case .data(.target(let r)) = self { return r }; return nil }
    var skipped: SkippedRow? { if case .skipped(let r) = self { return r }; return nil }
    var rejected: RejectedRow? { if case .rejected(let r) = self { return r }; return nil }
    var line: Int {
        switch self {
        case .data(let d): return d.line
        case .skipped(let s): return s.line
        case .rejected(let r): return r.line
        }
    }
}

func D(_ s: String) -> Decimal { Decimal(string: s)! }

@Suite struct SheetReadingTests {
    static let projectHeader = ["项目代码", "项目名称", "1-6月完成投资（万元）"]

    /// The byte test must agree with normalising: it only skips the normaliser when the first
    /// byte shows a kept character.
    @Test(arguments: ["", " ", "\u{3000}", "\u{00A0}", "\u{200B}", "\u{FEFF}", "\t\n", "\u{1680}", "\u{2028}",
                      "1", "a", "一、产业项目", "２０２１", "\u{3000}项目", " 1", "é", "\u{0085}", "\u{1}", "\u{7F}", "ж", "😀"])
    func normalizesEmptyAgreesWithNormalizer(text: String) {
        #expect(SheetReading.normalizesEmpty(text) == NameNormalizer.normalize(text).isEmpty)
    }

    /// The first-byte test for a repeated header may only rule out what `hasPrefix` rules out.
    @Test(arguments: [
        ("123", "序号", true), ("1", "序号", true), ("e\u{301}", "序号", true), ("A", "项目名称", true),
        ("序号", "序号", false), ("１", "序号", false), (" 1", "序号", false), ("123", "No", false),
        ("é", "e", false), ("e\u{301}", "é", false), ("1", "１", false), ("序号", "", false), ("", "序号", false),
        ("(一)", "（一）", false), ("7", "\u{4DC0}", true), ("9", "\u{9FFF}", true), ("9", "\u{F900}", false),
    ] as [(String, String, Bool)])
    func cannotStartOnlyWhereHasPrefixIsFalse(cell: String, header: String, expected: Bool) {
        #expect(SheetReading.cannotStart(cell, with: header) == expected)
        if expected { #expect(!NameNormalizer.normalize(cell).hasPrefix(header)) }
    }

    @Test func everyRecordComesOutOnce() throws {
        let rows = [
            ["2022年1-6月重大项目进度表", "", ""],
            ["", "", ""],
            Self.projectHeader,
            ["2020-450702-48-01-012345", "甲项目", "100"],
            ["", "", ""],
            ["2020-450702-48-01-012346", "乙项目", "abc"],
            ["注：数据为快报数"],
        ]
        let (reader, out) = try readAll(rows)
        #expect(out.map(\.line) == Array(1...7))
        #expect(reader.recordsRead == 7)
        #expect(out.map { $0.skipped?.kind } == [.title, .blank, .header, nil, .blank, nil, .note])
        #expect(out[3].project?.ytdCompleted == 100)
        #expect(out[5].rejected?.column == 3)
    }

    @Test(arguments: [
        (["2022年1-6月项目进度表"], "x.csv", nil as YearMonth?, YearMonth(year: 2022, month: 6)),
        (["2022年6月项目进度表"], "x.csv", nil, YearMonth(year: 2022, month: 6)),
        (["1-2月项目进度表"], "2022年项目.csv", nil, YearMonth(year: 2022, month: 2)),
        (["项目进度表"], "lingshan_2022-05.csv", nil, YearMonth(year: 2022, month: 5)),
        (["项目进度表"], "lingshan_202204.csv", nil, YearMonth(year: 2022, month: 4)),
        (["项目进度表"], "2022年1-3月灵山县.csv", nil, YearMonth(year: 2022, month: 3)),
        (["2022年1-6月项目进度表"], "lingshan_2022-05.csv", nil, YearMonth(year: 2022, month: 6)),   // title before file name
        (["2022年1-6月项目进度表"], "x.csv", YearMonth(year: 2021, month: 12), YearMonth(year: 2021, month: 12)), // option first
    ])
    func monthOrder(title: [String], fileName: String, option: YearMonth?, expected: YearMonth) throws {
        let rows = [title, Self.projectHeader, ["2020-450702-48-01-012345", "甲项目", "1"]]
        let (reader, _) = try readAll(rows, fileName: fileName, options: ReadOptions(month: option))
        #expect(reader.info.month == expected)
    }

    @Test func monthFromPeriodColumn() throws {
        let rows = [
            ["地区", "指标", "报告期", "本年累计"],
            ["钦南区", "固定资产投资", "2022年1-6月", "10"],
            ["钦南区", "固定资产投资", "2022-05", "8"],
        ]
        let (reader, out) = try readAll(rows, fileName: "summary.csv")
        #expect(reader.info.month == YearMonth(year: 2022, month: 6))
        #expect(out[1].indicators?.first?.month == YearMonth(year: 2022, month: 6))
        #expect(out[2].indicators?.first?.month == YearMonth(year: 2022, month: 5))
    }

    @Test func missingMonthNamesFileAndSources() throws {
        do {
            _ = try readAll([Self.projectHeader, ["2020-450702-48-01-012345", "甲", "1"]], fileName: "projects.csv")
            Issue.record("expected missingMonth")
        } catch let error as SheetError {
            #expect(error.code == .missingMonth)
            #expect(error.file == "projects.csv")
            #expect(error.seenHeaders.contains("项目代码"))
            #expect(error.description.contains("projects.csv"))
        }
    }

    @Test func unknownLayoutListsHeaders() throws {
        do {
            _ = try readAll([["项目名称", "建设性质", "总投资"], ["甲", "新建", "1"]], fileName: "x_2022-06.csv")
            Issue.record("expected unknownLayout")
        } catch let error as SheetError {
            #expect(error.code == .unknownLayout)
            #expect(error.seenHeaders == ["项目名称", "建设性质", "总投资"])
        }
    }

    @Test func missingRequiredColumnWhenForced() throws {
        do {
            _ = try readAll([["项目代码", "项目名称", "总投资"], ["2020-1", "甲", "1"]], fileName: "x_2022-06.csv")
            Issue.record("expected missingColumns")
        } catch let error as SheetError {
            #expect(error.code == .missingColumns)
            #expect(error.message.contains("ytd_completed"))
        }
    }

    @Test func noHeaderAtAll() throws {
        do {
            _ = try readAll([["甲", "乙"], ["1", "2"]], fileName: "x.csv")
            Issue.record("expected noHeader")
        } catch let error as SheetError {
            #expect(error.code == .noHeader)
            #expect(error.seenHeaders == ["甲 乙", "1 2"])
            #expect(!error.message.contains("--encoding"))
        }
    }

    /// A Big5 file read as GB18030: no header, and the message says the encoding may be wrong.
    @Test func noHeaderInMisdecodedText() throws {
        #expect {
            _ = try readAll([["艶郡20221-4る翴兜ヘ秈"], ["兜ヘ嘿", "兜ヘ絏", "1-4るЧΘщ戈窾じ"]], fileName: "x.csv")
        } throws: { error in
            (error as? SheetError)?.code == .noHeader && "\(error)".contains("the file may be in another encoding")
        }
    }

    @Test func forcedLayoutWins() throws {
        let rows = [["单位", "本年累计"], ["钦南区", "100"]]
        let (r1, _) = try readAll(rows, fileName: "t_2022-06.csv", options: ReadOptions(layout: .transferPayments))
        #expect(r1.info.layout == .transferPayments)
        let (_, out) = try readAll(rows, fileName: "t_2022-06.csv", options: ReadOptions(layout: .transferPayments))
        #expect(out[1].transfer?.ytdAmount == 100)
    }

    @Test(arguments: [
        ([["项目代码", "项目名称", "1-6月完成投资"]], SheetLayout.projectProgress),
        ([["县区", "固定资产投资", "同比增长"]], .indicatorSummary),
        ([["地区", "指标", "本年累计", "同比增长"]], .indicatorSummary),
        ([["单位", "资金类别", "本年累计争取"]], .transferPayments),
        ([["单位", "累计到位资金"]], .transferPayments),
        ([["单位", "指标", "年度目标"]], .targets),
        // Month columns alone only under a word saying they are targets (`MonthColumns`).
        ([["2022年投资目标"], ["地区", "指标", "1月", "2月", "3月"]], .targets),
    ])
    func detectsLayout(header: [[String]], expected: SheetLayout) throws {
        let reader = try SheetReading(source: ArrayRecordSource(rows: header), fileName: "x_2022-06.csv", options: ReadOptions())
        #expect(reader.info.layout == expected)
    }

    @Test(arguments: [
        ("-5", "negative"), ("abc", "'abc' is not a number"), ("200000000000", "beyond"), ("", "missing year-to-date"),
        ("12%", "percentage"),
    ])
    func badYTDIsRejectedWithReason(cell: String, reasonPart: String) throws {
        let rows = [Self.projectHeader, ["2020-450702-48-01-012345", "甲项目", cell]]
        let (_, out) = try readAll(rows, fileName: "x_2022-06.csv")
        let r = try #require(out[1].rejected)
        #expect(r.line == 2 && r.column == 3)
        #expect(r.columnName == "1-6月完成投资")
        #expect(r.raw == "2020-450702-48-01-012345,甲项目,\(cell)")
        #expect(r.reason.contains(reasonPart))
    }

    @Test func missingCodeAndName() throws {
        let rows = [Self.projectHeader, ["", "甲项目", "1"], ["2020-450702-48-01-012345", "", "1"]]
        let (_, out) = try readAll(rows, fileName: "x_2022-06.csv")
        #expect(out[1].rejected?.reason.contains("project code") == true)
        #expect(out[1].rejected?.column == 1)
        #expect(out[2].rejected?.reason.contains("project name") == true)
    }

    @Test func raggedRowsArePadded() throws {
        let rows = [["项目代码", "项目名称", "1-6月完成投资", "项目状态", "停工原因"], ["2020-450702-48-01-012345", "甲", "5"]]
        let (_, out) = try readAll(rows, fileName: "x_2022-06.csv")
        let p = try #require(out[1].project)
        #expect(p.status == nil && p.stallReason == nil && p.ytdCompleted == 5)
    }

    @Test func unitFromTitleAndHeader() throws {
        let rows = [["单位：亿元"], ["项目代码", "项目名称", "1-6月完成投资", "本月完成投资（万元）"], ["2020-1", "甲", "1.5", "300"]]
        let (reader, out) = try readAll(rows, fileName: "x_2022-06.csv")
        #expect(reader.info.unit == .yi)
        #expect(out[2].project?.ytdCompleted == 15000)
        #expect(out[2].project?.monthCompleted == 300)   // the column's own unit wins
    }

    @Test func regionOrder() throws {
        let rows = [["填报单位：灵山县发展和改革局"], Self.projectHeader]
        let (r1, _) = try readAll(rows, fileName: "浦北县_2022-06.csv")
        #expect(r1.info.region == "灵山县")
        let (r2, _) = try readAll(rows, fileName: "浦北县_2022-06.csv", options: ReadOptions(region: "钦南区"))
        #expect(r2.info.region == "钦南区")
        let (r3, _) = try readAll([Self.projectHeader], fileName: "浦北县_2022-06.csv")
        #expect(r3.info.region == "浦北县")
    }

    @Test func targetsNeedOnlyTheYear() throws {
        let rows = [["2022年工业投资目标任务分解表"], ["单位", "指标", "年度目标"], ["灵山县", "工业投资", "600000"]]
        let (reader, out) = try readAll(rows, fileName: "targets.csv")
        #expect(reader.info.month == YearMonth(year: 2022, month: 12))
        #expect(out[2].targets == [TargetRow(line: 3, unit: "灵山县", indicator: "industrial", year: 2022, annualTarget: 600000)])
    }

    @Test func sectionSetsCategoryAndRepeatedHeaderIsSkipped() throws {
        let rows = [
            Self.projectHeader,
            ["一、产业项目", "", ""],
            ["2020-1", "甲", "1"],
            Self.projectHeader,
            ["（一）工业项目", "", ""],
            ["2020-2", "乙", "2"],
        ]
        let (_, out) = try readAll(rows, fileName: "x_2022-06.csv")
        #expect(out[1].skipped?.kind == .section)
        #expect(out[2].project?.category == "产业项目")
        #expect(out[3].skipped?.kind == .header)
        #expect(out[5].project?.category == "工业项目")
    }

    @Test func subtotalMismatchIsAWarning() throws {
        let rows = [
            Self.projectHeader,
            ["2020-1", "甲", "1.50"],
            ["2020-2", "乙", "2.50"],
            ["小计", "", "4.00"],
            ["2020-3", "丙", "3.00"],
            ["合计", "", "7.50"],
        ]
        let (reader, out) = try readAll(rows, fileName: "x_2022-06.csv")
        #expect(out[3].skipped?.kind == .subtotal)
        #expect(reader.warnings.count == 1)
        #expect(reader.warnings.first?.line == 6)
        #expect(reader.warnings.first?.message.contains("7.5") == true)
    }

    @Test func wideIndicatorRowGivesOneRowPerIndicator() throws {
        let rows = [
            ["2022年1-6月"],
            ["县区", "固定资产投资", "", "工业投资", ""],
            ["", "累计", "同比增长（%）", "累计", "同比增长（%）"],
            ["钦南区", "100", "12.5%", "", "-"],
        ]
        let (_, out) = try readAll(rows, fileName: "x.csv")
        #expect(out[3].indicators == [IndicatorRow(line: 4, region: "钦南区", indicator: "fai", ytdValue: 100, reportedYoYPct: D("12.5"))])
    }

    /// A header naming another period than the sheet's is a warning on the header line; the
    /// values load as the sheet's month.
    @Test(arguments: [
        (["1-5月完成投资", "5月完成投资"], 2),
        (["2021年1-6月完成投资", "本月完成投资"], 1),
        (["1-6月完成投资", "6月完成投资"], 0),
        (["本年累计完成投资", "本月完成投资"], 0),
    ])
    func headerNamingAnotherMonthIsAWarning(headers: [String], warnings: Int) throws {
        let rows = [["2022年1-6月灵山县重大项目进度表"], ["项目代码", "项目名称"] + headers,
                    ["2021-450721-30-03-000001", "项目A", "100", "20"]]
        let (reader, out) = try readAll(rows, fileName: "x.csv")
        #expect(reader.info.month == YearMonth(year: 2022, month: 6))
        #expect(reader.warnings.count == warnings)
        #expect(reader.warnings.allSatisfy { $0.line == 2 && $0.message.contains("loaded as 2022-06") })
        #expect(out.compactMap(\.project).first?.ytdCompleted == 100)
    }

    /// A sheet in 千元 (and the short 单位：亿): values in 万元 exactly, subtotals checked in the
    /// same unit.
    @Test(arguments: [("单位：千元", "0.15", "0.25"), ("单位：亿", "15000", "25000")])
    func shortAndThousandUnits(title: String, first: String, second: String) throws {
        let rows = [["2022年1-6月灵山县重大项目进度表"], [title], ["项目代码", "项目名称", "1-6月完成投资"],
                    ["2021-450721-30-03-000001", "项目A", "1.5"], ["2021-450721-30-03-000002", "项目B", "2.5"],
                    ["合计", "", "4"]]
        let (reader, out) = try readAll(rows, fileName: "x.csv")
        #expect(out.compactMap(\.project).map(\.ytdCompleted) == [Decimal(string: first), Decimal(string: second)])
        #expect(reader.warnings.isEmpty, "\(reader.warnings)")
    }

    /// A project row's 开工时间 / 计划复工时间 that is no date leaves the date empty with a warning
    /// (the first five per column, then a count); the row's figures load. Part-of-month dates
    /// read as their month.
    @Test func projectDatesWarnInsteadOfRejecting() throws {
        let bad = ["1800-01-01", "2022-02-30", "已开工", "3月", "2022年", "2022年第一季度", "未开工"]
        let rows = [["2022年1-6月灵山县重大项目进度表"], ["项目代码", "项目名称", "1-6月完成投资", "开工时间", "计划复工时间"]]
            + bad.enumerated().map { ["2021-450721-30-03-00000\($0.offset)", "项目", "1", $0.element, ""] }
            + [["2021-450721-30-03-000010", "项目", "1", "2022年3月上旬", "2022年8月底"],
               ["2021-450721-30-03-000011", "项目", "-1", "已开工", ""],
               ["2021-450721-30-03-000012", "项目", "1", "2022年3月1日开工", "2022年9月复工"]]
        let (reader, out) = try readAll(rows, fileName: "x.csv")
        let projects = out.compactMap(\.project)
        #expect(projects.count == bad.count + 2)
        #expect(projects.prefix(bad.count).allSatisfy { $0.startDate == nil })
        #expect(projects[bad.count].startDate == "2022-03-01" && projects[bad.count].plannedRestart == "2022-08-01")
        // A date followed by 开工/复工 is that date (it was left empty with a warning).
        #expect(projects.last?.startDate == "2022-03-01" && projects.last?.plannedRestart == "2022-09-01")
        // The negative amount rejects its row, and its date is not warned about.
        #expect(out.compactMap(\.rejected).map(\.line) == [11])
        #expect(reader.warnings.map(\.line) == [3, 4, 5, 6, 7, 2])
        #expect(reader.warnings.last?.message.contains("2 more cells that could not be read") == true)
    }

    /// An optional amount that is no amount (`约300`) is left empty with a warning; the row's
    /// year-to-date figure loads. A bad year-to-date figure still rejects the row.
    @Test func unreadableOptionalAmountWarns() throws {
        let rows = [["2022年1-6月灵山县重大项目进度表"], ["项目代码", "项目名称", "1-6月完成投资", "总投资", "年度计划投资", "本月完成投资"],
                    ["2021-450721-30-03-000001", "项目A", "5", "约300", "待定", "1"],
                    ["2021-450721-30-03-000002", "项目B", "约6", "300", "100", "1"]]
        let (reader, out) = try readAll(rows, fileName: "x.csv")
        let a = try #require(out.compactMap(\.project).first)
        #expect(a.ytdCompleted == 5 && a.totalInvestment == nil && a.annualPlan == nil && a.monthCompleted == 1)
        #expect(reader.warnings.map(\.line) == [3, 3])
        #expect(out.compactMap(\.rejected).map(\.line) == [4])
    }

    /// 是否民间投资 that is neither yes nor no (`不详`) leaves the flag empty with a warning.
    @Test func unreadablePrivateFlagWarns() throws {
        let rows = [["2022年1-6月灵山县重大项目进度表"], ["项目代码", "项目名称", "1-6月完成投资", "投资主体"],
                    ["2021-450721-30-03-000001", "项目A", "5", "不详"], ["2021-450721-30-03-000002", "项目B", "6", "民营企业"]]
        let (reader, out) = try readAll(rows, fileName: "x.csv")
        #expect(out.compactMap(\.project).map(\.isPrivate) == [nil, true])
        #expect(reader.warnings.map(\.line) == [3])
        #expect(reader.warnings.first?.message.contains("投资主体") == true)
    }

    /// A month without a year anywhere (`6月份`) is the latest such month not after the current
    /// month the caller gives, with a warning; without a current month the file is rejected.
    @Test(arguments: [(YearMonth(year: 2022, month: 8), "2022-06"), (YearMonth(year: 2023, month: 2), "2022-06"),
                      (YearMonth(year: 2022, month: 6), "2022-06")])
    func monthWithoutYear(current: YearMonth, expected: String) throws {
        let rows = [["灵山县6月份重大项目进度表"], ["项目代码", "项目名称", "本年累计完成投资"], ["2021-450721-30-03-000001", "项目A", "5"]]
        var options = ReadOptions()
        options.currentMonth = current
        let (reader, _) = try readAll(rows, fileName: "x.csv", options: options)
        #expect(reader.info.month.description == expected)
        #expect(reader.warnings.first?.message.contains("taken as \(expected)") == true)
        #expect(throws: SheetError.self) { try readAll(rows, fileName: "x.csv") }
    }

    @Test(arguments: [("增长18.2%", "18.2"), ("下降2.5%", "-2.5"), ("↑3.1", "3.1"), ("↓5.5", "-5.5"), ("▲1", "1"), ("▼2.0%", "-2"),
                      ("12.3↑", "12.3"), ("-2.1↓", "-2.1"), ("2.1↓", "-2.1"), ("3%▼", "-3")])
    func growthWordsAndArrows(cell: String, expected: String) throws {
        let rows = [["2022年1-6月"], ["县区", "固定资产投资", "同比增长"], ["钦南区", "100", cell]]
        let (_, out) = try readAll(rows, fileName: "x.csv")
        #expect(out[2].indicators?.first?.reportedYoYPct == Decimal(string: expected))
    }

    /// An unreadable reported growth or prior-year figure leaves that cell empty with a warning;
    /// the region's figure loads. A warning is only given for a row that loads.
    @Test func unreadableGrowthWarns() throws {
        let rows = [["2022年1-6月"], ["县区", "固定资产投资", "上年同期", "同比增长", "工业投资", "同比增长"],
                    ["钦南区", "100", "约90", "下降6.5个百分点", "50", "5"],
                    ["钦北区", "100", "约90", "-", "约50", "5"]]
        let (reader, out) = try readAll(rows, fileName: "x.csv")
        let fai = try #require(out[2].indicators?.first)
        #expect(fai.ytdValue == 100 && fai.priorYtdValue == nil && fai.reportedYoYPct == nil)
        #expect(out[3].rejected?.column == 5)
        #expect(reader.warnings.map(\.line) == [3, 3])
    }

    /// An empty 县区 cell carries the region of the nearest row above that gave one (a merged
    /// cell); a row that gives its own region carries none.
    @Test func regionAboveForMergedRegionCells() throws {
        let rows = [["2022年1-6月全市重大项目"], ["县区", "项目代码", "项目名称", "本年累计完成投资"],
                    ["", "A-1", "甲", "1"], ["灵山县", "A-2", "乙", "1"], ["", "A-3", "丙", "1"], ["浦北县", "A-4", "丁", "1"], ["", "A-5", "戊", "1"]]
        let (_, out) = try readAll(rows, fileName: "x.csv")
        let projects = out.compactMap(\.project)
        #expect(projects.map(\.region) == [nil, "灵山县", nil, "浦北县", nil])
        #expect(projects.map(\.regionAbove) == [nil, nil, "灵山县", nil, "浦北县"])
    }

    /// A targets sheet without a 指标 column takes its indicator from the title; without one
    /// there either, the file is rejected and says where it looked.
    @Test func targetsIndicatorFromTheTitle() throws {
        let header = ["县区", "全年目标任务(亿元)", "增速目标(%)"]
        let (reader, out) = try readAll([["2022年各县区工业投资目标任务"], header, ["钦南区", "30", "30"]], fileName: "x.csv")
        #expect(reader.info.layout == .targets)
        let target = try #require(out.compactMap { if case .data(.target(let rows)) = $0 { return rows.first } else { return nil } }.first)
        #expect(target.indicator == "industrial" && target.annualTarget == 300_000 && target.ratePct == 30)
        #expect(throws: SheetError.self) { try readAll([["2022年各县区目标任务分解表"], header, ["钦南区", "30", "30"]], fileName: "x.csv") }
    }

    /// 市本级 beside 全市: the city's own part is skipped, so the 全市 row is the city's figure
    /// (read as the city's alias it took the city's place and 全市 was rejected as a duplicate).
    @Test func cityOwnPartIsNotTheCity() throws {
        let rows = [["县区", "固定资产投资", "同比增长"], ["市本级", "1000", "5"], ["全市", "25000", "12"],
                    ["钦州市本级", "1", "1"], ["市直", "2", "2"], ["钦南区", "5000", "15"]]
        let (_, out) = try readAll(rows, fileName: "x_2022-06.csv")
        #expect(out[1].skipped?.reason.contains("'市本级' is the city's own part") == true)
        #expect(out[2].indicators?.first?.region == "全市")
        #expect(out[3].skipped != nil && out[4].skipped != nil)
        #expect(out[5].indicators?.first?.region == "钦南区")
    }

    /// An unknown name that looks like investment is rejected (the synonym table needs it);
    /// another statistic of a 主要指标 sheet is skipped, not an error of the county's.
    @Test func unknownIndicatorInLongSheet() throws {
        let rows = [["地区", "指标", "本年累计"], ["钦南区", "技改投资", "1"], ["钦南区", "地区生产总值", "2"],
                    ["钦南区", "GDP", "3"], ["钦南区", "固定资产投资", "4"]]
        let (_, out) = try readAll(rows, fileName: "x_2022-06.csv")
        #expect(out[1].rejected?.reason.contains("'技改投资' is not a known indicator") == true)
        #expect(out[1].rejected?.column == 2)
        #expect(out[2].skipped?.reason.contains("'地区生产总值' is not an investment indicator") == true)
        #expect(out[3].skipped?.kind == .note)
        #expect(out[4].indicators?.first?.indicator == "fai")
    }

    @Test func periodColumnDisagreeingWithSheetMonthRejectsProjectRow() throws {
        let rows = [["2022年1-6月"], ["项目代码", "项目名称", "1-6月完成投资", "报告期"], ["2020-1", "甲", "1", "2022-05"]]
        let (_, out) = try readAll(rows, fileName: "x.csv")
        #expect(out[2].rejected?.reason.contains("2022-05") == true)
    }

    @Test func headerIsFoundWithin50Rows() throws {
        let titles = (1...50).map { ["说明\($0)"] }
        #expect(throws: SheetError.self) { try readAll(titles + [Self.projectHeader], fileName: "x_2022-06.csv") }
        let (reader, out) = try readAll(Array(titles.prefix(49)) + [Self.projectHeader], fileName: "x_2022-06.csv")
        #expect(reader.info.headerLines == [50])
        #expect(out.count == 50)
    }

    /// Reads `bytes` as `invest-etl read` does (decoding and structure).
    static func read(bytes: [UInt8], fileName: String) throws -> (SheetReading, [RowOutcome]) {
        let stream = try RecordStream(bytes: bytes, fileName: fileName)
        let reader = try SheetReading(source: stream, fileName: fileName, options: ReadOptions())
        var out: [RowOutcome] = []
        while let o = try reader.next() { out.append(o) }
        return (reader, out)
    }

    static let probeTitle = "钦南区2022年1-2月重大项目投资进度表,,\n序号,项目名称,项目代码,1-2月完成投资\n"

    /// The probe's GBK file with `标准厂房` pasted as UTF-8: it loaded as `钦南区鏍囧噯鍘傛埧` without a
    /// word; now it is read as UTF-8, with a warning naming line, column and both readings.
    @Test func aNamePastedAsUTF8InAGBKFileIsReadAsUTF8WithAWarning() throws {
        let bytes = TestEncoding.encode(Self.probeTitle + "1,钦南区道路改造工程,2022-450702-48-01-000100,1234.5\r\n3,钦南区", as: .gb18030)
            + Array("标准厂房".utf8) + TestEncoding.encode(",2022-450702-48-01-000102,0\r\n", as: .gb18030)
        let (reader, out) = try Self.read(bytes: bytes, fileName: "f09_钦南区_2022年2月.csv")
        #expect(reader.info.encoding == .gb18030)
        #expect(out.compactMap(\.project).map(\.projectName) == ["钦南区道路改造工程", "钦南区标准厂房"])
        #expect(reader.warnings.map(\.line) == [4])
        #expect(reader.warnings.first?.message.hasPrefix("项目名称 (column 2): UTF-8 bytes in this GBK file at byte ") == true)
        #expect(reader.warnings.first?.message.contains("read as UTF-8 '标准厂房', not as GBK '鏍囧噯鍘傛埧'") == true)
    }

    /// Characters Excel's ANSI export wrote as `?`: a warning per cell (line, column, text; the
    /// first five, then a count), none for a question mark ending a question.
    @Test func questionMarksForLostCharactersAreWarnedAbout() throws {
        var text = "浦北县2022年1-1月重大项目投资进度表,,,\n序号,项目名称,项目代码,1-1月完成投资,备注\n"
        text += "1,浦北县?祥路改造工程,2022-450722-48-01-000100,1234.5,是否?\n"
        text += "2,浦北县标准厂房,2022-450722-48-01-000102,0,\n"
        for i in 3...8 { text += "\(i),浦北县?村污水处理厂\(i),2022-450722-48-01-00010\(i),1,\n" }
        let (reader, out) = try Self.read(bytes: TestEncoding.encode(text, as: .gb18030), fileName: "f04_浦北县_2022年1月.csv")
        #expect(out.compactMap(\.project).count == 8)
        #expect(reader.warnings.map(\.line) == [3, 5, 6, 7, 8, 2])
        #expect(reader.warnings.first?.message == "项目名称 (column 2): '浦北县?祥路改造工程' has '?' between Chinese characters: "
                + "a character the ANSI (GBK) CSV export could not write was probably saved as '?'; save the sheet as \"CSV UTF-8\" and send it again")
        #expect(reader.warnings.last?.message.hasPrefix("2 more cells with '?' between Chinese characters") == true)
        let utf8 = try Self.read(bytes: Array(text.utf8), fileName: "f04_浦北县_2022年1月.csv").0
        #expect(utf8.warnings.first?.message.contains("lost when the text passed through GBK") == true)
    }
}

/// A `;` file is what Excel writes on a PC whose list separator is `;`, where the decimal
/// separator is `,` and `.` goes between thousands (probe D, finding 2).
@Suite struct SemicolonNumberStyleTests {
    static let header = "序号;项目名称;项目代码;总投资;2022年计划投资;1-4月完成投资;本月完成投资;项目状态"

    static func read(_ dataRows: [String], delimiter: String = ";") throws -> (SheetReading, [RowOutcome]) {
        let lines = ["三娘湾旅游管理区2022年1-4月重大项目投资进度表;;;;;;;", "填报单位：三娘湾旅游管理区发展和改革局;;;;;;单位：万元;", header]
            + dataRows.enumerated().map { "\($0.offset + 1);项目\($0.offset + 1);2022-450774-48-01-00000\($0.offset + 1);\($0.element);在建" }
        let text = lines.joined(separator: "\r\n").replacingOccurrences(of: ";", with: delimiter) + "\r\n"
        let stream = try RecordStream(bytes: Array(text.utf8), fileName: "三娘湾旅游管理区_2022年4月.csv")
        let reader = try SheetReading(source: stream, fileName: stream.fileName, options: ReadOptions())
        var out: [RowOutcome] = []
        while let o = try reader.next() { out.append(o) }
        return (reader, out)
    }

    /// f35: `12.000;4.000;2.500;0` loaded as 12, 4 and 2.5, 1,000 times too small, without a word.
    @Test func thousandsDotsBesidePlainAmounts() throws {
        let (reader, out) = try Self.read(["12.000;4.000;2.500;0", "8.000;3.000;1.250;1.250", "3.000;1.500;800;100"])
        let projects = out.compactMap(\.project)
        #expect(reader.info.numberStyle == .decimalComma)
        #expect(projects.map(\.totalInvestment) == [D("12000"), D("8000"), D("3000")])
        #expect(projects.map(\.annualPlan) == [D("4000"), D("3000"), D("1500")])
        #expect(projects.map(\.ytdCompleted) == [D("2500"), D("1250"), D("800")])
        #expect(projects.map(\.monthCompleted) == [D("0"), D("1250"), D("100")])
        #expect(reader.warnings.count == 1)
        #expect(reader.warnings.first?.line == 4)
        #expect(reader.warnings.first?.message.contains("numbers are read in the continental style") == true)
        #expect(reader.warnings.first?.message.contains("'2.500' (line 4, 1-4月完成投资) stands in one column with '800' (line 6)") == true)
    }

    /// f15 and f15b: decimal commas were rejected (`987,6` as a misplaced thousands separator).
    @Test func decimalCommas() throws {
        let (reader, out) = try Self.read(["12.000;4000;1.234,5;200,5", "8000;3000;2500;300", "3.000;1.500;987,6;12,5"])
        let projects = out.compactMap(\.project)
        #expect(out.compactMap(\.rejected).isEmpty)
        #expect(projects.map(\.ytdCompleted) == [D("1234.5"), D("2500"), D("987.6")])
        #expect(projects.map(\.totalInvestment) == [D("12000"), D("8000"), D("3000")])
        #expect(projects.map(\.monthCompleted) == [D("200.5"), D("300"), D("12.5")])
        #expect(reader.warnings.map(\.message).filter { $0.contains("continental style") }.count == 1)
        #expect(reader.warnings.first?.message.contains("'1.234,5' (line 4, 1-4月完成投资) has a decimal comma") == true)
    }

    /// Nothing in the file tells whether `2.500` is 2.5 or 2500: the cell is rejected, not guessed.
    @Test func undecidedAmountsAreRejected() throws {
        let (reader, out) = try Self.read(["12.000;4.000;2.500;1.500", "8.000;3.000;1.250;1.250", "3000;2000;1000;1000"])
        #expect(reader.info.numberStyle == .undecided)
        let rejected = out.compactMap(\.rejected)
        #expect(rejected.map(\.line) == [4, 5])
        #expect(rejected.first?.reason.contains("'2.500' is not a number (2.5 if '.' is the decimal point, 2500 if it separates thousands") == true)
        #expect(out.compactMap(\.project).map(\.ytdCompleted) == [D("1000")])
    }

    /// A file with decimal points reads as before: `12.000` is 12, and the batch says so.
    @Test func decimalPointsInASemicolonFile() throws {
        let (reader, out) = try Self.read(["12.000;4.5;2.5;0.5", "8;3;1.25;1.25"])
        #expect(reader.info.numberStyle == .decimalPoint)
        #expect(out.compactMap(\.project).map(\.totalInvestment) == [D("12"), D("8")])
        #expect(reader.warnings.map(\.message) == ["'12.000' (line 4, 总投资) is read as 12, with '.' as the decimal point, not between thousands: '4.5' (line 4, 2022年计划投资) has a decimal point"])
    }

    /// Comma and tab files keep the decimal point; a decimal comma there is named in the reject.
    @Test(arguments: [",", "\t"])
    func commaAndTabFilesKeepTheDecimalPoint(delimiter: String) throws {
        let (reader, out) = try Self.read(["12.000;4.000;\"987,6\";0", "\"¥8,000\";3000;\"￥1,250.00\";0", "12.000;4.000;2.500;0"],
                                          delimiter: delimiter)
        #expect(reader.info.numberStyle == .decimalPoint)
        #expect(reader.warnings.isEmpty)
        let rejected = out.compactMap(\.rejected)
        #expect(rejected.map(\.line) == [4])
        #expect(rejected.first?.reason == "'987,6' is not a number (a decimal comma? this file's numbers have a decimal point: write 987.6); expected an amount in 万元")
        #expect(out.compactMap(\.project).map(\.totalInvestment) == [D("8000"), D("12")])
        #expect(out.compactMap(\.project).map(\.ytdCompleted) == [D("1250"), D("2.5")])
    }
}
