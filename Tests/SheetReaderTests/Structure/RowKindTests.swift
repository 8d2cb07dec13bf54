import Testing
@testable import SheetReader

@Suite struct RowKindTests {
    static let casesCases: [([String], RowKind?)] = [
        (["", "", ""], .blank),
        (["\u{3000}", " "], .blank),
        (["一、产业项目", "", ""], .section(level: 1, category: "产业项目")),
        (["（一）工业项目", ""], .section(level: 2, category: "工业项目")),
        (["(二)服务业项目", ""], .section(level: 2, category: "服务业项目")),
        (["二", "基础设施项目", ""], .section(level: 1, category: "基础设施项目")),
        (["", "合计", "", "123"], .subtotal(label: "合计", wholeSheet: true)),
        (["全市合计", "420"], .subtotal(label: "全市合计", wholeSheet: true)),
        (["总  计", "1"], .subtotal(label: "总计", wholeSheet: true)),
        (["小计", "1"], .subtotal(label: "小计", wholeSheet: false)),
        (["产业项目小计", "1"], .subtotal(label: "产业项目小计", wholeSheet: false)),
        (["注：本表数据截至6月30日"], .note("注:本表数据截至6月30日")),
        (["填报人：张三", "", "审核人：李四"], .note("填报人:张三")),
        (["联系电话：0777-6512345"], .note("联系电话:0777-6512345")),
        (["制表：县发改局"], .note("制表:县发改局")),
        (["", "其中：中央预算内投资", ""], .breakdown("其中:中央预算内投资")),
        // Section names that begin with a Chinese numeral, subtotals with their count, sign-offs.
        (["一、一般性转移支付", ""], .section(level: 1, category: "一般性转移支付")),
        (["一、2022年新开工项目", "", ""], .section(level: 1, category: "新开工项目")),
        (["㈠工业项目", "", ""], .section(level: 2, category: "工业项目")),
        (["㈡、基础设施", "", ""], .section(level: 2, category: "基础设施")),
        (["\u{1A}"], .blank),
        (["二、2021年续建项目（3个）", "", ""], .section(level: 1, category: "续建项目")),
        (["一、2022年度计划", "", ""], .section(level: 1, category: "计划")),
        (["（一）百亿元以上项目", ""], .section(level: 2, category: "百亿元以上项目")),
        (["（二）十亿元以上项目", ""], .section(level: 2, category: "十亿元以上项目")),
        (["一、2022-450721-36-01-000001", ""], nil),
        (["合计（4个）", "", "1,200"], .subtotal(label: "合计", wholeSheet: true)),
        (["总计(12个项目)", "5"], .subtotal(label: "总计", wholeSheet: true)),
        (["工业项目小计（3个）", "5"], .subtotal(label: "工业项目小计", wholeSheet: false)),
        (["新开工项目(2个)", ""], nil),
        (["二、新开工项目（2个）", ""], .section(level: 1, category: "新开工项目")),
        (["填报单位（盖章）：灵山县发展和改革局", "", "报送日期：2023年10月8日"], .note("填报单位(盖章):灵山县发展和改革局")),
        (["填报说明：1.本表由县发改局填报"], .note("填报说明:1.本表由县发改局填报")),
        (["*本月新增项目1个"], .note("*本月新增项目1个")),
        (["填报说明书印刷厂", "", "600"], nil),
        (["1.", "公路项目", "", ""], .section(level: 3, category: "公路项目")),
        (["(2)铁路项目", "", ""], .section(level: 3, category: "铁路项目")),
        (["1.", "某项目", "", "300"], nil),          // figures: a project row missing its code, not a section
        (["1.5", "", ""], nil),
        (["其中：新开工项目合计", "", "300"], .breakdown("其中:新开工项目合计")),
        // Page footers of a printed sheet are notes, not projects without a code.
        (["第1页 共2页", "", ""], .note("第1页共2页")),
        (["第 1 页，共 2 页", ""], .note("第1页,共2页")),
        (["共2页 第1页", ""], .note("共2页第1页")),
        (["- 1 -", ""], .note("-1-")),
        (["—2—"], .note("—2—")),
        (["第1页", "", "600"], nil),
        (["第一期工程", ""], nil),
        (["※本表金额为快报数"], .note("※本表金额为快报数")),
        (["1", "灵山县荔枝深加工项目", ""], nil),
        (["钦南区", "120"], nil),
        // A bureau form's sign-off block and the date it was signed.
        (["主要负责人：黄某", "", "经办人：李某", "复核人：陈某"], .note("主要负责人:黄某")),
        (["经办人：张三", "", "联系电话：0777-1234567"], .note("经办人:张三")),
        (["附注：本表数据为快报数"], .note("附注:本表数据为快报数")),
        (["报送单位：钦北区发展和改革局（盖章）"], .note("报送单位:钦北区发展和改革局(盖章)")),
        (["统计期：2022年6月", ""], .note("统计期:2022年6月")),
        (["2022年6月5日", "", ""], .note("2022年6月5日")),
        (["2022-06-05"], .note("2022-06-05")),
        (["2022年6月5日", "钦南区", "100"], nil),
        // Totals by other words, with an unbracketed count, or of a part the label names.
        (["", "全县汇总", "", "3000"], .subtotal(label: "全县汇总", wholeSheet: true)),
        (["", "共计2个项目", "", "3000"], .subtotal(label: "共计", wholeSheet: true)),
        (["合计：3个项目", "1"], .subtotal(label: "合计", wholeSheet: true)),
        (["县区汇总", "300"], .subtotal(label: "县区汇总", wholeSheet: false)),
        (["合计（不含园区）", "300"], .subtotal(label: "合计(不含园区)", wholeSheet: false)),
        (["钦州港片区(含保税港区)", "300"], nil),
        (["工业项目3个", "", "300"], nil),
    ]

    @Test(arguments: casesCases)
    func classifies(cells: [String], expected: RowKind?) {
        #expect(RowClassifier.classify(cells, keyIsEmpty: true, projectLayout: true) == expected)
    }

    @Test func sectionNeedsEmptyKey() {
        #expect(RowClassifier.classify(["一、产业项目", "x", "2020-450721-13-03-012345"], keyIsEmpty: false, projectLayout: true) == nil)
    }

    /// The section's name merged over the key column (`一 | 工业项目 | | |`): a section when the
    /// row holds nothing else; anything more makes it a row of data (rejected or loaded as such).
    @Test(arguments: [
        (["一", "工业项目", "", ""], RowKind?.some(.section(level: 1, category: "工业项目"))),
        (["（二）", "基础设施项目", ""], .section(level: 2, category: "基础设施项目")),
        (["一", "工业项目", "", "2,300", "10%"], .section(level: 1, category: "工业项目")),
        (["一", "工业项目", "项目甲", "2300"], nil),
        (["一", "2020-450721-13-03-012345", "项目甲", "100"], nil),
        (["一", "QZ-2022-001", "", "100"], nil),
        (["一", "工业项目2期", "", "100"], nil),
        (["一", "2020-450721-13-03-012345"], nil),
        (["一", "", ""], nil),
        (["1", "工业项目", ""], nil),
    ])
    func sectionNamedInTheKeyColumn(cells: [String], expected: RowKind?) {
        #expect(RowClassifier.classify(cells, keyIsEmpty: false, projectLayout: true) == expected)
    }

    @Test func breakdownOnlyInProjectSheets() {
        #expect(RowClassifier.classify(["其中：钦州港片区", "12"], keyIsEmpty: true, projectLayout: false) == nil)
    }

    /// In a region sheet, `其中：县区`/`其中：园区` group a kind of place under the total (they were
    /// rejected as unknown regions); `其中：钦南区` is a region's own row and `其中：市直` the city's
    /// own part: data.
    @Test(arguments: [
        (["其中：县区", "1200000", "5.0"], RowKind.breakdown("其中:县区")),
        (["其中:园区", "300000", ""], .breakdown("其中:园区")),
        (["  其中：县市区 ", "1"], .breakdown("其中:县市区")),
        (["其中：钦南区", "300000", "4.0"], nil),
        (["其中：市直", "5000", ""], nil),
    ] as [([String], RowKind?)])
    func placeKindBreakdownInRegionSheets(cells: [String], expected: RowKind?) {
        #expect(RowClassifier.classify(cells, keyIsEmpty: false, projectLayout: false) == expected)
    }
}
