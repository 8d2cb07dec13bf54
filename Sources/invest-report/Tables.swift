import Foundation
import InvestmentQueries
import ReportRendering

/// Typed rows → ReportTable. Column keys are the JSON keys of DESIGN §7 (extra keys after them).
enum Tables {
    static func text(_ s: String?) -> ReportValue { s.map(ReportValue.text) ?? .null }
    static func num(_ d: Decimal?) -> ReportValue { d.map(ReportValue.decimal) ?? .null }
    static func int(_ i: Int?) -> ReportValue { i.map(ReportValue.integer) ?? .null }
    static func bool(_ b: Bool?) -> ReportValue { b.map(ReportValue.bool) ?? .null }

    static func yoy(_ rows: [YoYRow], month: ReportMonth) -> ReportTable {
        let columns = [
            ReportColumn(key: "region", title: "地区", kind: .text),
            ReportColumn(key: "region_code", title: "代码", kind: .text),
            ReportColumn(key: "indicator", title: "指标代码", kind: .text),
            ReportColumn(key: "indicator_name", title: "指标", kind: .text),
            ReportColumn(key: "month", title: "月份", kind: .text),
            ReportColumn(key: "ytd_value_wan", title: "本年累计(万元)", kind: .money),
            ReportColumn(key: "prior_ytd_value_wan", title: "上年同期(万元)", kind: .money),
            ReportColumn(key: "yoy_pct", title: "计算同比", kind: .percent),
            ReportColumn(key: "reported_yoy_pct", title: "报表同比", kind: .percent),
            ReportColumn(key: "official_yoy_pct", title: "官方同比", kind: .percent),
            ReportColumn(key: "rank", title: "排名", kind: .integer),
            ReportColumn(key: "peer_count", title: "参评数", kind: .integer),
            ReportColumn(key: "yoy_diff_flag", title: "差异>阈值", kind: .bool),
            ReportColumn(key: "yoy_null_reason", title: "同比为空原因", kind: .text),
            ReportColumn(key: "prior_source", title: "基数来源", kind: .text),
            ReportColumn(key: "source", title: "累计来源", kind: .text),
            ReportColumn(key: "level", title: "层级", kind: .text),
        ]
        let body: [[ReportValue]] = rows.map { r in
            [text(r.region), text(r.regionCode), text(r.indicator), text(r.indicatorName), text(r.month),
             num(r.ytdValue), num(r.priorYTDValue), num(r.yoyPct), num(r.reportedYoYPct), num(r.officialYoYPct),
             int(r.rank), int(r.peerCount), bool(r.yoyDiffFlag), text(r.yoyNullReason), text(r.priorSource),
             text(r.source), text(r.level)]
        }
        var notes = ["官方同比：报表有同比用报表值，否则用计算值；排名在同级同上级地区中按官方同比降序、相同按累计值降序。"]
        let flagged = rows.filter(\.yoyDiffFlag).map { "\($0.region)（\($0.indicatorName)）" }
        if !flagged.isEmpty { notes.append("计算同比与报表同比相差超过阈值：" + flagged.joined(separator: "、")) }
        return ReportTable(title: "\(month.label) 同比增长（按地区）", columns: columns, rows: body, notes: notes)
    }

    static func groupYoY(_ rows: [GroupYoYRow], by breakdown: Breakdown, month: ReportMonth) -> ReportTable {
        let groupTitle = breakdown == .department ? "责任单位" : "项目类别"
        let columns = [
            ReportColumn(key: "region", title: "范围", kind: .text),
            ReportColumn(key: breakdown.rawValue, title: groupTitle, kind: .text),
            ReportColumn(key: "indicator", title: "指标代码", kind: .text),
            ReportColumn(key: "indicator_name", title: "指标", kind: .text),
            ReportColumn(key: "month", title: "月份", kind: .text),
            ReportColumn(key: "ytd_value_wan", title: "本年累计(万元)", kind: .money),
            ReportColumn(key: "prior_ytd_value_wan", title: "上年同期(万元)", kind: .money),
            ReportColumn(key: "yoy_pct", title: "同比", kind: .percent),
            ReportColumn(key: "official_yoy_pct", title: "官方同比", kind: .percent),
            ReportColumn(key: "rank", title: "排名", kind: .integer),
            ReportColumn(key: "project_count", title: "项目数", kind: .integer),
            ReportColumn(key: "yoy_null_reason", title: "同比为空原因", kind: .text),
        ]
        let body: [[ReportValue]] = rows.map { r in
            [text(r.scopeRegion), text(r.group), text(r.indicator), text(r.indicatorName), text(r.month),
             num(r.ytdValue), num(r.priorYTDValue), num(r.yoyPct), num(r.yoyPct), int(r.rank),
             int(r.projectCount), text(r.yoyNullReason)]
        }
        return ReportTable(title: "\(month.label) 同比增长（按\(groupTitle)，项目合计）", columns: columns, rows: body,
                           notes: ["按项目进度表汇总；范围为所列地区及其下级。"])
    }

    static func targets(_ rows: [TargetRow], month: ReportMonth) -> ReportTable {
        let columns = [
            ReportColumn(key: "region", title: "地区", kind: .text),
            ReportColumn(key: "region_code", title: "代码", kind: .text),
            ReportColumn(key: "indicator", title: "指标代码", kind: .text),
            ReportColumn(key: "indicator_name", title: "指标", kind: .text),
            ReportColumn(key: "month", title: "月份", kind: .text),
            ReportColumn(key: "rate_pct", title: "目标增速", kind: .percent),
            ReportColumn(key: "annual_target_wan", title: "年度目标(万元)", kind: .money),
            ReportColumn(key: "ytd_target_wan", title: "累计目标(万元)", kind: .money),
            ReportColumn(key: "ytd_value_wan", title: "累计完成(万元)", kind: .money),
            ReportColumn(key: "progress_pct", title: "累计目标完成率", kind: .percent),
            ReportColumn(key: "annual_completion_pct", title: "年度完成率", kind: .percent),
            ReportColumn(key: "time_progress_pct", title: "时间进度", kind: .percent),
            ReportColumn(key: "ahead_of_time_pp", title: "超时间进度", kind: .points),
            ReportColumn(key: "gap_wan", title: "差额(万元)", kind: .money, sign: .positiveIsBad),
            ReportColumn(key: "required_monthly_wan", title: "每月需完成(万元)", kind: .money),
            ReportColumn(key: "ytd_target_basis", title: "累计目标依据", kind: .text),
            ReportColumn(key: "annual_target_basis", title: "年度目标依据", kind: .text),
            ReportColumn(key: "rate_source", title: "增速来源", kind: .text),
        ]
        let body: [[ReportValue]] = rows.map { r in
            [text(r.region), text(r.regionCode), text(r.indicator), text(r.indicatorName), text(r.month),
             num(r.ratePct), num(r.annualTarget), num(r.ytdTarget), num(r.ytdValue), num(r.progressPct),
             num(r.annualCompletionPct), num(r.timeProgressPct), num(r.aheadOfTimePP), num(r.gap),
             num(r.requiredMonthly), text(r.ytdTargetBasis), text(r.annualTargetBasis), text(r.rateSource)]
        }
        return ReportTable(
            title: "\(month.label) 目标任务完成情况", columns: columns, rows: body,
            notes: ["年度目标 = 上年全年 × (1 + 目标增速)，目标表给出时用目标表；累计目标依次取按月分解、上年进度、m/12。",
                    "差额为累计目标减累计完成，正数为欠；12月不计每月需完成。"])
    }

    static func transfers(_ rows: [TransferRow], month: ReportMonth) -> ReportTable {
        let columns = [
            ReportColumn(key: "unit", title: "单位", kind: .text),
            ReportColumn(key: "unit_kind", title: "类型", kind: .text),
            ReportColumn(key: "region_code", title: "地区代码", kind: .text),
            ReportColumn(key: "month", title: "月份", kind: .text),
            ReportColumn(key: "ytd_amount_wan", title: "本年累计(万元)", kind: .money),
            ReportColumn(key: "prior_ytd_amount_wan", title: "上年同期(万元)", kind: .money),
            ReportColumn(key: "yoy_pct", title: "同比", kind: .percent),
            ReportColumn(key: "target_pct", title: "目标", kind: .percent),
            ReportColumn(key: "meets_target", title: "达标", kind: .bool),
            ReportColumn(key: "yoy_null_reason", title: "同比为空原因", kind: .text),
            ReportColumn(key: "prior_source", title: "上年来源", kind: .text),
        ]
        let body: [[ReportValue]] = rows.map { r in
            [text(r.unit), text(r.unitKind), text(r.regionCode), text(r.month), num(r.ytdAmount),
             num(r.priorYTDAmount), num(r.yoyPct), num(r.targetPct), bool(r.meetsTarget), text(r.yoyNullReason),
             text(r.priorSource)]
        }
        return ReportTable(title: "\(month.label) 上级转移支付资金", columns: columns, rows: body,
                           notes: ["达标：同比增速 ≥ 目标增速；合计行为所列单位之和，列有本级行的县区（及列有市本级/市直部门行的市）不再计其部门（本级行即其合计），上年同期另计上年有、本年无的单位。"])
    }

    static func alerts(_ rows: [AlertRow], month: ReportMonth) -> ReportTable {
        let columns = [
            ReportColumn(key: "region", title: "地区", kind: .text),
            ReportColumn(key: "region_code", title: "代码", kind: .text),
            ReportColumn(key: "month", title: "月份", kind: .text),
            ReportColumn(key: "indicator", title: "指标代码", kind: .text),
            ReportColumn(key: "indicator_name", title: "指标", kind: .text),
            ReportColumn(key: "official_yoy_pct", title: "官方同比", kind: .percent),
            ReportColumn(key: "rate_pct", title: "目标增速", kind: .percent),
            ReportColumn(key: "gap_pp", title: "低于目标", kind: .points, sign: .positiveIsBad),
            ReportColumn(key: "progress_pct", title: "累计目标完成率", kind: .percent),
            ReportColumn(key: "rank", title: "排名", kind: .integer),
            ReportColumn(key: "peer_count", title: "参评数", kind: .integer),
            ReportColumn(key: "action", title: "通报", kind: .text),
            ReportColumn(key: "action_zh", title: "通报类型", kind: .text),
        ]
        let body: [[ReportValue]] = rows.map { r in
            [text(r.region), text(r.regionCode), text(r.month), text(r.indicator), text(r.indicatorName),
             num(r.officialYoYPct), num(r.ratePct), num(r.gapPP), num(r.progressPct), int(r.rank),
             int(r.peerCount), text(r.action?.rawValue), text(r.action.map(actionName))]
        }
        return ReportTable(
            title: "\(month.label) 表扬、提醒与约谈", columns: columns, rows: body,
            notes: ["表扬：官方同比 ≥ 目标且累计目标完成率 ≥ 100%；提醒函：低于目标 ≥ 阈值；约谈：本月与本年上一报告月均达提醒且本月排名末位。"])
    }

    static func actionName(_ action: AlertAction) -> String {
        switch action {
        case .praise: return "表扬"
        case .reminder: return "提醒函"
        case .interview: return "约谈"
        }
    }
}
