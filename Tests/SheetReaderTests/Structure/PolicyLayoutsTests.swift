import Foundation
import Testing
@testable import SheetReader

/// The policy layouts (issue 8): detection that leaves the four original layouts alone, and
/// typed rows with hand-checked values.
@Suite struct PolicyLayoutsTests {
    static func read(_ rows: [[String]], options: ReadOptions = ReadOptions()) throws -> (SheetInfo, [RowOutcome]) {
        let reader = try SheetReading(source: ArrayRecordSource(rows: rows), fileName: "2022-09_全市.csv", options: options)
        var out: [RowOutcome] = []
        while let o = try reader.next() { out.append(o) }
        #expect(out.count == reader.recordsRead)
        return (reader.info, out)
    }

    static func data(_ out: [RowOutcome]) -> [DataRow] {
        out.compactMap { if case .data(let d) = $0 { return d } else { return nil } }
    }

    static func rejected(_ out: [RowOutcome]) -> [RejectedRow] {
        out.compactMap { if case .rejected(let r) = $0 { return r } else { return nil } }
    }

    /// Header rows of every layout; each must detect as its own layout and no other.
    @Test(arguments: [
        (["项目名称", "项目代码", "1-6月完成投资", "项目状态"], SheetLayout.projectProgress),
        (["项目名称", "统一项目代码", "本年累计完成投资", "停工原因", "计划复工时间"], .projectProgress),
        (["地区", "指标", "1-6月累计", "同比增长"], .indicatorSummary),
        (["单位", "资金类别", "本年累计争取", "上年同期"], .transferPayments),
        (["单位", "指标", "全年目标任务", "目标增速"], .targets),
        (["县区", "项目名称", "项目代码", "计划下达时间", "下达中央预算内投资（万元）", "累计支付", "开工时间"], .centralBudget),
        (["项目名称", "项目代码", "发行批次", "发行时间", "发行金额", "已使用金额", "是否开工"], .specialBonds),
        (["项目名称", "项目代码", "储备类别", "总投资", "拟争取上级资金"], .reservePool),
        (["项目名称", "项目代码", "债券批次", "发行日期", "额度（万元）", "已支出（万元）"], .specialBonds),
        (["项目名称", "项目代码", "下达时间", "下达资金", "已拨付", "开工时间"], .centralBudget),
    ])
    func detection(header: [String], layout: SheetLayout) throws {
        let (info, _) = try Self.read([["2022年1-6月报表"], header])
        #expect(info.layout == layout)
    }

    @Test func aReserveSheetWithoutUpperFundsNeedsItsTitle() throws {
        let header = ["项目名称", "项目代码", "所属领域", "总投资"]
        #expect(try Self.read([["2022年6月基础设施项目储备库"], header]).0.layout == .reservePool)
        #expect(throws: SheetError.self) { try Self.read([["2022年6月项目表"], header]) }
    }

    @Test func centralBudgetRows() throws {
        let (info, out) = try Self.read([
            ["2022年1-9月钦州市中央预算内投资项目进展情况表"],
            ["单位：亿元"],
            ["县区", "项目名称", "项目代码", "计划下达时间", "下达金额", "累计支付", "开工时间"],
            ["钦南区", "A路", "2022-450702-48-01-000001", "2022年3月10日", "1.2", "0.9", "2022-04"],
            ["灵山县", "C水", "2022-450721-48-01-000003", "", "1", "0", ""],
            ["灵山县", "D校", "2022-450721-48-01-000004", "2022-08-01", "1", "1.5", ""],
        ])
        #expect(info.layout == .centralBudget && info.month == YearMonth(year: 2022, month: 9) && info.unit == .yi)
        #expect(Self.data(out) == [.centralBudget(CentralBudgetRow(
            line: 4, projectCode: "2022-450702-48-01-000001", projectName: "A路", region: "钦南区",
            planIssuedDate: "2022-03-10", planAmount: 12000, paidToDate: 9000, startDate: "2022-04-01"))])
        let rejected = Self.rejected(out)
        #expect(rejected.map(\.line) == [5, 6])
        #expect(rejected[0].column == 4 && rejected[0].reason.contains("missing plan issued date"))
        #expect(rejected[1].column == 6 && rejected[1].reason.contains("exceeds the plan"))
    }

    /// 开工时间 in words: the row loads with whether it started and no date; other text is still
    /// not a date.
    @Test(arguments: [
        ("已开工", nil, true), ("部分开工", nil, true), ("在建", nil, true), ("已竣工", nil, true),
        ("未开工", nil, false), ("尚未开工", nil, false), ("拟10月开工", nil, false), ("计划2023年开工", nil, false),
        ("2022.6", "2022-06-01", nil), ("", nil, nil), ("2022年7月上旬", "2022-07-01", nil), ("2022年7月底", "2022-07-01", nil),
        // A date with the word for starting after it is that date (probe F: left empty).
        ("2022年3月1日开工", "2022-03-01", nil), ("2022年7月上旬开工", "2022-07-01", nil), ("2022-05-20开工建设", "2022-05-20", nil),
    ] as [(String, String?, Bool?)])
    func centralBudgetStartInWords(_ cell: String, _ date: String?, _ started: Bool?) throws {
        let (_, out) = try Self.read([
            ["2022年1-9月钦州市中央预算内投资项目进展情况表"],
            ["县区", "项目名称", "项目代码", "计划下达时间", "下达中央预算内投资（万元）", "累计支付", "开工时间"],
            ["钦南区", "A路", "2022-450702-48-01-000001", "2022-03-10", "100", "90", cell],
        ])
        guard case .centralBudget(let row) = try #require(Self.data(out).first) else {
            Issue.record("not a central-budget row: \(out)")
            return
        }
        #expect(row.startDate == date && row.started == started)
    }

    @Test func centralBudgetStartThatIsNeitherIsRejected() throws {
        let (_, out) = try Self.read([
            ["2022年1-9月钦州市中央预算内投资项目进展情况表"],
            ["县区", "项目名称", "项目代码", "计划下达时间", "下达中央预算内投资（万元）", "累计支付", "开工时间"],
            ["钦南区", "A路", "2022-450702-48-01-000001", "2022-03-10", "100", "90", "见附件"],
        ])
        #expect(Self.rejected(out).first?.column == 7)
        #expect(Self.rejected(out).first?.reason.contains("'见附件' is not a date") == true)
    }

    @Test func specialBondRows() throws {
        let (info, out) = try Self.read([
            ["2022年1-9月专项债券使用情况"],
            ["项目名称", "项目代码", "发行批次", "发行时间", "发行金额", "已使用金额", "是否开工"],
            ["A路", "2022-450702-48-01-000001", "2022年第一批", "2022-03-18", "10,000", "2500", "已开工"],
            ["C水", "2022-450721-48-01-000003", "", "2022/8/12", "4000", "", "未开工"],
            ["D校", "2022-450721-48-01-000004", "2022年第三批", "2022-08-12", "4000", "10", "不知道"],
            ["E桥", "2022-450721-48-01-000005", "2022年第三批", "2022-08-12", "3000", "1000", "部分开工"],
            ["F站", "2022-450721-48-01-000006", "2022年第三批", "2022-08-12", "2000", "", "尚未开工"],
        ])
        #expect(info.layout == .specialBonds)
        #expect(Self.data(out) == [
            .specialBond(SpecialBondRow(line: 3, projectCode: "2022-450702-48-01-000001", projectName: "A路",
                                        bondBatch: "2022年第一批", issueDate: "2022-03-18", issuedAmount: 10000,
                                        usedAmount: 2500, started: true)),
            // No batch text: the issue date names the batch.
            .specialBond(SpecialBondRow(line: 4, projectCode: "2022-450721-48-01-000003", projectName: "C水",
                                        bondBatch: "2022-08-12", issueDate: "2022-08-12", issuedAmount: 4000,
                                        usedAmount: nil, started: false)),
            .specialBond(SpecialBondRow(line: 6, projectCode: "2022-450721-48-01-000005", projectName: "E桥",
                                        bondBatch: "2022年第三批", issueDate: "2022-08-12", issuedAmount: 3000,
                                        usedAmount: 1000, started: true)),
            .specialBond(SpecialBondRow(line: 7, projectCode: "2022-450721-48-01-000006", projectName: "F站",
                                        bondBatch: "2022年第三批", issueDate: "2022-08-12", issuedAmount: 2000,
                                        usedAmount: nil, started: false)),
        ])
        #expect(Self.rejected(out).map(\.column) == [7])
    }

    /// A batch and its issue date merged over the batch's projects (on the group's first row
    /// only): the rows below take them, until the batch's 小计; the used column headed 已支出 is
    /// read; a sheet without a used column says so.
    @Test func mergedBatchCellsCoverTheRowsBelow() throws {
        let (_, out) = try Self.read([
            ["2022年1-10月政府专项债券项目资金支出情况表"],
            ["序号", "发行批次", "发行时间", "项目名称", "项目代码", "债券金额", "已支出"],
            ["1", "2022年第一批", "2022年3月18日", "G大桥", "2022-450703-48-01-000301", "5000", "4000"],
            ["2", "", "", "H厂房", "2022-450703-36-01-000302", "12000", "12000"],
            ["", "第一批小计", "", "", "", "17000", "16000"],
            ["3", "2022年第三批", "2022年8月12日", "I客运站", "2022-450703-54-01-000303", "3000", "500"],
            ["4", "", "", "S污水厂", "2022-450703-77-01-000304", "1000", "0"],
        ])
        #expect(Self.rejected(out).isEmpty)
        let rows = Self.data(out).compactMap { if case .specialBond(let r) = $0 { return r } else { return nil } }
        #expect(rows.map { "\($0.bondBatch) \($0.issueDate) \($0.usedAmount ?? -1)" } == [
            "2022年第一批 2022-03-18 4000", "2022年第一批 2022-03-18 12000",
            "2022年第三批 2022-08-12 500", "2022年第三批 2022-08-12 0"])
        let reader = try SheetReading(source: ArrayRecordSource(rows: [
            ["2022年1-10月政府专项债券项目资金支出情况表"],
            ["项目名称", "项目代码", "发行批次", "发行时间", "发行金额"],
            ["G大桥", "2022-450703-48-01-000301", "2022年第一批", "2022-03-18", "5000"],
        ]), fileName: "2022-10_钦北区.csv", options: ReadOptions())
        while try reader.next() != nil {}
        #expect(reader.warnings.contains { $0.message.contains("no column of the amount used") })
    }

    @Test func reserveRowsTakeTheirCategoryFromSectionRows() throws {
        let (info, out) = try Self.read([
            ["2022年9月钦州市基础设施项目储备库"],
            ["序号", "项目名称", "项目代码", "县区", "总投资", "拟争取上级资金"],
            ["一、产业园区", "", "", "", "", ""],
            ["1", "园区一", "2022-450702-48-01-100001", "钦南区", "100", "40"],
            ["二、交通", "", "", "", "", ""],
            ["2", "路一", "2022-450722-48-01-100003", "浦北县", "20", ""],
        ])
        #expect(info.layout == .reservePool)
        #expect(Self.data(out) == [
            .reserveProject(ReserveProjectRow(line: 4, projectCode: "2022-450702-48-01-100001", projectName: "园区一",
                                              region: "钦南区", category: "产业园区", totalInvestment: 100, upperFunds: 40)),
            .reserveProject(ReserveProjectRow(line: 6, projectCode: "2022-450722-48-01-100003", projectName: "路一",
                                              region: "浦北县", category: "交通", totalInvestment: 20, upperFunds: nil)),
        ])
        let (_, none) = try Self.read([
            ["2022年9月基础设施项目储备库"], ["项目名称", "项目代码", "总投资", "拟争取上级资金"],
            ["园区一", "2022-450702-48-01-100001", "100", "40"],
        ])
        #expect(Self.rejected(none).first?.reason.contains("missing reserve category") == true)
    }

    @Test func projectProgressKeepsThePlannedRestart() throws {
        let (info, out) = try Self.read([
            ["钦南区2022年1-8月重大项目投资进度表"],
            ["项目名称", "项目代码", "1-8月完成投资", "项目状态", "停工原因", "预计复工时间"],
            ["乙项目", "2020-450702-36-01-000102", "300", "停工", "资金不到位", "2022年9月"],
        ])
        #expect(info.layout == .projectProgress)
        guard case .project(let row)? = Self.data(out).first else { Issue.record("no project row"); return }
        #expect(row.plannedRestart == "2022-09-01" && row.stallReason == "资金不到位" && row.status == "停工")
    }

    @Test func missingRequiredPolicyColumnsAreNamed() throws {
        do {
            _ = try Self.read([["2022年9月"], ["项目名称", "项目代码", "发行金额"]], options: ReadOptions(layout: .specialBonds))
            Issue.record("expected missing columns")
        } catch let error as SheetError {
            #expect(error.code == .missingColumns && error.message.contains("issue_date (发行时间"))
        }
    }
}
