import Foundation
import Testing
@testable import SheetReader

/// The realistic corpus in Fixtures/realistic (written by make_realistic.py): sheets made the
/// way county offices make them. Every expectation below was worked out by hand from the rows
/// in make_realistic.py — what a careful clerk reads from the file — not copied from the reader.
@Suite struct RealisticSheetsTests {
    /// One fact the clerk reads off a given line.
    enum Probe: Sendable, CustomTestStringConvertible {
        case project(line: Int, code: String, ytd: String, month: String? = nil)
        /// A project row's text attribute: category, region, department, status, nature,
        /// industry, stall, start, private, total, plan.
        case projectField(line: Int, field: String, value: String?)
        case indicator(line: Int, region: String, code: String, ytd: String?, prior: String? = nil, yoy: String? = nil)
        case transfer(line: Int, unit: String, category: String?, ytd: String, prior: String? = nil, yoy: String? = nil)
        case target(line: Int, unit: String, code: String, annual: String?, rate: String? = nil, monthly: [Int: String] = [:])
        case rejected(line: Int, column: Int?, says: String)
        case skipped(line: Int, kind: SkipKind)
        var testDescription: String { "\(self)" }
    }

    struct Expectation: Sendable, CustomTestStringConvertible {
        var file: String
        var layout: SheetLayout
        var month: String
        var region: String?
        var unit: MoneyUnit
        var data: Int
        var skipped: Int
        var rejected: Int
        var warnings: Int = 0
        var probes: [Probe]
        var testDescription: String { file }
    }

    static let corpus: [Expectation] = [
        Expectation(file: "r01_钦南区重大项目进度_gbk.csv", layout: .projectProgress, month: "2022-07", region: "钦南区", unit: .wan,
                    data: 4, skipped: 11, rejected: 0, probes: [
                        .project(line: 7, code: "2021-450702-13-03-031001", ytd: "3200.5"),
                        .projectField(line: 7, field: "category", value: "产业项目"),
                        .project(line: 12, code: "2021-450702-77-01-031004", ytd: "600"),
                        .projectField(line: 12, field: "category", value: "基础设施项目"),
                        .projectField(line: 12, field: "total", value: "7300"),
                        .projectField(line: 12, field: "plan", value: "2800"),
                        .projectField(line: 12, field: "department", value: "区住建局"),
                        .skipped(line: 5, kind: .subtotal), .skipped(line: 15, kind: .note), .skipped(line: 3, kind: .title),
                    ]),
        Expectation(file: "r02_钦北区项目进度_utf8bom.csv", layout: .projectProgress, month: "2022-08", region: "钦北区", unit: .wan,
                    data: 3, skipped: 5, rejected: 0, probes: [
                        .project(line: 8, code: "2021-450703-44-01-041001", ytd: "6400", month: "900"),
                        .projectField(line: 8, field: "status", value: "在建"),
                        .project(line: 9, code: "2021-450703-05-01-041002", ytd: "3100", month: "250"),
                        .project(line: 10, code: "2022-450703-20-03-041003", ytd: "0", month: "0"),
                        .projectField(line: 10, field: "status", value: "停工"),
                        .skipped(line: 7, kind: .header), .skipped(line: 11, kind: .note),
                    ]),
        Expectation(file: "r03_灵山县项目代码_gbk.csv", layout: .projectProgress, month: "2022-06", region: "灵山县", unit: .wan,
                    data: 3, skipped: 4, rejected: 2, warnings: 3, probes: [
                        .project(line: 4, code: "2021-450721-48-01-051001", ytd: "1200", month: "200"),
                        .project(line: 7, code: "2207-450721-04-01-540816", ytd: "600", month: "100"),
                        .project(line: 8, code: "2021-450721-70-01-051005", ytd: "1800", month: "300"),
                        .rejected(line: 5, column: 3, says: "Excel turned the code into a number"),
                        .rejected(line: 6, column: 3, says: "no unified code"),
                        .skipped(line: 9, kind: .subtotal),
                    ]),
        Expectation(file: "r04_浦北县项目进度_utf16.txt", layout: .projectProgress, month: "2022-09", region: "浦北县", unit: .wan,
                    data: 3, skipped: 6, rejected: 0, probes: [
                        .project(line: 6, code: "2021-450722-14-03-061001", ytd: "3150"),
                        .projectField(line: 6, field: "plan", value: "5000"),
                        .projectField(line: 6, field: "category", value: "工业项目"),
                        .projectField(line: 6, field: "nature", value: "续建"),
                        .project(line: 9, code: "2020-450722-84-01-061003", ytd: "5200"),
                        .projectField(line: 9, field: "category", value: "社会民生项目"),
                        .skipped(line: 4, kind: .subtotal), .skipped(line: 8, kind: .section),
                    ]),
        Expectation(file: "r05_中马钦州产业园区_2022-05.csv", layout: .projectProgress, month: "2022-05", region: "中马钦州产业园区", unit: .yi,
                    data: 3, skipped: 2, rejected: 0, probes: [
                        .project(line: 3, code: "2021-450700-13-03-071001", ytd: "12500"),
                        .projectField(line: 3, field: "total", value: "52000"),
                        .project(line: 4, code: "2021-450700-34-03-071002", ytd: "24000"),
                        .projectField(line: 4, field: "industry", value: "通用设备制造业"),
                        .project(line: 5, code: "2020-450700-48-01-071003", ytd: "500"),
                    ]),
        Expectation(file: "r06_全市重大项目_2022年6月.csv", layout: .projectProgress, month: "2022-06", region: "钦州市", unit: .wan,
                    data: 6, skipped: 5, rejected: 0, probes: [
                        .project(line: 5, code: "2021-450702-59-01-081001", ytd: "5000"),
                        .projectField(line: 5, field: "region", value: "钦南区"),
                        .projectField(line: 5, field: "private", value: "true"),
                        .projectField(line: 5, field: "industry", value: "仓储业"),
                        .project(line: 9, code: "2020-450700-55-01-081005", ytd: "8000"),
                        .projectField(line: 9, field: "region", value: "钦州港片区"),
                        .projectField(line: 9, field: "private", value: "false"),
                        .skipped(line: 4, kind: .subtotal), .skipped(line: 11, kind: .note),
                    ]),
        Expectation(file: "r07_县区固投排位_202206.csv", layout: .indicatorSummary, month: "2022-06", region: nil, unit: .yi,
                    data: 6, skipped: 4, rejected: 0, probes: [
                        .indicator(line: 4, region: "全市", code: "fai", ytd: "4023500", yoy: "15.2"),
                        .indicator(line: 5, region: "钦南区", code: "fai", ytd: "951200", yoy: "18.3"),
                        .indicator(line: 5, region: "钦南区", code: "industrial", ytd: "305000", yoy: "35.2"),
                        .indicator(line: 5, region: "钦南区", code: "private", ytd: "401000", yoy: "10.2"),
                        .indicator(line: 6, region: "钦北区", code: "fai", ytd: "603300", yoy: "-3.5"),
                        .skipped(line: 10, kind: .note),
                    ]),
        Expectation(file: "r08_县区投资指标_2022年8月.csv", layout: .indicatorSummary, month: "2022-08", region: "钦州市", unit: .wan,
                    data: 4, skipped: 3, rejected: 0, probes: [
                        // The city's own part, not the city: skipped (the city's figure is the
                        // sum of its regions and its own projects, or a 全市 row).
                        .skipped(line: 3, kind: .note),
                        .indicator(line: 4, region: "钦南区", code: "fai", ytd: "1250000", yoy: "18.2"),
                        .indicator(line: 4, region: "钦南区", code: "manufacturing", ytd: "300000", yoy: "-2.5"),
                        .indicator(line: 5, region: "钦北区", code: "fai", ytd: "800500.5", yoy: "-1.2"),
                        .indicator(line: 5, region: "钦北区", code: "manufacturing", ytd: "120000", yoy: nil),
                        .indicator(line: 6, region: "灵山县", code: "infrastructure", ytd: "310000", yoy: nil),
                        .indicator(line: 7, region: "中马钦州产业园区", code: "manufacturing", ytd: "700000", yoy: "45.5"),
                    ]),
        Expectation(file: "r09_灵山县主要投资指标_2022年7月_gbk.csv", layout: .indicatorSummary, month: "2022-07", region: "灵山县", unit: .wan,
                    data: 6, skipped: 5, rejected: 0, probes: [
                        .indicator(line: 3, region: "灵山县", code: "fai", ytd: "889000", prior: "765700", yoy: "16.1"),
                        .indicator(line: 4, region: "灵山县", code: "industrial", ytd: "257000", prior: "195900", yoy: "31.2"),
                        .indicator(line: 5, region: "灵山县", code: "manufacturing", ytd: "180000", prior: "150000", yoy: "20.0"),
                        .indicator(line: 8, region: "灵山县", code: "real_estate", ytd: "150000", prior: "170000", yoy: "-11.8"),
                        .skipped(line: 9, kind: .blank), .skipped(line: 10, kind: .note), .skipped(line: 11, kind: .note),
                    ]),
        Expectation(file: "r10_分县区投资指标长表_2022-09.csv", layout: .indicatorSummary, month: "2022-09", region: nil, unit: .wan,
                    data: 6, skipped: 3, rejected: 0, probes: [
                        .indicator(line: 2, region: "钦南区", code: "fai", ytd: "1500000", prior: "1300000", yoy: "15.4"),
                        .indicator(line: 6, region: "钦北区", code: "industrial", ytd: "150000", prior: "160000", yoy: "-6.3"),
                        .indicator(line: 9, region: "浦北县", code: "real_estate", ytd: "95000", prior: "110000", yoy: "-13.6"),
                        .skipped(line: 4, kind: .blank),
                    ]),
        Expectation(file: "r11_上级转移支付_2022年6月_gbk.csv", layout: .transferPayments, month: "2022-06", region: nil, unit: .yuan,
                    data: 5, skipped: 5, rejected: 0, probes: [
                        .transfer(line: 5, unit: "钦南区", category: "一般性转移支付", ytd: "12345.6789", prior: "11000", yoy: "12.23"),
                        .transfer(line: 6, unit: "灵山县", category: "专项转移支付", ytd: "9876.54321", prior: "10000", yoy: "-1.23"),
                        .transfer(line: 8, unit: "市教育局", category: "专项转移支付", ytd: "800", prior: "750", yoy: "6.67"),
                        .transfer(line: 9, unit: "市交通运输局", category: "车购税补助", ytd: "3050"),
                        .skipped(line: 10, kind: .subtotal), .skipped(line: 3, kind: .title),
                    ]),
        // 市直部门小计 covers only the two departments; the reader cannot know and checks it
        // against the four rows above (two warnings, for 本年累计争取 and 上年同期).
        Expectation(file: "r12_转移支付两行表头_202207.csv", layout: .transferPayments, month: "2022-07", region: "钦州市", unit: .wan,
                    data: 4, skipped: 5, rejected: 0, warnings: 2, probes: [
                        .transfer(line: 4, unit: "钦北区", category: nil, ytd: "8600", prior: "8000", yoy: "7.5"),
                        .transfer(line: 5, unit: "浦北县", category: nil, ytd: "9100.5", prior: "8700", yoy: "4.6"),
                        .transfer(line: 7, unit: "市水利局", category: nil, ytd: "1800", prior: "1900", yoy: "-5.3"),
                        .skipped(line: 3, kind: .header), .skipped(line: 8, kind: .subtotal),
                    ]),
        Expectation(file: "r13_2022年固投目标任务分解表_gbk.csv", layout: .targets, month: "2022-12", region: "钦州市", unit: .wan,
                    data: 3, skipped: 5, rejected: 0, probes: [
                        .target(line: 4, unit: "钦南区", code: "fai", annual: "2300000", rate: "15",
                                monthly: [2: "300000", 3: "500000", 6: "1150000", 9: "1700000", 12: "2300000"]),
                        .target(line: 5, unit: "钦南区", code: "industrial", annual: "700000", rate: "30",
                                monthly: [2: "80000", 3: "150000", 6: "350000", 9: "520000", 12: "700000"]),
                        .target(line: 6, unit: "灵山县", code: "fai", annual: "1800000", rate: "15",
                                monthly: [2: "220000", 3: "400000", 6: "900000", 9: "1350000", 12: "1800000"]),
                        .skipped(line: 7, kind: .subtotal), .skipped(line: 8, kind: .note),
                    ]),
        // Monthly amounts (not cumulative) in the annual target's 亿元: running sums in 万元.
        Expectation(file: "r14_目标按月分解_2022.csv", layout: .targets, month: "2022-12", region: nil, unit: .yi,
                    data: 3, skipped: 2, rejected: 0, probes: [
                        .target(line: 3, unit: "钦北区", code: "industrial", annual: "180000",
                                monthly: [2: "20000", 3: "35000", 4: "50000", 5: "65000", 6: "80000"]),
                        .target(line: 4, unit: "浦北县", code: "industrial", annual: "265000",
                                monthly: [2: "30000", 3: "50000", 4: "75000", 5: "100000", 6: "125000"]),
                        .target(line: 5, unit: "市工业和信息化局", code: "industrial", annual: "100000",
                                monthly: [2: "10000", 3: "20000", 4: "30000", 5: "40000", 6: "50000"]),
                    ]),
        Expectation(file: "r15_年度目标宽表_2022.csv", layout: .targets, month: "2022-12", region: nil, unit: .yi,
                    data: 3, skipped: 3, rejected: 0, probes: [
                        .target(line: 4, unit: "钦南区", code: "fai", annual: "2300000", rate: "15"),
                        .target(line: 4, unit: "钦南区", code: "industrial", annual: "700000", rate: "30"),
                        .target(line: 6, unit: "钦州港片区", code: "fai", annual: "3000000", rate: "18"),
                    ]),
        Expectation(file: "r16_钦州港片区项目_202204.csv", layout: .projectProgress, month: "2022-04", region: "钦州港片区", unit: .wan,
                    data: 3, skipped: 3, rejected: 0, probes: [
                        .project(line: 3, code: "2021-450700-26-03-091001", ytd: "80000"),
                        .projectField(line: 3, field: "total", value: "500000"),
                        .project(line: 4, code: "2020-450700-55-01-091002", ytd: "65000"),
                        .projectField(line: 4, field: "status", value: nil),
                        .project(line: 5, code: "2022-450700-59-01-091003", ytd: "0"),
                        .projectField(line: 5, field: "stall", value: "资金未到位"),
                        .skipped(line: 6, kind: .blank),
                    ]),
        Expectation(file: "r17_钦北区数字写法_2022年5月.csv", layout: .projectProgress, month: "2022-05", region: "钦北区", unit: .wan,
                    data: 2, skipped: 2, rejected: 3, probes: [
                        .project(line: 3, code: "2021-450703-46-01-101001", ytd: "100.5", month: nil),
                        .projectField(line: 3, field: "total", value: "1234.5"),
                        .project(line: 4, code: "2021-450703-59-01-101002", ytd: "1234.5", month: nil),
                        .projectField(line: 4, field: "total", value: "120000"),
                        .rejected(line: 5, column: 5, says: "negative"),
                        .rejected(line: 6, column: 5, says: "percentage"),
                        .rejected(line: 7, column: 5, says: "missing year-to-date"),
                    ]),
        Expectation(file: "r18_统计口径_2022年3月.csv", layout: .indicatorSummary, month: "2022-03", region: nil, unit: .wan,
                    data: 4, skipped: 4, rejected: 0, probes: [
                        .indicator(line: 5, region: "钦南区", code: "fai", ytd: "360000", yoy: "20.5"),
                        .indicator(line: 6, region: "钦北区", code: "fai", ytd: "210000", yoy: "-4.2"),
                        .indicator(line: 7, region: "中马钦州产业园区", code: "fai", ytd: "120000", yoy: "11.0"),
                        .skipped(line: 2, kind: .title), .skipped(line: 3, kind: .title),
                    ]),
        Expectation(file: "r19_灵山县小计在前_2022年9月.csv", layout: .projectProgress, month: "2022-09", region: "灵山县", unit: .wan,
                    data: 3, skipped: 5, rejected: 0, probes: [
                        .project(line: 5, code: "2022-450721-52-01-111001", ytd: "2000", month: "300"),
                        .projectField(line: 5, field: "category", value: nil),   // a stage is no kind
                        .projectField(line: 5, field: "nature", value: "新开工"),
                        .project(line: 8, code: "2020-450721-48-01-111003", ytd: "4000", month: "300"),
                        .projectField(line: 8, field: "category", value: nil),
                        .projectField(line: 8, field: "nature", value: "续建"),
                        .projectField(line: 8, field: "department", value: "县交通局"),
                        .skipped(line: 3, kind: .subtotal),
                    ]),
        Expectation(file: "r20_浦北县报告期列.txt", layout: .projectProgress, month: "2022-08", region: "浦北县", unit: .wan,
                    data: 2, skipped: 2, rejected: 1, probes: [
                        .project(line: 3, code: "2021-450722-14-03-121001", ytd: "1500", month: "200"),
                        .project(line: 4, code: "2021-450722-48-01-121002", ytd: "2600", month: "300"),
                        .rejected(line: 5, column: 1, says: "row is for 2022-07"),
                    ]),
        // 开工至今累计完成投资 is since the start of works; the year's figure is 本年完成投资额.
        Expectation(file: "r21_钦南区累计口径_2022年6月.csv", layout: .projectProgress, month: "2022-06", region: "钦南区", unit: .wan,
                    data: 2, skipped: 2, rejected: 0, probes: [
                        .project(line: 3, code: "2019-450702-48-01-131001", ytd: "6000"),
                        .projectField(line: 3, field: "total", value: "50000"),
                        .project(line: 4, code: "2021-450702-77-01-131002", ytd: "1500"),
                    ]),
        Expectation(file: "r22_转移支付分类别_2022年9月.txt", layout: .transferPayments, month: "2022-09", region: nil, unit: .wan,
                    data: 3, skipped: 5, rejected: 0, probes: [
                        .transfer(line: 4, unit: "钦南区", category: "一般性转移支付", ytd: "12000"),
                        .transfer(line: 5, unit: "钦南区", category: "专项转移支付", ytd: "8000"),
                        .transfer(line: 7, unit: "市卫生健康委", category: "专项转移支付", ytd: "2500"),
                        .skipped(line: 6, kind: .subtotal), .skipped(line: 8, kind: .subtotal),
                    ]),
        Expectation(file: "r23_六项投资指标_202210.csv", layout: .indicatorSummary, month: "2022-10", region: "钦州市", unit: .wan,
                    data: 4, skipped: 4, rejected: 0, probes: [
                        .indicator(line: 3, region: "钦南区", code: "fai", ytd: "1600000"),
                        .indicator(line: 4, region: "钦北区", code: "real_estate", ytd: "90000"),
                        .indicator(line: 5, region: "灵山县", code: "manufacturing", ytd: "300000"),
                        .indicator(line: 6, region: "浦北县", code: "infrastructure", ytd: "260000"),
                        .skipped(line: 7, kind: .subtotal), .skipped(line: 8, kind: .note),
                    ]),
        // 计量单位 per row: 32.5 亿元 is 325000 万元, 61000 万元 stays.
        Expectation(file: "r24_钦北区指标计量单位_2022年4月.csv", layout: .indicatorSummary, month: "2022-04", region: "钦北区", unit: .wan,
                    data: 3, skipped: 2, rejected: 0, probes: [
                        .indicator(line: 3, region: "钦北区", code: "fai", ytd: "325000", yoy: "-2.1"),
                        .indicator(line: 4, region: "钦北区", code: "industrial", ytd: "61000", yoy: "5.5"),
                        .indicator(line: 5, region: "钦北区", code: "private", ytd: "150500", yoy: "3.3"),
                    ]),
        Expectation(file: "r25_园区项目投资主体_2022-06.csv", layout: .projectProgress, month: "2022-06", region: "中马钦州产业园区", unit: .wan,
                    data: 3, skipped: 3, rejected: 0, probes: [
                        .project(line: 4, code: "2021-450700-14-03-141001", ytd: "2300"),
                        .projectField(line: 4, field: "private", value: "true"),
                        .projectField(line: 4, field: "start", value: "2022-03-01"),
                        .projectField(line: 4, field: "department", value: "园区经发局"),
                        .projectField(line: 5, field: "private", value: "false"),
                        .projectField(line: 5, field: "start", value: "2022-03-01"),
                        .projectField(line: 6, field: "private", value: "false"),
                        .projectField(line: 6, field: "start", value: "2022-04-01"),
                        .projectField(line: 6, field: "nature", value: "新建"),
                    ]),
        Expectation(file: "r26_固投月度目标_2022.csv", layout: .targets, month: "2022-12", region: nil, unit: .wan,
                    data: 2, skipped: 2, rejected: 0, probes: [
                        .target(line: 3, unit: "钦北区", code: "fai", annual: "1250000", monthly: [3: "250000", 6: "600000", 9: "900000"]),
                        .target(line: 4, unit: "浦北县", code: "fai", annual: "1150000", monthly: [3: "230000", 6: "560000", 9: "840000"]),
                    ]),
        Expectation(file: "r27_钦北区分页表头_2022年10月.csv", layout: .projectProgress, month: "2022-10", region: "钦北区", unit: .wan,
                    data: 4, skipped: 8, rejected: 0, probes: [
                        .project(line: 4, code: "2021-450703-39-03-151001", ytd: "5000"),
                        .projectField(line: 4, field: "category", value: "工业项目"),
                        .project(line: 10, code: "2021-450703-48-01-151003", ytd: "2200"),
                        .projectField(line: 10, field: "category", value: "基础设施"),
                        .projectField(line: 12, field: "category", value: "社会事业"),
                        .skipped(line: 6, kind: .subtotal), .skipped(line: 8, kind: .header),
                    ]),
        Expectation(file: "r28_县市区增速_2022年11月.csv", layout: .indicatorSummary, month: "2022-11", region: nil, unit: .wan,
                    data: 5, skipped: 1, rejected: 0, probes: [
                        .indicator(line: 2, region: "钦南区", code: "fai", ytd: nil, yoy: "16.0"),
                        .indicator(line: 3, region: "钦北区", code: "industrial", ytd: nil, yoy: "-5.5"),
                        .indicator(line: 6, region: "钦州高新区", code: "industrial", ytd: nil, yoy: "12.0"),
                    ]),
    ]

    static func d(_ s: String?) -> Decimal? { s.map { Decimal(string: $0)! } }

    @Test(arguments: corpus)
    func readsLikeAClerk(_ e: Expectation) throws {
        let base = try #require(Bundle.module.resourceURL)
        let reader = try SheetReading.open(url: base.appendingPathComponent("Fixtures/realistic/\(e.file)"), options: ReadOptions())
        var out: [RowOutcome] = []
        while let o = try reader.next() { out.append(o) }
        let info = reader.info
        #expect(info.layout == e.layout)
        #expect(info.month.description == e.month)
        #expect(info.region == e.region)
        #expect(info.unit == e.unit)
        #expect(out.filter { if case .data = $0 { return true } else { return false } }.count == e.data)
        #expect(out.filter { $0.skipped != nil }.count == e.skipped)
        #expect(out.compactMap(\.rejected).count == e.rejected, "\(out.compactMap(\.rejected).map(\.reason))")
        #expect(out.count == reader.recordsRead, "every record accounted for once")
        #expect(reader.warnings.count == e.warnings, "\(reader.warnings.map(\.message))")

        for probe in e.probes {
            switch probe {
            case .project(let line, let code, let ytd, let month):
                let p = try #require(out.first { $0.line == line }?.project, "line \(line) is a project row")
                #expect(p.projectCode == code)
                #expect(p.ytdCompleted == Self.d(ytd))
                if let month { #expect(p.monthCompleted == Self.d(month)) }
            case .projectField(let line, let field, let value):
                let p = try #require(out.first { $0.line == line }?.project, "line \(line) is a project row")
                let actual: String? = switch field {
                case "category": p.category
                case "region": p.region
                case "department": p.department
                case "status": p.status
                case "nature": p.nature
                case "industry": p.industry
                case "stall": p.stallReason
                case "start": p.startDate
                case "private": p.isPrivate.map { $0 ? "true" : "false" }
                case "total": p.totalInvestment.map { "\($0)" }
                case "plan": p.annualPlan.map { "\($0)" }
                default: "unknown field \(field)"
                }
                #expect(actual == value, "line \(line) \(field)")
            case .indicator(let line, let region, let code, let ytd, let prior, let yoy):
                let rows = try #require(out.first { $0.line == line }?.indicators, "line \(line) is an indicator row")
                let r = try #require(rows.first { $0.indicator == code }, "line \(line) has \(code)")
                #expect(r.region == region)
                #expect(r.ytdValue == Self.d(ytd))
                #expect(r.priorYtdValue == Self.d(prior))
                #expect(r.reportedYoYPct == Self.d(yoy))
            case .transfer(let line, let unit, let category, let ytd, let prior, let yoy):
                let t = try #require(out.first { $0.line == line }?.transfer, "line \(line) is a transfer row")
                #expect(t.unit == unit && t.category == category)
                #expect(t.ytdAmount == Self.d(ytd))
                #expect(t.priorYtdAmount == Self.d(prior))
                #expect(t.reportedYoYPct == Self.d(yoy))
            case .target(let line, let unit, let code, let annual, let rate, let monthly):
                let rows = try #require(out.first { $0.line == line }?.targets, "line \(line) is a target row")
                let t = try #require(rows.first { $0.indicator == code }, "line \(line) has \(code)")
                #expect(t.unit == unit && t.year == 2022)
                #expect(t.annualTarget == Self.d(annual))
                #expect(t.ratePct == Self.d(rate))
                #expect(t.monthlyYTD == monthly.mapValues { Decimal(string: $0)! })
            case .rejected(let line, let column, let says):
                let r = try #require(out.first { $0.line == line }?.rejected, "line \(line) is rejected")
                #expect(r.column == column)
                #expect(r.reason.contains(says), "\(r.reason)")
            case .skipped(let line, let kind):
                #expect(out.first { $0.line == line }?.skipped?.kind == kind, "line \(line)")
            }
        }
    }
}
