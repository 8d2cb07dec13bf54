import Foundation
import Testing
@testable import SheetReader

@Suite struct SynonymTableTests {
    static let table = try! SynonymTable.bundled()

    static let headersCases: [(String, String)] = [
        ("项目代码", "project_code"), ("统一项目代码", "project_code"), ("项目编码", "project_code"),
        ("项目名称", "project_name"),
        ("1-6月完成投资", "ytd_completed"), ("1-12月完成投资（万元）", "ytd_completed"), ("本年累计完成投资", "ytd_completed"),
        ("年初至报告期累计完成投资", "ytd_completed"), ("年度累计完成投资", "ytd_completed"), ("2022年1-6月完成投资", "ytd_completed"),
        ("县区", "region"), ("所属县区", "region"), ("县（区）", "region"), ("辖区", "region"), ("项目所在地", "region"),
        ("责任单位", "department"), ("行业主管部门", "department"), ("行业分类", "industry"),
        ("是否民间投资", "private"), ("投资主体", "private"), ("建设性质", "nature"),
        ("总投资", "total_investment"), ("计划总投资（亿元）", "total_investment"),
        ("年度计划投资", "annual_plan"), ("2022年计划投资（万元）", "annual_plan"),
        ("本月完成投资", "month_completed"), ("当月完成投资", "month_completed"), ("6月完成投资", "month_completed"),
        ("项目状态", "status"), ("停工原因", "stall_reason"), ("开工时间", "start_date"), ("开工日期", "start_date"),
        ("上年同期", "prior_ytd"), ("去年同期", "prior_ytd"), ("同比增长", "reported_yoy"), ("增速", "reported_yoy"),
        ("同比±%", "reported_yoy"), ("资金类别", "category"), ("转移支付类别", "category"),
        ("单位", "unit"), ("部门", "unit"), ("本年累计争取", "ytd_amount"), ("累计到位资金", "ytd_amount"),
        ("本年累计", "ytd_amount"), ("本年累计", "value"), ("1-3月累计", "value"), ("累计完成", "value"),
        ("指标", "indicator"), ("年度目标", "annual_target"), ("全年目标任务", "annual_target"),
        ("报告期", "period"), ("月份", "period"),
        ("固定资产投资", "indicator:fai"), ("固投", "indicator:fai"), ("工业投资", "indicator:industrial"),
        ("民间投资", "indicator:private"), ("制造业投资", "indicator:manufacturing"),
        ("基础设施投资", "indicator:infrastructure"), ("房地产开发投资", "indicator:real_estate"),
        ("上级转移支付", "indicator:transfer_payment"), ("转移支付资金", "indicator:transfer_payment"),
        ("累计", "measure:value"), ("本年累计", "measure:value"), ("同比增长", "measure:yoy"), ("增速", "measure:yoy"),
        ("同比±%", "measure:yoy"), ("金额", "measure:value"), ("占年计划", "measure:share"), ("上年同期", "measure:prior"),
        // Variants met in county sheets: 月份 after a month number, 完成投资额, 其中：N月, 计量单位, ranks.
        ("1-6月份完成投资", "ytd_completed"), ("本年完成投资额", "ytd_completed"), ("1—6月完成投资额", "ytd_completed"),
        ("其中：8月", "month_completed"), ("计量单位", "row_unit"), ("排位", "ignore"), ("排名", "ignore"),
        ("1-11月累计增速", "measure:yoy"),
    ]

    @Test(arguments: headersCases)
    func bundledTableMatches(header: String, canonical: String) {
        #expect(Self.table.matches(header).map(\.canonical).contains(canonical))
    }

    @Test(arguments: ["1-13月完成投资", "1-月完成投资", "完成投资", "项目", "1-6月完成投资额度", "开工至今累计完成投资", "自开工累计完成投资"])
    func patternsDoNotOvermatch(header: String) {
        #expect(!Self.table.matches(header).map(\.canonical).contains("ytd_completed"))
    }

    @Test func patternCapturesMonth() {
        let m = Self.table.matches("1-11月完成投资").first { $0.canonical == "ytd_completed" }
        #expect(m?.month == 11)
    }

    @Test func operatorFileExtendsTable() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("syn-\(UUID().uuidString).tsv")
        try "# county dialect\nproject_code\t项目赋码|平台代码\nytd_completed\t截至N月底完成投资\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let table = try SynonymTable.load(operatorFiles: [url])
        #expect(table.matches("项目赋码").map(\.canonical) == ["project_code"])
        #expect(table.matches("截至6月底完成投资").map(\.canonical) == ["ytd_completed"])
        #expect(table.matches("项目代码").map(\.canonical) == ["project_code"])   // bundled entries kept
        #expect(Self.table.matches("项目赋码").isEmpty)
    }

    @Test func malformedOperatorLineIsAnError() throws {
        var table = SynonymTable()
        #expect(throws: SheetError.self) { try table.add(contentsOf: "project_code 项目代码\n", source: "ops.tsv") }
    }

    @Test(arguments: [("2022年1-3月各县区固定资产投资完成情况", "fai"), ("钦州市2022年1-6月工业投资完成情况表", "industrial"),
                      ("2022年固定资产投资和工业投资情况", nil), ("2022年1-6月重大项目进度表", nil)])
    func indicatorNamedByTitle(title: String, expected: String?) {
        #expect(Self.table.indicator(inTitle: NameNormalizer.normalize(title)) == expected)
    }
}
