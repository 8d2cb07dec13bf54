import Foundation
import Testing
@testable import SheetReader

/// Whole sheets written the ways clerks write them that an earlier reader got wrong silently
/// (a wrong month, a month's figure taken for the year's, 亿元 read as 万元) or rejected
/// although a person reads them at once. Expectations are what a person reads off the rows.
@Suite struct ClerkVariantsTests {
    /// `1月至9月` in the title is September (was January, which then replaced January's batch).
    @Test(arguments: ["灵山县2023年1月至9月重大项目进度表", "灵山县2023年1月份至9月份重大项目进度表",
                      "灵山县2023年1月到9月重大项目进度表", "灵山县2023年1月起至9月底重大项目进度表"])
    func cumulativePeriodWithWords(title: String) throws {
        let (reader, _) = try readAll([[title], ["项目代码", "项目名称", "本年累计完成投资"], ["2023-450721-01-01-000001", "甲", "10"]])
        #expect(reader.info.month == YearMonth(year: 2023, month: 9))
    }

    /// `固定资产投资` merged over `8月 | 1-8月 | 增速`, units named after the percent sign.
    @Test func monthColumnBesideTheCumulativeOneAndUnitAfterPercent() throws {
        let (reader, out) = try readAll([
            ["2023年1-8月各县区固定资产投资", "", "", "", ""],
            ["单位：%、亿元", "", "", "", ""],
            ["县区", "固定资产投资", "", "", "工业投资"],
            ["", "8月", "1-8月", "增速（%）", "1-8月"],
            ["钦南区", "21", "160.21", "4.8", "52.3"],
        ])
        #expect(reader.info.unit == .yi)
        let rows = try #require(out.compactMap(\.indicators).first)
        let fai = try #require(rows.first { $0.indicator == "fai" })
        #expect(fai.ytdValue == D("1602100"))
        #expect(fai.reportedYoYPct == D("4.8"))
        #expect(rows.first { $0.indicator == "industrial" }?.ytdValue == D("523000"))
    }

    /// `2023年投资` merged over `计划投资 | 1-9月完成投资 | 9月完成投资`: a two-row header whose
    /// cell under the merged one is no header alone.
    @Test(arguments: ["2023年", "2023年投资", "本年投资情况"])
    func twoRowHeaderUnderAYear(over: String) throws {
        let (reader, out) = try readAll([
            ["浦北县2023年1-9月重大项目进度", "", "", "", "", "", ""],
            ["序号", "项目名称", "项目代码", "总投资", over, "", ""],
            ["", "", "", "", "计划投资", "1-9月完成", "9月完成投资"],
            ["1", "浦北县北通镇生猪养殖基地", "2023-450722-03-03-800001", "15000", "8000", "6900", "700"],
        ])
        #expect(reader.info.headerLines == [2, 3])
        let row = try #require(out.compactMap(\.project).first)
        #expect(row.ytdCompleted == D("6900"))
        #expect(row.monthCompleted == D("700"))
        #expect(row.totalInvestment == D("15000"))
        #expect(row.annualPlan == D("8000"))   // `2023年计划投资`, or 计划投资 under an investment heading
    }

    /// Sections named with a numeral inside (`一般性`), subtotals with a count, a sign-off block.
    @Test func sectionsSubtotalsAndSignOffUnderTheTable() throws {
        let (_, out) = try readAll([
            ["2023年1-12月各县区上级转移支付资金到位情况", "", "", ""],
            ["序号", "单位", "资金类别", "累计到位资金（万元）"],
            ["一、一般性转移支付", "", "", ""],
            ["1", "灵山县", "均衡性转移支付", "1235"],
            ["2", "浦北县", "均衡性转移支付", "980"],
            ["合计（2个）", "", "", "2215"],
            ["填报单位（盖章）：钦州市财政局", "", "报送日期：2024年1月8日", ""],
            ["*本表为快报数", "", "", ""],
        ])
        #expect(out.compactMap(\.rejected).isEmpty)
        #expect(out.compactMap(\.transfer).map(\.ytdAmount) == [D("1235"), D("980")])
        #expect(out.compactMap(\.skipped).map(\.kind) == [.title, .header, .section, .subtotal, .note, .note])
    }

    /// Quarter columns of a targets sheet: cumulative (`一季度 | 上半年 | 前三季度`) or each
    /// quarter's own (`一季度 … 四季度`, summed from January); the indicator from the title.
    @Test(arguments: [
        (["一季度", "上半年", "前三季度", "全年"], ["70", "160", "245", "330"], [3: "700000", 6: "1600000", 9: "2450000"]),
        (["一季度", "二季度", "三季度", "四季度"], ["70", "90", "85", "85"], [3: "700000", 6: "1600000", 9: "2450000", 12: "3300000"]),
        (["1-6月", "7月", "8月", "上半年目标"], ["160", "30", "25", "160"], [6: "1600000", 7: "1900000", 8: "2150000"]),
    ] as [([String], [String], [Int: String])])
    func quarterTargets(columns: [String], values: [String], expected: [Int: String]) throws {
        let (reader, out) = try readAll([
            ["2024年各县区固定资产投资目标任务分解表"],
            ["单位：亿元"],
            ["县区", "全年目标任务", "目标增速（%）"] + columns,
            ["钦南区", "330", "10"] + values,
        ])
        #expect(reader.info.layout == .targets)
        let row = try #require(out.compactMap(\.targets).first?.first)
        #expect(row.indicator == "fai")
        #expect(row.annualTarget == D("3300000"))
        #expect(row.monthlyYTD == expected.mapValues(D))
    }

    /// One county's monthly targets: no 地区 column, the county in the title.
    @Test func oneRegionTargets() throws {
        let (reader, out) = try readAll([
            ["灵山县2024年固定资产投资月度目标"],
            ["单位：万元"],
            ["指标", "全年目标", "1-2月", "3月", "4月", "备注"],
            ["固定资产投资", "4200000", "700000", "350000", "350000", ""],
        ], fileName: "2024年月度目标.csv")
        #expect(reader.info.layout == .targets)
        #expect(reader.info.region == "灵山县")
        let row = try #require(out.compactMap(\.targets).first?.first)
        #expect(row.unit == "灵山县")
        #expect(row.monthlyYTD == [2: D("700000"), 3: D("1050000"), 4: D("1400000")])
    }

    /// City departments' targets under `责任单位`, no 单位 column and no place in the title: each
    /// row is its department's (was a rejection without --region, and the city's target with it).
    @Test func departmentTargetsUnderResponsibleUnit() throws {
        let (reader, out) = try readAll([
            ["2022年市直部门固定资产投资目标任务分解表"],
            ["单位：万元"],
            ["责任单位", "指标", "全年目标任务"],
            ["市交通运输局", "固定资产投资", "200000"],
            ["市水利局", "固定资产投资", "80000"],
        ])
        #expect(reader.info.layout == .targets)
        #expect(out.compactMap(\.targets).map { $0[0].unit } == ["市交通运输局", "市水利局"])
        #expect(out.compactMap(\.rejected).isEmpty)
    }

    /// Columns named by their periods, this year's and last year's in either order; a 单位
    /// column giving each row's unit.
    @Test(arguments: [false, true])
    func datedValueAndPriorColumns(priorFirst: Bool) throws {
        let periods = priorFirst ? ["2022年1-8月", "2023年1-8月"] : ["2023年1-8月", "2022年1-8月"]
        func values(_ current: String, _ prior: String) -> [String] { priorFirst ? [prior, current] : [current, prior] }
        let (reader, out) = try readAll([
            ["浦北县2023年1-8月主要经济指标"],
            ["指标", "单位"] + periods + ["增长（%）"],
            ["地区生产总值", "亿元"] + values("120.3", "114.5") + ["5.1"],
            ["固定资产投资", "亿元"] + values("95.48", "92.43") + ["3.3"],
            ["工业投资", "万元"] + values("207500", "218700") + ["-5.1"],
        ])
        #expect(reader.info.region == "浦北县")
        let rows = out.compactMap(\.indicators).flatMap { $0 }
        #expect(rows.map(\.indicator) == ["fai", "industrial"])
        #expect(rows.map(\.region) == ["浦北县", "浦北县"])
        #expect(rows.map(\.ytdValue) == [D("954800"), D("207500")])
        #expect(rows.map(\.priorYtdValue) == [D("924300"), D("218700")])
        #expect(rows.map(\.reportedYoYPct) == [D("3.3"), D("-5.1")])
    }

    /// A finance bureau's sheet with a column per fund category, with or without each
    /// category's prior-year figure under it: a transfer row per category with an amount.
    @Test func fundCategoriesAsColumns() throws {
        let (reader, out) = try readAll([
            ["2022年1-6月钦州市争取上级转移支付资金情况表"],
            ["单位：万元"],
            ["序号", "单位", "一般性转移支付", "专项转移支付", "合计"],
            ["1", "钦南区", "1100", "560", "1660"],
            ["2", "市教育局", "", "330", "330"],
            ["合计", "", "1100", "890", "1990"],
        ])
        #expect(reader.info.layout == .transferPayments)
        #expect(out.compactMap(\.rejected).isEmpty)
        #expect(reader.warnings.isEmpty)   // the 合计 row equals the categories' sums
        let rows = out.compactMap(\.transfers).flatMap { $0 }
        #expect(rows.map(\.unit) == ["钦南区", "钦南区", "市教育局"])
        #expect(rows.map(\.category) == ["一般性转移支付", "专项转移支付", "专项转移支付"])
        #expect(rows.map(\.ytdAmount) == [D("1100"), D("560"), D("330")])

        let (two, twoOut) = try readAll([
            ["2022年1-6月钦州市争取上级转移支付资金情况表"],
            ["序号", "单位", "一般性转移支付", "", "专项转移支付", ""],
            ["", "", "本年累计争取", "上年同期", "本年累计争取", "上年同期"],
            ["1", "钦南区", "1100", "1000", "560", "500"],
            ["3", "市教育局", "", "", "330", "300"],
        ])
        #expect(two.info.layout == .transferPayments)
        let twoRows = twoOut.compactMap(\.transfers).flatMap { $0 }
        #expect(twoRows.map(\.category) == ["一般性转移支付", "专项转移支付", "专项转移支付"])
        #expect(twoRows.map(\.ytdAmount) == [D("1100"), D("560"), D("330")])
        #expect(twoRows.map(\.priorYtdAmount) == [D("1000"), D("500"), D("300")])
    }

    /// A 县区 cell merged over a group ends at the next section row: the rows under the section
    /// have no region above them (they take their code's, else the sheet's).
    /// The title gives the year only and the year-to-date column the months: the sheet's month
    /// is the column's, with a warning (it was rejected for no reporting month).
    @Test func monthFromTheYearToDateHeader() throws {
        let (reader, _) = try readAll([
            ["浦北县2022年重大项目投资进度表", "", ""],
            ["项目代码", "项目名称", "1-6月完成投资"],
            ["2022-450722-36-01-000001", "甲", "100"],
        ])
        #expect(reader.info.month == YearMonth(year: 2022, month: 6))
        #expect(reader.warnings.contains { $0.message.contains("column '1-6月完成投资' names, 2022-06") })
    }

    /// A transfer sheet without a 资金类别 column, its funds as section rows: each row is its
    /// section's fund (they had none, and 钦南区's two funds summed into one figure); a section
    /// that names no fund (`一、县区`) gives none.
    @Test func fundCategoriesFromSectionRows() throws {
        let (_, out) = try readAll([
            ["2022年1-3月钦州市争取上级资金情况", "", ""],
            ["单位", "本年累计到位资金", "上年同期"],
            ["一、一般性转移支付", "", ""],
            ["钦南区", "12345.6789", "10000"],
            ["二、专项转移支付", "", ""],
            ["钦南区", "500", ""],
            ["三、县区", "", ""],
            ["灵山县", "80", ""],
        ])
        let rows = out.compactMap(\.transfer)
        #expect(rows.map(\.category) == ["一般性转移支付", "专项转移支付", nil])
        #expect(rows.map(\.ytdAmount) == [D("12345.6789"), D("500"), D("80")])
    }

    /// A negative 总投资 or 年度计划 is no amount: left empty with a warning naming the column (it
    /// was stored as −100); a negative year-to-date still rejects the row, naming its column.
    @Test func negativeTotalIsLeftEmpty() throws {
        let (_, out) = try readAll([
            ["钦北区2022年1-6月重大项目进度表", "", "", ""],
            ["项目代码", "项目名称", "总投资", "1-6月完成投资"],
            ["2022-450703-36-01-000001", "甲", "（100）", "50"],
            ["2022-450703-36-01-000002", "乙", "300", "(12.3)"],
        ])
        #expect(out.compactMap(\.project).map(\.totalInvestment) == [nil])
        let rejected = out.compactMap { if case .rejected(let r) = $0 { return r } else { return nil } }
        #expect(rejected.map(\.reason) == ["'(12.3)' is negative; 1-6月完成投资 cannot be negative"])
    }

    /// Sub-sections that name a stage (`（一）新建项目`) keep their section's category; a
    /// sub-section of its own kind (`（一）市政交通项目`) is the category, its section the row's
    /// `section` (the project is infrastructure too).
    @Test func stageSubSectionsKeepTheirSectionsCategory() throws {
        let (_, out) = try readAll([
            ["浦北县2022年1-9月重大项目进度表", "", ""],
            ["项目代码", "项目名称", "本年累计完成投资"],
            ["一、工业项目", "", ""],
            ["（一）新建项目（1个）", "", ""],
            ["2022-450722-36-01-000001", "甲厂", "300"],
            ["（二）续建项目", "", ""],
            ["2021-450722-36-01-000002", "乙厂", "500"],
            ["二、基础设施项目", "", ""],
            ["（一）市政交通项目", "", ""],
            ["2022-450722-48-01-000003", "城北大道", "400"],
        ])
        let rows = out.compactMap(\.project)
        #expect(rows.map(\.category) == ["工业项目", "工业项目", "市政交通项目"])
        #expect(rows.map(\.section) == [nil, nil, "基础设施项目"])
    }

    @Test func mergedRegionEndsAtASection() throws {
        let (_, out) = try readAll([
            ["2023年1-9月钦州市重大项目进度表"],
            ["县区", "项目代码", "项目名称", "本年累计完成投资"],
            ["一、产业项目", "", "", ""],
            ["钦州港片区", "2023-450704-30-03-000001", "港甲", "10"],
            ["", "2023-450704-30-03-000002", "港乙", "20"],
            ["二、基础设施项目", "", "", ""],
            ["", "QZ-2023-001", "市甲", "30"],
        ])
        #expect(out.compactMap(\.project).map(\.regionAbove) == [nil, "钦州港片区", nil])
    }

    /// A title naming another month than the file name: the title's month, with a warning.
    @Test func titleAndFileNameDisagree() throws {
        let rows = [["钦南区2025年1-6月重大项目进度表"], ["项目代码", "项目名称", "本年累计完成投资"], ["2025-450702-01-01-000001", "甲", "10"]]
        let (reader, _) = try readAll(rows, fileName: "2025-07_钦南区_重大项目进度.csv")
        #expect(reader.info.month == YearMonth(year: 2025, month: 6))
        #expect(reader.warnings.contains { $0.message.contains("the title says 2025-06, the file name 2025-07") })
        let (agreeing, _) = try readAll(rows, fileName: "2025-06_钦南区_重大项目进度.csv")
        #expect(agreeing.warnings.isEmpty)
    }

    /// `2025年完成投资` (itself a YTD header) or `2025年投资完成情况` merged over `计划 | 1-3月 | 3月`:
    /// the plan, the year to date and the month go where they belong (the plan was taken for the
    /// year to date, or the file rejected).
    @Test(arguments: [("2025年完成投资", ["计划", "1-3月", "3月"]), ("2025年完成投资", ["计划", "1-3月完成", "3月完成"]),
                      ("2025年投资完成情况", ["计划投资", "1-3月", "其中3月"])])
    func amountsUnderAnInvestmentHeading(top: String, subs: [String]) throws {
        let (reader, out) = try readAll([
            ["浦北县2025年1-3月重大项目进度表"],
            ["序号", "项目名称", "统一项目代码", "总投资", top, "", ""],
            ["", "", "", "", subs[0], subs[1], subs[2]],
            ["1", "a", "2023-450722-48-03-240001", "100000", "12000", "3000", "1000"],
        ])
        #expect(reader.info.headerLines == [2, 3])
        let row = try #require(out.compactMap(\.project).first)
        #expect(row.annualPlan == D("12000"))
        #expect(row.ytdCompleted == D("3000"))
        #expect(row.monthCompleted == D("1000"))
    }

    /// A January sheet has no `1-1月`: its `1月完成投资` is the year to date.
    @Test func januaryMonthIsTheYearToDate() throws {
        let (_, out) = try readAll([
            ["钦北区2025年1月重大项目进度表"],
            ["序号", "项目名称", "统一项目代码", "年度计划投资", "1月完成投资"],
            ["1", "a", "2023-450703-48-03-240001", "12000", "800"],
        ])
        #expect(out.compactMap(\.project).first?.ytdCompleted == D("800"))
    }

    /// A city's sheet grouped by place: a section naming a place puts its rows there (as a
    /// merged 县区 cell does) and is no category; a category section under it keeps the place.
    @Test func sectionsNamingPlaces() throws {
        let (_, out) = try readAll([
            ["2025年1-3月钦州市重大项目进度表"],
            ["序号", "项目名称", "统一项目代码", "1-3月完成投资"],
            ["一、产业项目", "", "", ""],
            ["1", "产甲", "2023-450700-48-03-160000", "50"],
            ["二、钦州港片区", "", "", ""],
            ["1", "港甲", "2023-450700-48-03-160004", "400"],
            ["（一）工业项目", "", "", ""],
            ["2", "港乙", "2023-450700-48-03-160006", "600"],
            ["三、高新区", "", "", ""],
            ["1", "高甲", "2023-450700-48-03-160005", "500"],
        ])
        let rows = out.compactMap(\.project)
        #expect(rows.map(\.regionAbove) == [nil, "钦州港片区", "钦州港片区", "高新区"])
        #expect(rows.map(\.category) == ["产业项目", nil, "工业项目", nil])
    }

    /// Another table under the sheet's own, with or without a 附表 title: its rows are skipped
    /// with the reason (they were read with this header's columns: 总投资 as the year to date).
    @Test(arguments: [true, false])
    func anotherTableBelow(titled: Bool) throws {
        var rows: [[String]] = [
            ["钦南区2025年1-2月重大项目进度表"],
            ["序号", "项目名称", "统一项目代码", "年度计划投资", "1-2月完成投资", "本月完成投资"],
            ["1", "甲", "2023-450702-48-03-111001", "1000", "100", "10"],
            ["合计", "", "", "1000", "100", "10"],
            ["", "", "", "", "", ""],
        ]
        if titled { rows.append(["附表：2025年拟开工项目清单", "", "", "", "", ""]) }
        rows += [
            ["序号", "项目名称", "统一项目代码", "建设内容", "总投资", "计划开工时间"],
            ["1", "拟开工丙", "2025-450702-48-03-111003", "新建厂房", "50000", "2025年6月"],
        ]
        let (reader, out) = try readAll(rows)
        #expect(out.compactMap(\.project).map(\.projectName) == ["甲"])
        #expect(out.compactMap(\.rejected).isEmpty)
        #expect(reader.warnings.isEmpty)
        let last = try #require(out.last?.skipped)
        #expect(last.reason.contains("another table"))
        #expect(out.count == rows.count)
    }

    /// Below the total: a 其中 line and summary rows by status are skipped, not rejected as
    /// projects without a code and not checked as subtotals.
    @Test func summariesBelowTheTotal() throws {
        let (reader, out) = try readAll([
            ["钦南区2025年1-2月重大项目进度表"],
            ["序号", "项目名称", "统一项目代码", "1-2月完成投资"],
            ["1", "甲", "2023-450702-48-03-111001", "100"],
            ["2", "乙", "2023-450702-48-03-111002", "200"],
            ["合计", "", "", "300"],
            ["其中：新开工项目合计", "", "", "100"],
            ["新开工项目", "", "", "100"],
            ["在建项目（1个）", "", "", "200"],
        ])
        #expect(out.compactMap(\.project).count == 2)
        #expect(out.compactMap(\.rejected).isEmpty)
        #expect(reader.warnings.isEmpty)
        #expect(out.suffix(3).compactMap(\.skipped).count == 3)
    }

    /// A month's figure above the year to date loads as written, with a warning.
    @Test func monthAboveTheYearToDate() throws {
        let (reader, out) = try readAll([
            ["钦南区2025年1-5月重大项目进度表"],
            ["项目名称", "统一项目代码", "1-5月完成投资", "本月完成投资"],
            ["甲", "2023-450702-48-03-111001", "100", "300"],
            ["乙", "2023-450702-48-03-111002", "300", "100"],
        ])
        #expect(out.compactMap(\.project).map(\.ytdCompleted) == [D("100"), D("300")])
        #expect(reader.warnings.map(\.line) == [3])
        #expect(reader.warnings.first?.message.contains("本月完成投资 300 is more than 1-5月完成投资 100") == true)
    }

    /// `地区 | 指标 | 单位 | 本年累计`: the 单位 column beside the region's is each row's unit
    /// (it took no role, and 亿元 rows loaded as 万元).
    @Test func unitColumnBesideTheRegionColumn() throws {
        let (_, out) = try readAll([
            ["2023年1-9月全市主要指标"],
            ["地区", "指标", "单位", "本年累计", "同比增长"],
            ["钦南区", "固定资产投资", "亿元", "130.5", "4.8"],
            ["钦南区", "工业投资", "万元", "523000", "10.2"],
        ])
        let rows = out.compactMap(\.indicators).flatMap { $0 }
        #expect(rows.map(\.region) == ["钦南区", "钦南区"])
        #expect(rows.map(\.ytdValue) == [D("1305000"), D("523000")])
    }

    /// One region's statistics report: numbered indicator names are the indicators' rows (they
    /// were taken for sections, and the figures lost); a rate row (计量单位 %) is no amount (it
    /// loaded as 7.7 万元 and made the amount's own row a duplicate).
    @Test func oneRegionReportWithNumberedNamesAndRateRows() throws {
        let (_, out) = try readAll([
            ["浦北县2023年1-10月统计月报"],
            ["指标名称", "计量单位", "本月止累计", "比去年同期±"],
            ["一、固定资产投资增速", "%", "7.7", ""],
            ["一、固定资产投资（不含农户）", "亿元", "88.2", "7.7"],
            ["（二）民间投资", "万元", "456700", "-2.3"],
        ])
        let rows = out.compactMap(\.indicators).flatMap { $0 }
        #expect(rows.map(\.indicator) == ["fai", "private"])
        #expect(rows.map(\.ytdValue) == [D("882000"), D("456700")])
        #expect(rows.map(\.reportedYoYPct) == [D("7.7"), D("-2.3")])
        #expect(out.compactMap(\.rejected).isEmpty)
    }

    /// `同比增减（万元）` before `增幅（%）`: the change in money is not the reported rate (it
    /// loaded as a 2000% growth, which rankings and alerts use).
    @Test func changeInMoneyBesideTheRate() throws {
        let (_, out) = try readAll([
            ["2022年1-6月争取上级转移支付资金情况", "", "", "", "", ""],
            ["单位", "本年累计争取", "上年同期", "同比增减（万元）", "增幅（%）", "备注"],
            ["钦南区", "12000", "10000", "2000", "20.0", ""],
            ["灵山县", "9000", "10000", "-1000", "-10.0", ""],
        ])
        let rows = out.compactMap(\.transfers).flatMap { $0 }
        #expect(rows.map(\.reportedYoYPct) == [D("20.0"), D("-10.0")])

        let (_, wide) = try readAll([
            ["2022年1-8月各县区固定资产投资完成情况（单位：万元）", "", "", ""],
            ["县区", "固定资产投资", "", ""],
            ["", "本年累计", "同比增减（万元）", "增速（%）"],
            ["钦南区", "1500000", "200000", "15.4"],
        ])
        let fai = try #require(wide.compactMap(\.indicators).first?.first)
        #expect(fai.ytdValue == D("1500000"))
        #expect(fai.reportedYoYPct == D("15.4"))
    }

    /// A bare change word marked % under an indicator (`增减（%）`, `±%`, `比上年±%`) is the
    /// reported rate, as `增减幅度（%）` is (they were dropped, and rankings and alerts used the
    /// computed rate); unmarked or in money (`增减（万元）`) it is the change, not kept.
    @Test(arguments: [("增减（%）", "6.0"), ("增减幅度（%）", "6.0"), ("±%", "6.0"), ("比上年±%", "6.0"), ("增减%", "6.0"),
                      ("增长（%）", "6.0"), ("同比增减（%）", "6.0"), ("增减（万元）", nil), ("增减", nil)] as [(String, String?)])
    func changeWordsMarkedPercentAreTheRate(header: String, rate: String?) throws {
        let (_, wide) = try readAll([
            ["钦州市2022年1-6月各县区固定资产投资和工业投资（单位：万元）"],
            ["县区", "固定资产投资", "", "工业投资", ""],
            ["", "1-6月", header, "1-6月", header],
            ["钦北区", "600000", "6.0", "122000", "6.0"],
        ])
        let rows = try #require(wide.compactMap(\.indicators).first)
        #expect(rows.map(\.ytdValue) == [D("600000"), D("122000")])
        #expect(rows.map(\.reportedYoYPct) == [rate.map(D), rate.map(D)])

        let (_, oneIndicator) = try readAll([
            ["2022年1-6月各县区固定资产投资（万元）"],
            ["县区", "本年累计", header],
            ["钦北区", "600000", "6.0"],
        ])
        #expect(oneIndicator.compactMap(\.indicators).first?.first?.reportedYoYPct == rate.map(D))
    }

    /// This year's and last year's figures side by side: the column naming the sheet's year (or
    /// none) is the year to date, whichever comes first (last year's was loaded).
    @Test(arguments: [
        (["2021年1-8月完成投资", "2022年1-8月完成投资"], ["1111", "3200"]),
        (["2022年1-8月完成投资", "2021年1-8月完成投资"], ["3200", "1111"]),
        (["上年同期完成投资", "2021年1-8月完成投资", "1-8月完成投资"], ["1000", "1111", "3200"]),
    ] as [([String], [String])])
    func lastYearsColumnBesideThisYears(columns: [String], values: [String]) throws {
        let (reader, out) = try readAll([
            ["钦南区2022年1-8月项目进度表（万元）"],
            ["项目名称", "统一项目代码"] + columns,
            ["钦南区海产品加工", "2021-450702-13-03-600001"] + values,
        ])
        #expect(out.compactMap(\.project).first?.ytdCompleted == D("3200"))
        #expect(reader.warnings.isEmpty)
    }

    /// Last month's column left beside this month's (hidden in Excel, exported all the same): the
    /// column naming the sheet's month is the year to date, whichever comes first (999, February's
    /// figure, was loaded as March's).
    @Test(arguments: [
        (["1-2月完成投资", "1-3月完成投资"], ["999", "1234.5"]),
        (["1-3月完成投资", "1-2月完成投资"], ["1234.5", "999"]),
    ] as [([String], [String])])
    func lastMonthsColumnBesideThisMonths(columns: [String], values: [String]) throws {
        let (_, out) = try readAll([
            ["中马钦州产业园区2022年1-3月重大项目进度表"],
            ["项目名称", "统一项目代码"] + columns,
            ["园区道路", "2022-450772-48-01-000100"] + values,
        ])
        #expect(out.compactMap(\.project).first?.ytdCompleted == D("1234.5"))
    }

    /// A row of units under the header, bare or bracketed: each column's amounts are in its unit
    /// (the row was rejected as a project without a code and 亿元 read as 万元).
    @Test(arguments: [(["", "", "亿元", "亿元"], ["12.5", "0.58"]), (["", "", "亿元", "万元"], ["12.5", "5800"]),
                      (["", "", "（亿元）", "（万元）"], ["12.5", "5800"]), (["单位：", "", "亿元", "万元"], ["12.5", "5800"])]
          as [([String], [String])])
    func unitsRowUnderTheHeader(units: [String], values: [String]) throws {
        let (reader, out) = try readAll([
            ["灵山县2022年1-2月重点项目进度表"],
            ["项目名称", "项目代码", "总投资", "1-2月完成投资"],
            units,
            ["灵山县荔枝产业园", "2021-450721-01-03-200001"] + values,
        ])
        #expect(reader.info.headerLines == [2, 3])
        #expect(out.compactMap(\.rejected).isEmpty)
        let row = try #require(out.compactMap(\.project).first)
        #expect(row.totalInvestment == D("125000"))
        #expect(row.ytdCompleted == D("5800"))
    }

    /// Units under a two-row header: the money unit of each measure, and a growth word over a
    /// money unit is the change in money, not the rate.
    @Test func unitsRowUnderATwoRowHeader() throws {
        let (reader, out) = try readAll([
            ["2022年1-8月各县区固定资产投资完成情况"],
            ["县区", "固定资产投资", "", ""],
            ["", "本年累计", "同比增减", "增速"],
            ["", "亿元", "万元", "%"],
            ["钦南区", "150", "200000", "15.4"],
        ])
        #expect(reader.info.headerLines == [2, 3, 4])
        let fai = try #require(out.compactMap(\.indicators).first?.first)
        #expect(fai.ytdValue == D("1500000"))
        #expect(fai.reportedYoYPct == D("15.4"))
    }

    /// A long sheet's share and rate rows (`民间投资占比`, `…比重（%）`, `固定资产投资增速`) are not the
    /// indicator's amount: skipped, so the amount row loads (a 40 万元 share took its place and
    /// the real row was rejected as its duplicate).
    @Test(arguments: ["民间投资占比", "民间投资占固定资产投资比重（%）", "民间投资增速", "民间投资（%）"])
    func shareRowInALongSheet(name: String) throws {
        let (_, out) = try readAll([
            ["2022年1月分县区主要投资指标（万元）"],
            ["县区", "指标", "本年累计", "上年同期", "同比增长（%）"],
            ["钦南区", name, "40.0", "44.6", ""],
            ["钦南区", "民间投资", "600000", "580000", "3.4"],
        ])
        #expect(out.compactMap(\.rejected).isEmpty)
        let rows = out.compactMap(\.indicators).flatMap { $0 }
        #expect(rows.map(\.indicator) == ["private"])
        #expect(rows.map(\.ytdValue) == [D("600000")])
        #expect(out[2].skipped?.reason.contains("share or growth rate") == true)
    }

    /// A filing date above the header is not the period: the 报告期 row, the file name or a
    /// 统计期 row under the data gives it (the filing month was loaded, over all of them).
    @Test(arguments: [
        ([["钦北区重大项目投资进度表"], ["填报日期：2022年10月8日", "", "单位：万元"], ["报告期：2022年1-9月"]], [[String]](), "钦北区项目.csv"),
        ([["钦北区重大项目投资进度表"], ["填报单位：钦北区发改局", "填报日期：2022年10月8日"]], [], "钦北区项目_2022年9月.csv"),
        ([["钦北区重大项目投资进度表"], ["填报日期：2022年10月8日"]], [["统计期：2022年9月", "", ""]], "钦北区项目.csv"),
    ] as [([[String]], [[String]], String)])
    func filingDateIsNoPeriod(titles: [[String]], footer: [[String]], fileName: String) throws {
        let (reader, out) = try readAll(titles + [
            ["项目名称", "统一项目代码", "本年累计完成投资"],
            ["钦北区物流园", "2021-450703-59-01-500001", "3000"],
        ] + footer, fileName: fileName)
        #expect(reader.info.month == YearMonth(year: 2022, month: 9))
        #expect(reader.warnings.isEmpty)
        #expect(out.compactMap(\.rejected).isEmpty)
    }

    /// A day's date in the file name (`…20220705`, the day it was sent) and no other period: the
    /// file is rejected with the reason, not loaded as July's.
    @Test func sendingDateInTheFileName() throws {
        #expect {
            _ = try readAll([["钦南区重大项目进度表"], ["项目名称", "项目代码", "本年累计完成投资"],
                             ["甲", "2021-450700-13-03-670901", "100"]], fileName: "钦南区项目进度20220705.csv")
        } throws: { error in
            (error as? SheetError)?.code == .missingMonth && "\(error)".contains("when the sheet was sent")
        }
    }

    /// A day's date in Chinese in the file name (`…（2022年7月5日报）`, `…_2022年7月8日`), the day
    /// the sheet was sent, names no period, as `…20220705` does: the year-to-date header's month
    /// is the sheet's (June's figures were loaded as July's). So is a filing date above the
    /// header with no other year (`报送时间：2022年7月5日`; the file was rejected for no month):
    /// its year, for a month not after it; `1-12月` sent in January is the year before's.
    @Test(arguments: [
        ([["灵山县重大项目投资进度表"]], "1-6月完成投资", "灵山县重大项目（2022年7月5日报）.csv", YearMonth(year: 2022, month: 6)),
        ([["灵山县重大项目投资进度表"]], "1-6月完成投资", "灵山县重大项目进度表_2022年7月8日.csv", YearMonth(year: 2022, month: 6)),
        ([["钦南区重大项目投资进度表"]], "1-7月完成投资", "钦南区重大项目进度（2022年8月3日报送）.csv", YearMonth(year: 2022, month: 7)),
        ([["灵山县重大项目投资进度表"], ["报送时间：2022年7月5日"]], "1-6月完成投资", "灵山县重大项目.csv", YearMonth(year: 2022, month: 6)),
        ([["灵山县重大项目投资进度表"], ["填报日期：2023年1月6日"]], "1-12月完成投资", "灵山县重大项目.csv", YearMonth(year: 2022, month: 12)),
    ] as [([[String]], String, String, YearMonth)])
    func chineseSendingDateNamesNoPeriod(titles: [[String]], ytd: String, fileName: String, expected: YearMonth) throws {
        let (reader, out) = try readAll(titles + [["项目名称", "项目代码", ytd], ["甲", "2021-450721-13-03-670901", "100"]],
                                        fileName: fileName)
        #expect(reader.info.month == expected)
        #expect(out.compactMap(\.project).count == 1)
        #expect(reader.warnings.map(\.message).allSatisfy { $0.contains("the month is the one column '\(ytd)' names") })
    }

    /// Totals named 汇总 or 共计N个项目, above or below the rows, and a total of a part
    /// (`合计（不含园区）`): skipped as data (they were rejected, or loaded as regions), and the
    /// plain ones checked.
    @Test func totalsByOtherWords() throws {
        let (projects, out) = try readAll([
            ["灵山县2022年1-10月重大项目进度表（万元）"],
            ["序号", "项目名称", "项目代码", "1-10月完成投资"],
            ["", "全县汇总", "", "3000"],
            ["1", "灵山测试甲", "2021-450721-13-03-680001", "1000"],
            ["2", "灵山测试乙", "2021-450721-13-03-680002", "2000"],
            ["", "共计2个项目", "", "3100"],
        ])
        #expect(out.compactMap(\.rejected).isEmpty)
        #expect(out.compactMap(\.project).count == 2)
        #expect(projects.warnings.map(\.line) == [6])

        let (regions, rows) = try readAll([
            ["2023年1-2月各县区固定资产投资（万元）"],
            ["地区", "本年累计", "同比增长（%）"],
            ["钦南区", "100", "1.0"],
            ["钦北区", "200", "2.0"],
            ["县区汇总", "300", ""],
            ["合计（不含园区）", "250", ""],
        ])
        #expect(rows.compactMap(\.indicators).flatMap { $0 }.map(\.region) == ["钦南区", "钦北区"])
        #expect(regions.warnings.isEmpty)
    }

    /// A region or receiving unit merged over its rows (exported in the first row only) in a
    /// long indicator or targets sheet and a transfer sheet by category: the rows below take it,
    /// until a subtotal ends the group (they were rejected for a missing region).
    @Test func mergedKeyCellsInLongSheets() throws {
        let (_, indicators) = try readAll([
            ["2022年1-6月分县区主要投资指标"],
            ["县区", "指标", "1-6月累计", "上年同期", "同比增长（%）"],
            ["钦南区", "固定资产投资", "1500000", "1300000", "15.4"],
            ["", "工业投资", "450000", "340000", "32.4"],
            ["灵山县", "固定资产投资", "1100000", "1000000", "10.0"],
            ["", "工业投资", "300000", "250000", "20.0"],
        ])
        let rows = indicators.compactMap(\.indicators).flatMap { $0 }
        #expect(rows.map(\.region) == ["钦南区", "钦南区", "灵山县", "灵山县"])
        #expect(rows.map(\.indicator) == ["fai", "industrial", "fai", "industrial"])

        let (reader, transfers) = try readAll([
            ["2022年1-3月争取上级转移支付资金情况（万元）"],
            ["单位", "资金类别", "本年累计争取", "上年同期"],
            ["钦南区", "一般性转移支付", "5000", "4000"],
            ["", "专项转移支付", "3000", "2500"],
            ["小计", "", "8000", "6500"],
            ["", "专项转移支付", "2000", "2100"],
        ])
        #expect(transfers.compactMap(\.transfers).flatMap { $0 }.map(\.unit) == ["钦南区", "钦南区"])
        #expect(transfers.compactMap(\.rejected).map(\.line) == [6])   // no unit above a subtotal
        #expect(reader.warnings.isEmpty)

        let (_, targets) = try readAll([
            ["2022年各县区投资目标任务分解表"],
            ["单位", "指标", "年度目标", "目标增速（%）"],
            ["钦南区", "固定资产投资", "1700000", "15"],
            ["", "工业投资", "600000", "30"],
        ])
        #expect(targets.compactMap(\.targets).flatMap { $0 }.map(\.unit) == ["钦南区", "钦南区"])
    }

    /// The period as clerks also write it: Chinese numerals, the year in the title and the month
    /// in the file name, a two-digit year, a whole year's report (December, said in a warning).
    @Test(arguments: [
        ("钦南区二〇二二年1-6月重大项目进度表", "钦南区项目.csv", 6),
        ("钦南区2022年一至六月重大项目进度表", "钦南区项目.csv", 6),
        ("钦南区2022年重大项目进度表", "钦南区项目进度表6月.csv", 6),
        ("钦南区1-5月重大项目进度表", "2022年钦南区项目进度表6月.csv", 5),   // the title's month first
        ("钦南区重大项目进度表", "钦南区项目进度_22年6月.csv", 6),
        ("灵山县2022年度重大项目投资完成情况", "灵山县项目.csv", 12),
    ] as [(String, String, Int)])
    func periodSpellings(title: String, fileName: String, month: Int) throws {
        let (reader, _) = try readAll([[title], ["项目名称", "项目代码", "本年累计完成投资"],
                                       ["甲", "2021-450702-13-03-600001", "3200"]], fileName: fileName)
        #expect(reader.info.month == YearMonth(year: 2022, month: month))
        #expect(reader.warnings.map { $0.message.contains("年度' in the title") } == (month == 12 ? [true] : []))
    }
    /// `截至6月底累计完成投资` is often the project's total since it started: beside a column that
    /// can only be this year's (`1-6月完成投资`, `其中：2025年1-6月完成投资`, `本年累计完成投资`) it is
    /// not the year to date, in either order (the first one was: 21000 for 6800). Alone it still
    /// is; `自开工累计`, `开工以来累计` and `开工至今累计` never are.
    @Test(arguments: [
        (["截至6月底累计完成投资（万元）", "1-6月完成投资（万元）"], ["21000", "6800"], "6800"),
        (["1-6月完成投资（万元）", "截至6月底累计完成投资（万元）"], ["6800", "21000"], "6800"),
        (["截至6月底累计完成投资（万元）", "其中：2025年1-6月完成投资"], ["21000", "6800"], "6800"),
        (["截止6月底完成投资", "本年累计完成投资", "6月完成投资"], ["21000", "6800", "1200"], "6800"),
        (["自开工累计完成投资", "本年累计完成投资", "开工至今累计完成投资"], ["21000", "6800", "21000"], "6800"),
        (["开工以来累计完成投资", "1-6月完成投资"], ["21000", "6800"], "6800"),
        (["截至6月底累计完成投资"], ["6800"], "6800"),
    ] as [([String], [String], String)])
    func sinceStartColumnBesideTheYearToDate(columns: [String], values: [String], ytd: String) throws {
        let (reader, out) = try readAll([
            ["钦南区2025年重大项目投资进度表（1-6月）"],
            ["项目名称", "项目代码"] + columns,
            ["钦南区海洋食品产业园二期", "2024-450702-13-03-012301"] + values,
        ])
        #expect(reader.info.layout == .projectProgress)
        #expect(out.compactMap(\.project).first?.ytdCompleted == D(ytd))
    }
    /// A printed sheet's page footers are notes: they were rejected as projects without a code,
    /// and every subtotal warning counted them as rejected rows of its range.
    @Test(arguments: ["第1页 共2页", "第 1 页，共 2 页", "共2页 第1页", "- 1 -"])
    func pageFooters(footer: String) throws {
        let (reader, out) = try readAll([
            ["钦南区2025年重大项目投资进度表（1-6月）", "", "", ""],
            ["序号", "项目名称", "项目代码", "1-6月完成投资"],
            ["1", "钦南区海洋食品产业园二期", "2024-450702-13-03-012301", "6800"],
            [footer, "", "", ""],
            ["序号", "项目名称", "项目代码", "1-6月完成投资"],
            ["2", "钦南区滨海大道延长线", "2023-450702-48-01-012305", "4200"],
            ["", "合计", "", "12000"],   // off by 1000: the warning names no rejected row
        ])
        #expect(out.compactMap(\.rejected).isEmpty)
        #expect(out.compactMap(\.skipped).filter { $0.kind == .note }.map(\.line) == [4])
        #expect(reader.warnings.count == 1)
        #expect(reader.warnings.first?.message.contains("rejected") == false)
    }
    /// Dates without a full year in a project sheet: `23.05` is May 2023, `8月底` the sheet's
    /// year's August, a planned restart `3月底` in a November sheet next March (all were left
    /// empty with a warning); a bare `3月` still is.
    @Test(arguments: [
        ("23.05", "", "2023-05-01", nil), ("23年5月", "12月底", "2023-05-01", "2025-12-01"),
        ("2024.3", "3月底", "2024-03-01", "2026-03-01"), ("3月", "11月上旬", nil, "2025-11-01"), ("23.1", "", nil, nil),
    ] as [(String, String, String?, String?)])
    func shortDates(start: String, restart: String, startDate: String?, restartDate: String?) throws {
        let (_, out) = try readAll([
            ["钦南区2025年1-11月重大项目进度表"],
            ["项目名称", "项目代码", "1-11月完成投资", "开工时间", "计划复工时间"],
            ["钦南区冷链物流中心", "2023-450702-59-01-012303", "1500", start, restart],
        ])
        let row = try #require(out.compactMap(\.project).first)
        #expect(row.startDate == startDate)
        #expect(row.plannedRestart == restartDate)
    }

    /// A section naming a stage (`一、新开工项目（3个）`, `（二）续建项目` under no kind) is no
    /// category: its rows' 建设性质 when they state none (it became their category, a stage
    /// where a kind belongs).
    @Test func stageSectionsAreNoCategory() throws {
        let (_, out) = try readAll([
            ["2025年1-6月钦州市统筹推进重大项目进度汇总表"],
            ["序号", "项目名称", "统一项目代码", "建设性质", "1-6月完成投资"],
            ["一", "新开工项目（3个）", "", "", "6300"],
            ["（一）", "钦南区", "", "", "1500"],
            ["1", "钦南区海洋牧场", "2025-450702-04-01-042301", "", "1500"],
            ["二", "续建项目（1个）", "", "", "22000"],
            ["1", "钦北区锂电材料产业园", "2023-450703-38-03-042304", "续建", "22000"],
            ["三", "工业项目", "", "", "800"],
            ["（一）", "新建项目", "", "", "800"],
            ["1", "灵山县荔枝深加工厂", "2025-450721-13-03-042302", "", "800"],
        ])
        let rows = out.compactMap(\.project)
        #expect(rows.map(\.category) == [nil, nil, "工业项目"])
        #expect(rows.map(\.nature) == ["新开工", "续建", "新建"])
        #expect(rows.first?.regionAbove == "钦南区")
    }
}

/// A county's sheet made from another's template keeps the other's title or file name: the
/// batch says which place was taken and which other one was named (probe F #8: loaded silently).
@Suite struct SheetPlaceConflictTests {
    static let body = [["序号", "项目名称", "统一项目代码", "1-6月完成投资"], ["1", "甲", "2022-450703-36-03-000001", "100"]]

    @Test(arguments: [
        // title, 填报单位 row (or none), file name, the region taken, the other place warned of (nil: no warning)
        ("灵山县2022年1-6月重大项目投资进度表", "填报单位：钦北区发展和改革局", "钦北区2022年6月重大项目进度表.csv", "钦北区", "灵山县"),
        ("2022年1-6月重大项目投资进度表", "填报单位：灵山县发展和改革局", "浦北县重大项目进度表.csv", "灵山县", "浦北县"),
        ("钦州市2022年1-6月重大项目投资进度表", "填报单位：灵山县发展和改革局", "灵山县_2022-06.csv", "灵山县", nil),  // the city's programme
        ("钦州港片区2022年1-6月重大项目", "", "钦州港_2022-06.csv", "钦州港片区", nil),                             // one place, two spellings
        ("灵山县2022年1-6月重大项目投资进度表", "", "灵山县.csv", "灵山县", nil),
    ] as [(String, String, String, String, String?)])
    func otherPlaceNamed(title: String, reporting: String, fileName: String, region: String, other: String?) throws {
        let titles = [[title]] + (reporting.isEmpty ? [] : [[reporting]])
        let (reader, _) = try readAll(titles + Self.body, fileName: fileName)
        #expect(reader.info.region == region)
        let warned = reader.warnings.first { $0.message.hasPrefix("the sheet is taken as") }
        if let other {
            #expect(warned?.message.contains("names \(other)") == true, "\(reader.warnings)")
        } else {
            #expect(warned == nil, "\(String(describing: warned))")
        }
    }
}
