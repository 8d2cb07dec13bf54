import Foundation
import InvestmentQueries
import ReportRendering

/// The bulletin's policy sections (issue 8): central budget, special bonds, key projects,
/// stalled projects, reserve pool. A part without data this month says so.
struct PolicyBulletinSections {
    let queries: InvestmentQueries
    let month: ReportMonth
    let region: RegionRef?

    /// The bulletin names at most this many still-stalled projects (in the list's order: by
    /// region, earliest listed first) and says how many more there are; the whole list is
    /// `invest-report stalled`. Ten million facts gave 14,611 names, 1.2 MB of bulletin.
    static let stalledListLength = 50

    func build() throws -> [BulletinSection] {
        [
            try centralBudget("七、中央预算内投资"),
            try specialBonds("八、政府专项债券"),
            try keyProjects("九、重点项目"),
            try stalled("十、停工项目"),
            try reservePool("十一、基础设施项目储备"),
        ]
    }

    private func optional<T>(_ body: () throws -> T) throws -> T? {
        do { return try body() } catch let error as QueryError where error.isNoData { return nil }
    }

    private func money(_ d: Decimal?) -> String { displayText(d.map(ReportValue.decimal) ?? .null, kind: .money) }
    private func pct(_ d: Decimal?) -> String { d.map { displayText(.decimal($0), kind: .percent) } ?? "无数据" }

    private func centralBudget(_ heading: String) throws -> BulletinSection {
        guard let rows = try optional({ try queries.centralBudgetSummary(month: month, region: region) }) else {
            return .noData(heading, "本月无中央预算内投资数据。")
        }
        let late = try queries.centralBudgetProjects(month: month, region: region, lateOnly: true)
        var paragraphs: [String] = []
        if let total = rows.first(where: \.isTotal) {
            paragraphs.append("\(total.region.replacingOccurrences(of: "合计", with: ""))本年下达中央预算内投资 \(money(total.issuedThisYear)) 万元，"
                + "为年度目标 \(money(total.issuedTarget)) 万元的 \(pct(total.issuedCompletionPct))；"
                + "累计支付 \(money(total.paidToDate)) 万元，支付率 \(pct(total.paymentPct))（目标 \(pct(total.paymentTargetPct))），"
                + "\(total.meetsPaymentTarget == true ? "达到" : "未达到")目标。")
        }
        paragraphs += try notReported(.centralBudget, "项目")
        let chart = BarChart(title: "中央预算内投资支付率（%）",
                             bars: rows.filter { !$0.isTotal }.map { ChartBar(label: $0.region, value: $0.paymentPct) },
                             targetLine: rows.first?.paymentTargetPct, targetLabel: "目标")
        return BulletinSection(
            heading: heading, paragraphs: paragraphs, charts: [.bars(chart)],
            tables: [Tables.centralBudgetSummary(rows, month: month).compact(
                ["region", "issued_this_year_wan", "paid_to_date_wan", "payment_pct", "meets_payment_target", "late_start_count"])],
            lists: [BulletinList(title: "下达后3个月内未开工的项目", style: .reminder,
                                 items: late.map { "\($0.region) \($0.projectName)（\($0.planIssuedDate) 下达，\($0.startDate.map { "\($0) 开工" } ?? "未开工")）" })])
    }

    private func specialBonds(_ heading: String) throws -> BulletinSection {
        guard let batches = try optional({ try queries.specialBondBatches(month: month, region: region) }) else {
            return .noData(heading, "本月无专项债券数据。")
        }
        let lagging = try queries.specialBondProjects(month: month, region: region, laggingOnly: true)
        var paragraphs = batches.map { b in
            "\(b.bondBatch)：发行 \(money(b.issued)) 万元，已使用 \(money(b.used)) 万元，使用率 \(pct(b.usagePct))，"
                + "须于 \(b.useByDate) 前用完\(b.deadlinePassed == true ? "（已到期）" : "")；开工率 \(pct(b.startRatePct))。"
        }
        paragraphs += try notReported(.specialBonds, "债券项目")
        let chart = ProgressChart(title: "专项债券使用率（%）", bars: batches.map { ChartBar(label: $0.bondBatch, value: $0.usagePct) },
                                  goal: batches.first?.usageTargetPct ?? 100, goalLabel: "应使用")
        return BulletinSection(
            heading: heading, paragraphs: paragraphs, charts: [.progress(chart)],
            tables: [Tables.specialBondBatches(batches, month: month).compact(
                ["bond_batch", "use_by_date", "issued_wan", "used_wan", "usage_pct", "start_rate_pct", "lagging_count"])],
            lists: [BulletinList(title: "滞后项目", style: .reminder,
                                 items: lagging.map { "\($0.region) \($0.projectName)（\($0.bondBatch)，使用率 \(pct($0.usagePct))，\(laggingText($0.laggingReason))）" })])
    }

    /// A sentence naming the regions that reported earlier in the year but not this month.
    private func notReported(_ sheet: PolicySheet, _ what: String) throws -> [String] {
        let missing = try queries.regionsNotReported(sheet, month: month, region: region)
        return missing.isEmpty ? [] : ["\(missing.joined(separator: "、"))本年此前报送过、本月未报送，以上合计不含其\(what)。"]
    }

    private func laggingText(_ reason: String?) -> String {
        switch reason {
        case "not started": return "未开工"
        case "deadline passed, not fully used": return "逾期未用完"
        case "usage behind time": return "使用慢于时间进度"
        default: return reason ?? ""
        }
    }

    private func keyProjects(_ heading: String) throws -> BulletinSection {
        let asOf = try queries.defaultKeyProjectAsOf(month: month)
        guard let rows = try optional({ try queries.keyProjects(month: month, asOf: asOf, region: region) }) else {
            return .noData(heading, "本月无项目进度数据。")
        }
        let current = rows.filter { $0.month == month.description }
        // The list of an earlier month with no sheet of this one: nothing to show for the month.
        guard !current.isEmpty else { return .noData(heading, "本月无项目进度数据。") }
        return BulletinSection(
            heading: heading,
            paragraphs: ["按\(asOf.label)累计完成投资确定的前 \(Set(rows.map(\.projectCode)).count) 个重点项目，本月进度如下（月度走访清单）。"],
            tables: [Tables.keyProjects(current, month: month, asOf: asOf).compact(
                ["rank", "region", "project_name", "as_of_ytd_wan", "ytd_completed_wan", "plan_completion_pct", "since_as_of_wan", "status"])])
    }

    private func stalled(_ heading: String) throws -> BulletinSection {
        guard let regions = try optional({ try queries.stalledRegions(month: month, region: region) }) else {
            return .noData(heading, "本月无项目进度数据。")
        }
        let projects = try queries.stalledProjects(month: month, region: region, stillStalledOnly: true,
                                                   limit: Self.stalledListLength)
        guard let total = regions.first(where: \.isTotal) else {
            return BulletinSection(heading: heading, paragraphs: ["本年无停工项目。"])
        }
        return BulletinSection(
            heading: heading,
            paragraphs: ["本年列入停工清单的项目 \(total.listedCount ?? 0) 个，已复工 \(total.restartedCount ?? 0) 个，仍停工 \(total.stalledCount ?? 0) 个，其中逾期未复工 \(total.restartOverdueCount ?? 0) 个。"],
            tables: [Tables.stalledRegions(regions, month: month).compact(
                ["region", "listed_count", "restarted_count", "stalled_count", "restart_overdue_count"])],
            lists: [BulletinList(title: "仍停工的项目", style: .reminder,
                                 items: projects.map {
                                     "\($0.region) \($0.projectName)（\($0.stallReason ?? "未填原因")，计划复工 \($0.plannedRestartMonth ?? "未填")）"
                                 },
                                 total: total.stalledCount,
                                 moreText: "另有 \((total.stalledCount ?? 0) - projects.count) 个仍停工的项目未列出，完整清单：invest-report stalled --month \(month)。")])
    }

    private func reservePool(_ heading: String) throws -> BulletinSection {
        guard let rows = try optional({ try queries.reservePool(month: month, region: region) }) else {
            return .noData(heading, "本月无项目储备数据。")
        }
        let short = rows.filter { $0.meetsAll == false }.map(\.category)
        let chart = ProgressChart(
            title: "储备项目个数完成目标（%）",
            bars: rows.map { r in
                ChartBar(label: r.category, value: r.targetCount.flatMap { t in
                    t == 0 ? nil : Decimal(r.projectCount ?? 0) * 100 / t
                })
            }, goal: 100, goalLabel: "目标")
        return BulletinSection(
            heading: heading,
            paragraphs: ["未全部达标的类别：" + (short.isEmpty ? "无" : short.joined(separator: "、")) + "。"],
            charts: [.progress(chart)],
            tables: [Tables.reservePool(rows, month: month).compact(
                ["category", "project_count", "target_count", "total_investment_wan", "target_total_wan", "upper_funds_wan",
                 "target_upper_funds_wan", "meets_all"])])
    }
}
