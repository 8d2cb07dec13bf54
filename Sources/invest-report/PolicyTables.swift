import Foundation
import InvestmentQueries
import ReportRendering

/// Policy-tracking rows (issue 8) → ReportTable; column keys are the JSON keys.
extension Tables {
    static func date(_ s: String?) -> ReportValue { text(s) }

    static func centralBudgetSummary(_ rows: [CentralBudgetSummaryRow], month: ReportMonth) -> ReportTable {
        let columns = [
            ReportColumn(key: "region", title: "地区", kind: .text),
            ReportColumn(key: "region_code", title: "代码", kind: .text),
            ReportColumn(key: "month", title: "月份", kind: .text),
            ReportColumn(key: "issued_this_year_wan", title: "本年下达(万元)", kind: .money),
            ReportColumn(key: "issued_target_wan", title: "下达目标(万元)", kind: .money),
            ReportColumn(key: "issued_completion_pct", title: "下达目标完成率", kind: .percent),
            ReportColumn(key: "plan_amount_wan", title: "所列计划(万元)", kind: .money),
            ReportColumn(key: "paid_to_date_wan", title: "累计支付(万元)", kind: .money),
            ReportColumn(key: "payment_pct", title: "支付率", kind: .percent),
            ReportColumn(key: "payment_target_pct", title: "支付率目标", kind: .percent),
            ReportColumn(key: "meets_payment_target", title: "支付达标", kind: .bool),
            ReportColumn(key: "project_count", title: "项目数", kind: .integer),
            ReportColumn(key: "plan_count", title: "计划数", kind: .integer),
            ReportColumn(key: "started_count", title: "已开工", kind: .integer),
            ReportColumn(key: "late_start_count", title: "未按期开工", kind: .integer),
            ReportColumn(key: "not_started_overdue_count", title: "逾期未开工", kind: .integer),
        ]
        let body: [[ReportValue]] = rows.map { r in
            [text(r.region), text(r.regionCode), text(r.month), num(r.issuedThisYear), num(r.issuedTarget),
             num(r.issuedCompletionPct), num(r.planAmount), num(r.paidToDate), num(r.paymentPct), num(r.paymentTargetPct),
             bool(r.meetsPaymentTarget), int(r.projectCount), int(r.planCount), int(r.startedCount), int(r.lateStartCount),
             int(r.notStartedOverdueCount)]
        }
        return ReportTable(title: "\(month.label) 中央预算内投资", columns: columns, rows: body,
                           notes: ["本年下达：下达时间在本年的计划；年度下达目标为全市目标（合计行）。支付率 = 累计支付 ÷ 所列计划下达金额。",
                                   "未按期开工：计划下达后 3 个月内未开工（逾期开工或逾期仍未开工）。"])
    }

    static func centralBudgetProjects(_ rows: [CentralBudgetProjectRow], month: ReportMonth) -> ReportTable {
        let columns = [
            ReportColumn(key: "region", title: "地区", kind: .text),
            ReportColumn(key: "project_code", title: "项目代码", kind: .text),
            ReportColumn(key: "project_name", title: "项目名称", kind: .text),
            ReportColumn(key: "month", title: "月份", kind: .text),
            ReportColumn(key: "plan_issued_date", title: "下达时间", kind: .text),
            ReportColumn(key: "plan_amount_wan", title: "下达金额(万元)", kind: .money),
            ReportColumn(key: "paid_to_date_wan", title: "累计支付(万元)", kind: .money),
            ReportColumn(key: "payment_pct", title: "支付率", kind: .percent),
            ReportColumn(key: "start_date", title: "开工时间", kind: .text),
            ReportColumn(key: "start_deadline", title: "应开工期限", kind: .text),
            ReportColumn(key: "start_status", title: "开工情况", kind: .text),
            ReportColumn(key: "late_start", title: "未按期开工", kind: .bool),
        ]
        let body: [[ReportValue]] = rows.map { r in
            [text(r.region), text(r.projectCode), text(r.projectName), text(r.month), text(r.planIssuedDate),
             num(r.planAmount), num(r.paidToDate), num(r.paymentPct), text(r.startDate), text(r.startDeadline),
             text(r.startStatus), bool(r.lateStart)]
        }
        return ReportTable(title: "\(month.label) 中央预算内投资项目", columns: columns, rows: body,
                           notes: ["开工情况：started 按期开工，started_late 逾期开工，not_started_overdue 逾期未开工，not_started 未到期限。"])
    }

    static func specialBondBatches(_ rows: [SpecialBondBatchRow], month: ReportMonth) -> ReportTable {
        let columns = [
            ReportColumn(key: "city", title: "市", kind: .text),
            ReportColumn(key: "bond_batch", title: "发行批次", kind: .text),
            ReportColumn(key: "month", title: "月份", kind: .text),
            ReportColumn(key: "issue_date", title: "发行时间", kind: .text),
            ReportColumn(key: "use_by_date", title: "使用期限", kind: .text),
            ReportColumn(key: "days_to_deadline", title: "距期限(天)", kind: .integer),
            ReportColumn(key: "issued_wan", title: "发行额(万元)", kind: .money),
            ReportColumn(key: "used_wan", title: "已使用(万元)", kind: .money),
            ReportColumn(key: "usage_pct", title: "使用率", kind: .percent),
            ReportColumn(key: "usage_target_pct", title: "应使用", kind: .percent),
            ReportColumn(key: "meets_usage_target", title: "使用达标", kind: .bool),
            ReportColumn(key: "deadline_passed", title: "已到期", kind: .bool),
            ReportColumn(key: "project_count", title: "项目数", kind: .integer),
            ReportColumn(key: "started_count", title: "已开工", kind: .integer),
            ReportColumn(key: "start_rate_pct", title: "开工率", kind: .percent),
            ReportColumn(key: "lagging_count", title: "滞后项目", kind: .integer),
        ]
        let body: [[ReportValue]] = rows.map { r in
            [text(r.city), text(r.bondBatch), text(r.month), text(r.issueDate), text(r.useByDate), int(r.daysToDeadline),
             num(r.issued), num(r.used), num(r.usagePct), num(r.usageTargetPct), bool(r.meetsUsageTarget),
             bool(r.deadlinePassed), int(r.projectCount), int(r.startedCount), num(r.startRatePct), int(r.laggingCount)]
        }
        return ReportTable(title: "\(month.label) 政府专项债券（按发行批次）", columns: columns, rows: body,
                           notes: ["使用期限：上半年发行的当年8月底前用完；下半年发行的次年2月底前用完（发行所在半年结束后第2个月月底，可配置）。",
                                   "滞后：未开工，或已到期未用完，或使用率低于时间进度。"])
    }

    static func specialBondProjects(_ rows: [SpecialBondProjectRow], month: ReportMonth) -> ReportTable {
        let columns = [
            ReportColumn(key: "region", title: "地区", kind: .text),
            ReportColumn(key: "project_code", title: "项目代码", kind: .text),
            ReportColumn(key: "project_name", title: "项目名称", kind: .text),
            ReportColumn(key: "bond_batch", title: "发行批次", kind: .text),
            ReportColumn(key: "month", title: "月份", kind: .text),
            ReportColumn(key: "issue_date", title: "发行时间", kind: .text),
            ReportColumn(key: "use_by_date", title: "使用期限", kind: .text),
            ReportColumn(key: "issued_wan", title: "发行额(万元)", kind: .money),
            ReportColumn(key: "used_wan", title: "已使用(万元)", kind: .money),
            ReportColumn(key: "usage_pct", title: "使用率", kind: .percent),
            ReportColumn(key: "time_progress_pct", title: "时间进度", kind: .percent),
            ReportColumn(key: "started", title: "已开工", kind: .bool),
            ReportColumn(key: "lagging", title: "滞后", kind: .bool),
            ReportColumn(key: "lagging_reason", title: "滞后原因", kind: .text),
        ]
        let body: [[ReportValue]] = rows.map { r in
            [text(r.region), text(r.projectCode), text(r.projectName), text(r.bondBatch), text(r.month), text(r.issueDate),
             text(r.useByDate), num(r.issued), num(r.used), num(r.usagePct), num(r.timeProgressPct), bool(r.started),
             bool(r.lagging), text(r.laggingReason)]
        }
        return ReportTable(title: "\(month.label) 政府专项债券项目", columns: columns, rows: body,
                           notes: ["时间进度 = 发行至报告期末天数 ÷ 发行至使用期限天数。"])
    }

    static func keyProjects(_ rows: [KeyProjectRow], month: ReportMonth, asOf: ReportMonth) -> ReportTable {
        let columns = [
            ReportColumn(key: "rank", title: "排名", kind: .integer),
            ReportColumn(key: "region", title: "地区", kind: .text),
            ReportColumn(key: "project_code", title: "项目代码", kind: .text),
            ReportColumn(key: "project_name", title: "项目名称", kind: .text),
            ReportColumn(key: "department", title: "责任单位", kind: .text),
            ReportColumn(key: "as_of_month", title: "排名月份", kind: .text),
            ReportColumn(key: "as_of_ytd_wan", title: "排名月累计(万元)", kind: .money),
            ReportColumn(key: "month", title: "月份", kind: .text),
            ReportColumn(key: "ytd_completed_wan", title: "累计完成(万元)", kind: .money),
            ReportColumn(key: "month_completed_wan", title: "本月完成(万元)", kind: .money),
            ReportColumn(key: "annual_plan_wan", title: "年度计划(万元)", kind: .money),
            ReportColumn(key: "plan_completion_pct", title: "计划完成率", kind: .percent),
            ReportColumn(key: "since_as_of_wan", title: "排名月以来(万元)", kind: .money),
            ReportColumn(key: "status", title: "状态", kind: .text),
        ]
        let body: [[ReportValue]] = rows.map { r in
            [int(r.rank), text(r.region), text(r.projectCode), text(r.projectName), text(r.department), text(r.asOfMonth),
             num(r.asOfYTD), text(r.month), num(r.ytdCompleted), num(r.monthCompleted), num(r.annualPlan),
             num(r.planCompletionPct), num(r.sinceAsOf), text(r.status)]
        }
        return ReportTable(title: "\(month.label) 重点项目（按\(asOf.label)累计完成投资排名）", columns: columns, rows: body,
                           notes: ["按排名月份累计完成投资取前 N 个项目（N 见 policy_target key_project_count，默认 20），列出此后各月进度。"])
    }

    static func stalledProjects(_ rows: [StalledProjectRow], month: ReportMonth) -> ReportTable {
        let columns = [
            ReportColumn(key: "region", title: "地区", kind: .text),
            ReportColumn(key: "project_code", title: "项目代码", kind: .text),
            ReportColumn(key: "project_name", title: "项目名称", kind: .text),
            ReportColumn(key: "department", title: "责任单位", kind: .text),
            ReportColumn(key: "month", title: "月份", kind: .text),
            ReportColumn(key: "listed_month", title: "列入月份", kind: .text),
            ReportColumn(key: "status", title: "本月状态", kind: .text),
            ReportColumn(key: "stall_reason", title: "停工原因", kind: .text),
            ReportColumn(key: "planned_restart_month", title: "计划复工", kind: .text),
            ReportColumn(key: "restarted", title: "已复工", kind: .bool),
            ReportColumn(key: "restarted_month", title: "复工月份", kind: .text),
            ReportColumn(key: "restart_overdue", title: "逾期未复工", kind: .bool),
        ]
        let body: [[ReportValue]] = rows.map { r in
            [text(r.region), text(r.projectCode), text(r.projectName), text(r.department), text(r.month), text(r.listedMonth),
             text(r.status), text(r.stallReason), text(r.plannedRestartMonth), bool(r.restarted), text(r.restartedMonth),
             bool(r.restartOverdue)]
        }
        return ReportTable(title: "\(month.label) 停工项目清单", columns: columns, rows: body,
                           notes: ["清单：本年报过停工的项目；列入月份为本年首次报停工的月份；已复工：最近一次停工后状态不再是停工。"])
    }

    static func stalledRegions(_ rows: [StalledRegionRow], month: ReportMonth) -> ReportTable {
        let columns = [
            ReportColumn(key: "region", title: "地区", kind: .text),
            ReportColumn(key: "region_code", title: "代码", kind: .text),
            ReportColumn(key: "month", title: "月份", kind: .text),
            ReportColumn(key: "listed_count", title: "清单项目", kind: .integer),
            ReportColumn(key: "stalled_count", title: "仍停工", kind: .integer),
            ReportColumn(key: "restarted_count", title: "已复工", kind: .integer),
            ReportColumn(key: "restart_overdue_count", title: "逾期未复工", kind: .integer),
            ReportColumn(key: "newly_listed_count", title: "本月新增", kind: .integer),
        ]
        let body: [[ReportValue]] = rows.map { r in
            [text(r.region), text(r.regionCode), text(r.month), int(r.listedCount), int(r.stalledCount), int(r.restartedCount),
             int(r.restartOverdueCount), int(r.newlyListedCount)]
        }
        return ReportTable(title: "\(month.label) 停工项目（按地区）", columns: columns, rows: body,
                           notes: ["已复工：列入清单以来复工的项目数。"])
    }

    static func reservePool(_ rows: [ReservePoolRow], month: ReportMonth) -> ReportTable {
        let columns = [
            ReportColumn(key: "city", title: "市", kind: .text),
            ReportColumn(key: "month", title: "月份", kind: .text),
            ReportColumn(key: "category", title: "储备类别", kind: .text),
            ReportColumn(key: "project_count", title: "项目数", kind: .integer),
            ReportColumn(key: "target_count", title: "目标个数", kind: .integer),
            ReportColumn(key: "total_investment_wan", title: "总投资(万元)", kind: .money),
            ReportColumn(key: "target_total_wan", title: "目标总投资(万元)", kind: .money),
            ReportColumn(key: "upper_funds_wan", title: "上级资金(万元)", kind: .money),
            ReportColumn(key: "target_upper_funds_wan", title: "目标上级资金(万元)", kind: .money),
            ReportColumn(key: "meets_count", title: "个数达标", kind: .bool),
            ReportColumn(key: "meets_total", title: "总投资达标", kind: .bool),
            ReportColumn(key: "meets_upper_funds", title: "上级资金达标", kind: .bool),
            ReportColumn(key: "meets_all", title: "全部达标", kind: .bool),
            ReportColumn(key: "count_gap", title: "个数缺口", kind: .integer),
            ReportColumn(key: "total_gap_wan", title: "总投资缺口(万元)", kind: .money, sign: .positiveIsBad),
            ReportColumn(key: "upper_funds_gap_wan", title: "上级资金缺口(万元)", kind: .money, sign: .positiveIsBad),
            ReportColumn(key: "from_policy", title: "政策目标", kind: .bool),
        ]
        let body: [[ReportValue]] = rows.map { r in
            [text(r.city), text(r.month), text(r.category), int(r.projectCount), int(r.targetCount.map { NSDecimalNumber(decimal: $0).intValue }), num(r.totalInvestment),
             num(r.targetTotal), num(r.upperFunds), num(r.targetUpperFunds), bool(r.meetsCount), bool(r.meetsTotal),
             bool(r.meetsUpperFunds), bool(r.meetsAll), int(r.countGap), num(r.totalGap), num(r.upperFundsGap), bool(r.fromPolicy)]
        }
        return ReportTable(title: "\(month.label) 基础设施项目储备（按类别）", columns: columns, rows: body,
                           notes: ["目标见 dw.policy_target：产业园区为政策目标（≥40个、总投资≥230亿元、上级资金≥90亿元），其余类别为暂定值（政策目标=否），可调整。",
                                   "各县区取本年截至当月最近一期储备表。"])
    }
}
