import Testing
@testable import SheetReader

@Suite struct HeaderAnalysisTests {
    static let analyzer = HeaderAnalyzer(table: try! SynonymTable.bundled())

    func roles(_ top: [String], _ sub: [String]? = nil, _ layout: SheetLayout) -> [ColumnRole?] {
        let topCells = top.map(Self.analyzer.match), subCells = sub?.map(Self.analyzer.match)
        let joined = subCells.map { SheetReading.joinedHeaders(top: topCells, sub: $0, analyzer: Self.analyzer) }
        return resolveColumns(top: topCells, sub: subCells, layout: layout, joined: joined)
    }

    /// Headers of real county templates; lifetime or ambiguous totals (`开工以来累计完成投资`,
    /// `累计完成投资`, `完成投资`) and an enterprise's credit code name no field.
    @Test(arguments: [
        ("投资项目代码", "project_code"), ("审批监管平台代码", "project_code"), ("备案代码", "project_code"),
        ("项目名称及建设内容", "project_name"), ("今年以来完成投资", "ytd_completed"),
        ("截至6月底完成投资", "ytd_completed"), ("截止12月底累计完成投资", "ytd_completed"),
        ("本年度已完成投资（万元）", "ytd_completed"), ("自年初累计完成投资", "ytd_completed"),
        ("年度累计完成", "ytd_completed"), ("开工以来累计完成投资", nil), ("累计完成投资", nil), ("完成投资", nil),
        ("统一社会信用代码", nil), ("县市区", "region"), ("县级责任单位", "department"), ("总投资额", "total_investment"),
        ("2022年计划完成投资", "annual_plan"), ("计划开工时间", nil), ("到位资金（万元）", "ytd_amount"), ("1-6月争取资金", "ytd_amount"),
    ] as [(String, String?)])
    func countyTemplateHeaders(header: String, field: String?) {
        #expect(Self.analyzer.match(header).fields.first == field)
    }

    /// A targets sheet of departments (`责任单位 | 指标 | 全年目标任务`): the department column is
    /// the unit column when there is no 单位/地区 one (it took no role: each row became the city's).
    @Test(arguments: [
        (["责任单位", "指标", "全年目标任务"], [ColumnRole.field("unit"), .field("indicator"), .field("annual_target")]),
        (["牵头单位", "指标", "年度目标"], [.field("unit"), .field("indicator"), .field("annual_target")]),
        (["单位", "责任单位", "指标", "年度目标"], [.field("unit"), nil, .field("indicator"), .field("annual_target")]),
        (["地区", "牵头部门", "指标", "年度目标"], [.field("unit"), nil, .field("indicator"), .field("annual_target")]),
    ] as [([String], [ColumnRole?])])
    func departmentColumnIsATargetsUnit(header: [String], expected: [ColumnRole?]) {
        #expect(roles(header, nil, .targets) == expected)
    }

    /// A period (or a measure) merged over sub cells that name the rest: the two read as one header.
    @Test(arguments: [
        (["1-6月", ""], ["完成投资", "本月完成"], ["ytd_completed", "month_completed"]),
        (["本年", ""], ["累计完成投资", "本月完成投资"], ["ytd_completed", "month_completed"]),
        (["完成投资（万元）", ""], ["1-6月", "6月"], ["ytd_completed", "month_completed"]),
        (["2022年", ""], ["1-6月完成投资", "年度计划投资"], ["ytd_completed", "annual_plan"]),
        (["投资情况", ""], ["总投资", "备注"], ["total_investment", nil]),
    ] as [([String], [String], [String?])])
    func periodMergedOverItsMeasures(top: [String], sub: [String], expected: [String?]) {
        let r = roles(["项目代码", "项目名称"] + top, ["", ""] + sub, .projectProgress)
        #expect(r == [.field("project_code"), .field("project_name")] + expected.map { $0.map(ColumnRole.field) })
    }

    @Test func twoRowMergedIndicatorHeader() {
        let r = roles(["县区", "固定资产投资", "", "工业投资", ""], ["", "累计", "同比增长（%）", "累计", "同比±%"], .indicatorSummary)
        #expect(r == [.field("region"), .indicator("fai", .value), .indicator("fai", .yoy),
                      .indicator("industrial", .value), .indicator("industrial", .yoy)])
    }

    @Test func measureOnSameRowBelongsToIndicatorOnItsLeft() {
        let r = roles(["地区", "固定资产投资（万元）", "同比增长（%）", "民间投资", "增速", "上年同期"], nil, .indicatorSummary)
        #expect(r == [.field("region"), .indicator("fai", .value), .indicator("fai", .yoy),
                      .indicator("private", .value), .indicator("private", .yoy), .indicator("private", .prior)])
    }

    @Test func compoundIndicatorHeaders() {
        let r = roles(["县区", "1-6月固定资产投资增速（%）", "工业投资累计", "其中：制造业投资"], nil, .indicatorSummary)
        #expect(r == [.field("region"), .indicator("fai", .yoy), .indicator("industrial", .value), .indicator("manufacturing", .value)])
    }

    /// Marks before an indicator's name in a 指标 column: a 其中 item (`#`, `其中：`), numbering.
    @Test(arguments: [("#制造业投资", "manufacturing"), ("＃制造业投资", "manufacturing"), ("其中：民间投资", "private"),
                      ("1.工业投资", "industrial"), ("2、民间投资", "private"), ("（一）固定资产投资", "fai"), ("△房地产开发投资", "real_estate")])
    func markedIndicatorNames(text: String, code: String) {
        #expect(Self.analyzer.match(text).indicator == code)
    }

    @Test func measureUnderPlainFieldInProjectSheet() {
        let r = roles(["项目名称", "项目代码", "1-6月\n完成投资（万元）", ""], ["", "", "本年累计", "其中：本月"], .projectProgress)
        #expect(r == [.field("project_name"), .field("project_code"), .field("ytd_completed"), .field("month_completed")])
    }

    @Test func layoutPicksAmongSynonyms() {
        #expect(roles(["单位", "本年累计"], nil, .transferPayments) == [.field("unit"), .field("ytd_amount")])
        #expect(roles(["地区", "指标", "本年累计"], nil, .indicatorSummary) == [.field("region"), .field("indicator"), .field("value")])
    }

    @Test func monthColumnsInTargets() {
        let r = roles(["单位", "指标", "年度目标", "1月", "2月", "1-3月"], nil, .targets)
        #expect(r == [.field("unit"), .field("indicator"), .field("annual_target"), .month(1, cumulative: false),
                      .month(2, cumulative: false), .month(3, cumulative: true)])
    }

    @Test func duplicateFieldKeepsFirstColumn() {
        let r = roles(["项目代码", "项目名称", "统一项目代码"], nil, .projectProgress)
        #expect(r == [.field("project_code"), .field("project_name"), nil])
    }

    @Test(arguments: [
        (["", "累计", "同比增长"], true),
        (["", "本年累计", "其中：本月"], true),
        (["1", "项目A", "2020-450721-13-03-012345"], false),
        (["一、产业项目", "", ""], false),
        (["", "", ""], false),
    ])
    func subHeaderDetection(cells: [String], expected: Bool) {
        let top = ["县区", "固定资产投资", ""].map(Self.analyzer.match)
        #expect(SheetReading.isSubHeader(cells.map(Self.analyzer.match), under: top, raw: cells) == expected)
    }

    @Test func rankUnderAnIndicatorIsNoValue() {
        let r = roles(["县区", "固定资产投资", "", ""], ["", "排位", "本年累计", "比上年同期增长（%）"], .indicatorSummary)
        #expect(r == [.field("region"), nil, .indicator("fai", .value), .indicator("fai", .yoy)])
    }

    /// A month's own figure beside the cumulative one under an indicator is not its value,
    /// whichever comes first.
    @Test(arguments: [
        (["", "8月", "1-8月", "增速（%）", "1-8月"], [nil, ColumnRole.indicator("fai", .value), .indicator("fai", .yoy)]),
        (["", "本月", "本年累计", "增速", "1-8月"], [nil, .indicator("fai", .value), .indicator("fai", .yoy)]),
        (["", "1-8月", "当月", "增速", "1-8月"], [.indicator("fai", .value), nil, .indicator("fai", .yoy)]),
    ] as [([String], [ColumnRole?])])
    func singleMonthUnderAnIndicatorIsNoValue(sub: [String], fai: [ColumnRole?]) {
        let r = roles(["县区", "固定资产投资", "", "", "工业投资"], sub, .indicatorSummary)
        #expect(r == [.field("region")] + fai + [.indicator("industrial", .value)])
    }

    @Test func transferIndicatorOverItsMeasuresInATransferSheet() {
        let r = roles(["单位（部门）", "上级转移支付资金（万元）", "", ""], ["", "本年累计争取", "上年同期", "同比增长"], .transferPayments)
        #expect(r == [.field("unit"), .field("ytd_amount"), .field("prior_ytd"), .field("reported_yoy")])
    }

    /// A growth word with a money unit is the change in money, not the rate: the rate column
    /// beside it is the reported YoY, in whichever order they come.
    @Test(arguments: [
        (["单位", "本年累计争取", "上年同期", "同比增减（万元）", "增幅（%）"], SheetLayout.transferPayments,
         [ColumnRole.field("unit"), .field("ytd_amount"), .field("prior_ytd"), nil, .field("reported_yoy")]),
        (["单位", "本年累计争取", "上年同期", "增幅（%）", "比上年同期增减(亿元)"], .transferPayments,
         [.field("unit"), .field("ytd_amount"), .field("prior_ytd"), .field("reported_yoy"), nil]),
        (["单位", "本年累计争取", "上年同期", "增减额", "增减幅度（%）"], .transferPayments,
         [.field("unit"), .field("ytd_amount"), .field("prior_ytd"), nil, .field("reported_yoy")]),
        (["县区", "固定资产投资", "同比增减（万元）", "增速（%）"], .indicatorSummary,
         [.field("region"), .indicator("fai", .value), .indicator("fai", .change), .indicator("fai", .yoy)]),
        (["县区", "固定资产投资", "固定资产投资同比增长（万元）", "同比增长率"], .indicatorSummary,
         [.field("region"), .indicator("fai", .value), .indicator("fai", .change), .indicator("fai", .yoy)]),
        // No unit on the change, but a % on the rate beside it.
        (["单位", "本年累计争取", "上年同期", "同比增减", "增幅（%）"], .transferPayments,
         [.field("unit"), .field("ytd_amount"), .field("prior_ytd"), nil, .field("reported_yoy")]),
        (["县区", "固定资产投资", "同比增减", "增速（%）"], .indicatorSummary,
         [.field("region"), .indicator("fai", .value), .indicator("fai", .change), .indicator("fai", .yoy)]),
        (["县区", "固定资产投资", "同比增长", "增速"], .indicatorSummary,
         [.field("region"), .indicator("fai", .value), .indicator("fai", .yoy), .indicator("fai", .yoy)]),
    ] as [([String], SheetLayout, [ColumnRole?])])
    func changeInMoneyIsNoRate(header: [String], layout: SheetLayout, expected: [ColumnRole?]) {
        #expect(roles(header, nil, layout) == expected)
    }

    @Test func changeInMoneyUnderAnIndicatorIsNoRate() {
        let r = roles(["县区", "固定资产投资", "", ""], ["", "本年累计", "同比增减（万元）", "增速（%）"], .indicatorSummary)
        #expect(r == [.field("region"), .indicator("fai", .value), .indicator("fai", .change), .indicator("fai", .yoy)])
    }

    @Test func periodBeforeAMeasureAfterAnIndicator() {
        let r = roles(["县（市、区）", "固定资产投资1-11月累计增速（%）", "工业投资1-11月累计增速（%）"], nil, .indicatorSummary)
        #expect(r == [.field("region"), .indicator("fai", .yoy), .indicator("industrial", .yoy)])
    }

    /// A bracketed 含/不含/其中 qualifier after a known indicator's name (finding 10): the
    /// indicator (`工业投资（含技改）` was rejected as unknown); other brackets are no qualifier.
    @Test(arguments: [("工业投资（含技改）", "industrial"), ("民间投资(不含房地产)", "private"), ("固定资产投资（不含农户）", "fai"),
                      ("1.基础设施投资（其中：交通）", "infrastructure"), ("技改投资（含设备购置）", nil), ("工业投资（亿元）", "industrial"),
                      ("工业投资（园区）", nil)] as [(String, String?)])
    func qualifiedIndicatorNames(name: String, code: String?) throws {
        #expect(Self.analyzer.match(name).indicator == code)
        let (_, out) = try readAll([
            ["2022年1-6月分县区主要投资指标"],
            ["地区", "指标", "1-6月", "增速（%）"],
            ["钦南区", name, "30.50", "35.2"],
        ])
        #expect(out.compactMap(\.indicators).first?.first?.indicator == code)
    }
}
