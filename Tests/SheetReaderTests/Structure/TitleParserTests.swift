import Testing
@testable import SheetReader

@Suite struct TitleParserTests {
    static let periodsCases: [(String, Int?, Int?)] = [
        ("2022年1-6月钦州市重大项目投资进度表", 2022, 6),
        ("2022年6月全市固定资产投资情况", 2022, 6),
        ("2022年1—2月各县区主要指标", 2022, 2),
        ("2022年1月-6月完成情况", 2022, 6),
        ("截至2022年6月底", 2022, 6),
        ("2022年上半年投资完成情况", 2022, 6),
        ("2022年第二季度灵山县重大项目", 2022, 6),
        ("2022年三季度投资完成情况", 2022, 9),
        ("2022年前三季度投资完成情况", 2022, 9),
        ("2022年第四季度重大项目", 2022, 12),
        ("2022年第一季度重大项目", 2022, 3),
        ("２０２２年１－６月", 2022, 6),
        ("2022年全市固定资产投资目标任务分解表", 2022, nil),
        ("1-2月各县区固定资产投资", nil, 2),
        ("灵山县_2022-06_项目进度", 2022, 6),
        ("qinzhou_202206", 2022, 6),
        ("indicator_long_202203", 2022, 3),
        ("进度表2022.6", 2022, 6),
        ("报表20220630", 2022, 6),
        ("2022年6月项目表", 2022, 6),
        ("2022-06", 2022, 6),
        ("2022年1-6月", 2022, 6),
        // A date-style year and month ending a range (they were read as January).
        ("2022.1-6月灵山县重大项目投资进度表", 2022, 6),
        ("2022/1-6月重大项目", 2022, 6),
        ("灵山县重大项目2022.1-6", 2022, 6),
        ("统计时段：2022.1.1-2022.6.30", 2022, 6),
        ("2022-01-01至2022-06-30完成情况", 2022, 6),
        ("2022.1-2022.6", 2022, 6),
        ("2022-06-15", 2022, 6),
        // Connectors a clerk types between the months of a cumulative period.
        ("灵山县2023年1月至9月重大项目进度表", 2023, 9),
        ("2023年1月份至9月份全市固定资产投资", 2023, 9),
        ("2023年1月到10月", 2023, 10),
        ("2023年1月份-10月份", 2023, 10),
        ("2023年1月起至10月底项目进展", 2023, 10),
        ("2023年1至8月", 2023, 8),
        ("2023年1~10月", 2023, 10),
        ("1月至9月各县区固定资产投资", nil, 9),
        ("2023年9月至今", 2023, 9),
        ("浦北县2023年截至10月底重大项目进展", 2023, 10),
        ("中马钦州产业园区重大项目进度表（截止10月31日）", nil, 10),
        // The day a sheet was filled in or sent is not its period.
        ("填报单位：钦北区发改局 填报日期：2022年10月8日 单位：万元", nil, nil),
        ("填报日期：2022年10月8日 报告期：2022年1-9月", 2022, 9),
        ("钦南区项目进度20220705", 2022, nil),
        ("报表20240229", 2024, 2),
        ("填报单位：灵山县发改局（盖章） 2022年10月8日", 2022, nil),
        ("截至2022年10月8日", 2022, 10),
        ("截止：2022年9月25日", 2022, 9),
        ("2022年9月30日", 2022, 9),
        // Chinese numerals, a two-digit year before its month.
        ("钦南区二〇二二年1-6月重大项目进度表", 2022, 6),
        ("钦南区2022年一至六月重大项目进度表", 2022, 6),
        ("二○二二年十二月", 2022, 12),
        ("2022年十一月份", 2022, 11),
        ("2022年一月至十月", 2022, 10),
        ("2023年一季度投资完成情况", 2023, 3),
        ("三娘湾旅游管理区2022年1-6月", 2022, 6),
        ("钦南区项目进度_22年6月", 2022, 6),
        ("灵山县2022年度重大项目1-6月进展情况", 2022, 6),
    ]

    @Test(arguments: periodsCases)
    func period(text: String, year: Int?, month: Int?) {
        let p = TitleParser.period(in: text)
        #expect(p?.year == year)
        #expect(p?.month == month)
    }

    /// A file name's bare month (`…进度表6月`) counts; in a title it could be a column's. A day's
    /// date in Chinese (the day the file was sent) names no month, as `…20220705` does; a month's
    /// last day does.
    @Test(arguments: [("钦南区项目进度表6月.csv", nil, 6), ("2022年钦南区项目进度表6月.csv", 2022, 6),
                      ("钦南区_2022年1-6月.csv", 2022, 6), ("钦南区项目进度表.csv", nil, nil),
                      ("灵山县重大项目（2022年7月5日报）.csv", 2022, nil), ("灵山县重大项目进度表_2022年7月8日.csv", 2022, nil),
                      ("钦南区重大项目进度（2022年8月3日报送）.csv", 2022, nil), ("灵山县重大项目（7月5日报送）.csv", nil, nil),
                      ("灵山县2022年1-6月重大项目进度（7月5日报送）.csv", 2022, 6), ("灵山县重大项目_2022年6月30日.csv", 2022, 6),
                      ("灵山县重大项目_2024年2月29日.csv", 2024, 2)] as [(String, Int?, Int?)])
    func periodInFileName(name: String, year: Int?, month: Int?) {
        let p = TitleParser.period(inFileName: name)
        #expect(p?.year == year)
        #expect(p?.month == month)
    }

    @Test(arguments: [("灵山县2022年度重大项目投资完成情况", 2022), ("二〇二二年度投资完成情况", 2022),
                      ("灵山县2022年度重大项目1-6月进展情况", nil), ("2022年重大项目", nil)] as [(String, Int?)])
    func wholeYear(text: String, year: Int?) {
        #expect(TitleParser.wholeYear(in: text) == year)
    }

    @Test(arguments: ["附件1", "项目进度表", "2020-450721-13-03-012345", "第13期"])
    func noPeriod(text: String) {
        #expect(TitleParser.period(in: text)?.yearMonth == nil)
    }

    static let regionsCases: [(String, String?)] = [
        ("填报单位：灵山县发展和改革局\u{3000}\u{3000}单位：万元", "灵山县"),
        ("2022年1-6月钦州市重大项目投资进度表", "钦州市"),
        ("浦北县2022年1-5月重大项目进展情况", "浦北县"),
        ("自贸区钦州港片区重大项目表", "钦州港片区"),
        ("填报单位：市发展改革委", nil),
        ("填报单位（盖章）：浦北县发展和改革局", "浦北县"),
        ("填报单位(盖章): 钦北区发改局", "钦北区"),
        ("2022年上半年各县区、市直部门争取上级转移支付资金情况表", nil),
        ("2023年1-10月重大项目投资进度表（钦州高新区）", "钦州高新区"),
        ("2023年重大项目进度表(灵山县发展和改革局报)", "灵山县"),
        ("2023年重大项目进度表（盖章）", nil),
        ("2023年各县区及市直部门固定资产投资目标任务分解表", nil),
        ("2022年1-6月各县区固定资产投资主要指标完成情况", nil),
        ("附件1", nil),
        ("单位：万元", nil),
        // A one-character word before a generic place word is no place (`分县区` is not 分县).
        ("2022年1-8月钦州市分县区投资情况", "钦州市"),
        ("分县区投资指标长表", nil),
        // The office that made the sheet: 制表单位 like 填报单位.
        ("制表单位：钦州市发展和改革委员会  单位：万元", "钦州市"),
        ("填报单位：中马钦州产业园区管委会", "中马钦州产业园区"),
        // Several places listed: none of them; the city named before the list (probe F #8:
        // 浦北县's projects were booked to 灵山县).
        ("2022年1-6月钦州市灵山县、浦北县重大项目投资进度表", "钦州市"),
        ("灵山县和浦北县2022年重大项目进度表", nil),
        ("2022年钦南区及钦州港区固定资产投资", nil),
        // A county and its own departments is the county.
        ("2022年1-6月灵山县、县直部门争取上级资金", "灵山县"),
    ]

    @Test(arguments: regionsCases)
    func region(text: String, expected: String?) {
        #expect(TitleParser.region(in: text) == expected)
    }

    /// Words for "by region" (`分地区`, `各地区`, `地区`) are no region (finding 11: `分地区` was shown
    /// as the sheet's region).
    @Test(arguments: [("灵山县_2022-06_项目进度.csv", "灵山县"), ("/inbox/2022年6月钦南区.csv", "钦南区"), ("projects_202206.csv", nil),
                      ("2022年6月分地区投资指标.csv", nil), ("2022年目标任务_地区列加责任单位.csv", nil), ("各地区固投_202206.csv", nil),
                      ("分指标分县区长表_2022年1-6月.csv", nil), ("2022年6月分区投资.csv", nil), ("钦南区_分地区.csv", "钦南区")])
    func regionInFileName(name: String, expected: String?) {
        #expect(TitleParser.region(inFileName: name) == expected)
    }

    static let sheetRegionCases: [([String], String, String?)] = [
        // The reporting unit wins over everything else.
        (["钦州市2022年1-6月重大项目建设进展情况表", "填报单位（盖章）：浦北县发展和改革局"], "钦南区_202206.csv", "浦北县"),
        // A county in the file name beats the city's programme title.
        (["钦州市2022年1-6月重大项目建设进展情况表"], "浦北县2022年6月重大项目进度.csv", "浦北县"),
        // A city alone is still a region (a city-wide sheet).
        (["钦州市2022年1-6月重大项目建设进展情况表"], "projects_202206.csv", "钦州市"),
        (["2022年1-6月各县区固定资产投资主要指标完成情况"], "2022年1-6月县区固投指标.csv", nil),
        (["2022年各县区固定资产投资目标任务分解表", "制表单位：钦州市发展和改革委员会"], "2022.csv", "钦州市"),
    ]

    @Test(arguments: sheetRegionCases)
    func sheetRegion(titles: [String], fileName: String, expected: String?) {
        #expect(TitleParser.sheetRegion(titles: titles, fileName: fileName) == expected)
    }

    /// The office whose own sheet it is: at the start of a title, after 填报单位, or in the file name.
    @Test(arguments: [
        (["市交通运输局2022年1-5月争取上级资金情况", "单位：万元"], "2022.csv", "市交通运输局"),
        (["2022年1-5月争取上级资金情况", "填报单位（盖章）：市发展和改革委员会"], "2022.csv", "市发展和改革委员会"),
        (["2022年1-5月争取上级资金情况"], "e22c_市水利局转移支付_2022年5月.csv", "市水利局"),
        (["灵山县2022年1-5月争取上级转移支付资金情况表"], "灵山县转移支付_2022年5月.csv", nil),
        (["2022年1-5月各县区转移支付"], "转移支付_2022年5月.csv", nil),
    ] as [([String], String, String?)])
    func department(titles: [String], fileName: String, expected: String?) {
        #expect(TitleParser.department(titles: titles, fileName: fileName) == expected)
    }

    @Test(arguments: [("填报单位：灵山县发展和改革局  单位：万元", MoneyUnit.wan), ("（单位：亿元）", .yi), ("金额单位：元", .yuan),
                      ("单位：亿", .yi), ("单位：万", .wan), ("单位：千元", .qian), ("单位：百万元", .baiwan), ("单位：亿元、%", .yi),
                      ("单位：%、亿元", .yi), ("单位：(亿元)", .yi), ("单位：绝对额亿元，增速%", .yi), ("（亿元）", .yi),
                      ("2023年重大项目进度表（万元）", .wan), ("填报单位：万秀区发改局（盖章） 单位：元", .yuan)])
    func unit(text: String, expected: MoneyUnit) {
        #expect(TitleParser.unit(in: text) == expected)
    }

    @Test func noUnit() {
        #expect(TitleParser.unit(in: "2022年1-6月钦州市重大项目投资进度表") == nil)
        // A place name with 万 after 填报单位 is not a unit.
        #expect(TitleParser.unit(in: "填报单位：万秀区发展和改革局") == nil)
    }
}
