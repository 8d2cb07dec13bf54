import Foundation
import InvestmentQueries
import ReportRendering

/// Assembles the monthly bulletin from the same queries as the other reports.
struct BulletinBuilder {
    let queries: InvestmentQueries
    let month: ReportMonth
    let region: RegionRef?
    /// The policy sections when another connection builds them (`BulletinCommand`); nil: here.
    var policySections: (() throws -> [BulletinSection])? = nil

    func build() throws -> Bulletin {
        let fai = try queries.indicator(code: "fai")
        let industrial = try queries.indicator(code: "industrial")
        // A month without statistics (only policy sheets so far) still gets its bulletin: the
        // sections with data, and a note naming the others (it exited 66 "no YoY data").
        var faiMissing: QueryError?
        let faiRows: [YoYRow]
        do {
            faiRows = try queries.yoy(month: month, indicator: fai, region: region)
        } catch let error as QueryError where error.isNoData {
            faiRows = []
            faiMissing = error
        }
        let industrialRows = try optional { try queries.yoy(month: month, indicator: industrial, region: region) } ?? []
        let targetRows = try optional { try queries.targets(month: month, region: region) } ?? []
        let transferRows = try optional { try queries.transfers(month: month, region: region) } ?? []
        let alertRows = try optional { try queries.alerts(month: month, region: region) }

        // The city's bulletin, or the chosen region's (`--region 灵山县`: its title says so).
        let city = (faiRows + industrialRows).first { $0.level == "city" }?.region
        let name = try region?.name ?? city ?? queries.city()?.name ?? ""
        let title = "\(name)扩大有效投资月度通报"
        var sections: [BulletinSection] = []
        sections.append(yoySection("一、固定资产投资", rows: faiRows, targets: targetRows, indicator: "fai"))
        sections.append(yoySection("二、工业投资", rows: industrialRows, targets: targetRows, indicator: "industrial"))
        sections.append(targetSection(targetRows))
        sections.append(transferSection(transferRows))
        sections.append(alertSection(alertRows))
        sections.append(rankingSection(faiRows))
        sections += try policySections?() ?? PolicyBulletinSections(queries: queries, month: month, region: region).build()
        let empty = sections.filter { !$0.hasData }.map(\.heading)
        if empty.count == sections.count, let faiMissing {
            throw QueryError(.noData, "no bulletin data for \(month) (\(month.label)): no statistics, targets, transfers, "
                                 + "project or policy sheets", available: faiMissing.available)
        }
        let notes = empty.isEmpty ? [] : ["本月无数据的部分：" + empty.joined(separator: "；") + "（相关报表本月未报送或未装载）。"]
        return Bulletin(title: title, monthLabel: month.label, generatedAt: Date(), sections: sections, notes: notes)
    }

    /// A missing part (e.g. no transfer sheet this month) leaves its section saying so.
    private func optional<T>(_ body: () throws -> T) throws -> T? {
        do { return try body() } catch let error as QueryError where error.isNoData { return nil }
    }

    /// The rows drawn as bars: the sub-regions of the city (or of the chosen region).
    private func peers(_ rows: [YoYRow]) -> [YoYRow] {
        let subs = rows.filter { $0.level == "county" || $0.level == "zone" }
        return subs.isEmpty ? rows : subs
    }

    /// A region without peers (the city; one alone under its parent) has no rank to show: the
    /// YoY tables gave the city 排名 1 of 1 (alerts already judge no such region).
    static func unrankedAlone(_ rows: [YoYRow]) -> [YoYRow] {
        rows.map { row in
            var row = row
            if row.peerCount < 2 { row.rank = nil }
            return row
        }
    }

    /// Each region's growth target for the indicator (a targets sheet can set its own per region).
    private func rates(_ targets: [TargetRow], _ indicator: String) -> [String: Decimal] {
        var out: [String: Decimal] = [:]
        for t in targets where t.indicator == indicator { if let r = t.ratePct { out[t.regionCode] = r } }
        return out
    }

    /// A YoY's null reason (`analyst.yoy_region.yoy_null_reason`) in the bulletin's words.
    static func nullReason(_ reason: String) -> String {
        switch reason {
        case "no prior-year value": return "无上年同期数"
        case "prior-year value is zero": return "上年同期为零"
        default:
            for (english, chinese) in [("prior year's sub-regions not reported: ", "上年同期下级地区未报："),
                                       ("sub-regions not reported: ", "下级地区未报："),
                                       ("sub-regions without a prior-year figure: ", "下级地区无上年同期数：")] where reason.hasPrefix(english) {
                return chinese + reason.dropFirst(english.count)
            }
            return reason
        }
    }

    private func pct(_ d: Decimal?) -> String {
        guard let d else { return "无数据" }
        return displayText(.decimal(d), kind: .percent)
    }

    private func yoySection(_ heading: String, rows: [YoYRow], targets: [TargetRow], indicator: String) -> BulletinSection {
        guard !rows.isEmpty else { return .noData(heading, "本月无数据。") }
        let rate = rates(targets, indicator)
        let total = rows.first { $0.level == "city" }
        var paragraphs: [String] = []
        if let total {
            var text = "\(total.region)\(total.indicatorName)累计完成 \(displayText(.decimal(total.ytdValue ?? 0), kind: .money)) 万元，同比增长 \(pct(total.officialYoYPct))"
            if total.officialYoYPct == nil, let reason = total.yoyNullReason { text += "（\(Self.nullReason(reason))）" }
            if let target = rate[total.regionCode] { text += "，目标 \(pct(target))" }
            paragraphs.append(text + "。")
        }
        // Each region against its own target (a targets sheet may set 16% for one, 12% for another).
        let peerRows = peers(rows)
        let peerRates = Set(peerRows.compactMap { rate[$0.regionCode] })
        let above = peerRows.filter { r in rate[r.regionCode].map { t in (r.officialYoYPct ?? -.greatestFiniteMagnitude) >= t } ?? false }
        if !peerRates.isEmpty {
            let target = peerRates.count == 1 ? "\(pct(peerRates.first!)) 目标" : "各自目标增速"
            var text = "达到\(target)的有：" + (above.isEmpty ? "无" : above.map(\.region).joined(separator: "、"))
            if peerRows.allSatisfy({ $0.officialYoYPct == nil }) { text += "（本月各地均无同比增速）" }
            paragraphs.append(text + "。")
            if peerRates.count > 1 {
                paragraphs.append("各地目标增速：" + peerRows.compactMap { r in rate[r.regionCode].map { "\(r.region) \(pct($0))" } }
                    .joined(separator: "、") + "。")
            }
        }
        // A peer that reported before and not this month: the ranking is of those that did, and
        // no one is judged last (an interview was given to 3rd of 3, who was 3rd of 4 a day later).
        // Each level's missing peers, in the view's order, once (counties and zones each have theirs).
        var notReported: [String] = []
        for name in peerRows.compactMap(\.peersNotReported).flatMap({ $0.split(separator: "、").map(String.init) })
        where !notReported.contains(name) { notReported.append(name) }
        if !notReported.isEmpty {
            paragraphs.append("\(notReported.joined(separator: "、"))本月未报送：排名仅含已报送地区，本月不判末位（不作约谈）。")
        }
        // The official rate is the sheet's; where it and the computed one differ by more than
        // 0.1 pp, the reader should see both (DESIGN §6).
        let differing = rows.filter(\.yoyDiffFlag)
        if !differing.isEmpty {
            paragraphs.append("报表同比与按累计值计算的同比相差超过 0.1 个百分点（排名与通报用报表数）：" + differing.map {
                "\($0.region)（报表 \(pct($0.reportedYoYPct))，计算 \(pct($0.yoyPct))）"
            }.joined(separator: "、") + "。")
        }
        // One target line when every region has the same target; none when they differ.
        let chart = BarChart(
            title: "\(rows[0].indicatorName)同比增速（%）", bars: peerRows.map { ChartBar(label: $0.region, value: $0.officialYoYPct) },
            targetLine: peerRates.count == 1 ? peerRates.first : nil, targetLabel: "目标")
        return BulletinSection(heading: heading, paragraphs: paragraphs, charts: [.bars(chart)],
                               tables: [Tables.yoy(Self.unrankedAlone(rows), month: month).compact(["region", "ytd_value_wan", "prior_ytd_value_wan", "official_yoy_pct", "rank"])])
    }

    private func targetSection(_ rows: [TargetRow]) -> BulletinSection {
        let heading = "三、目标任务完成情况"
        let fai = rows.filter { $0.indicator == "fai" }
        guard !fai.isEmpty else { return .noData(heading, "本月无目标数据。") }
        let subs = fai.filter { $0.level == "county" || $0.level == "zone" }
        let chart = ProgressChart(
            title: "固定资产投资年度目标完成率（%）",
            bars: (subs.isEmpty ? fai : subs).map { ChartBar(label: $0.region, value: $0.annualCompletionPct) },
            goal: 100, goalLabel: "全年目标", timeProgress: fai.first?.timeProgressPct)
        var paragraphs: [String] = []
        if let city = fai.first(where: { $0.level == "city" }), let ahead = city.aheadOfTimePP {
            let pace = ahead == 0 ? "与时间进度持平"
                : "\(ahead > 0 ? "超过" : "落后")时间进度 \(pct(abs(ahead)).replacingOccurrences(of: "%", with: "")) 个百分点"
            paragraphs.append("\(city.region)固定资产投资完成年度目标 \(pct(city.annualCompletionPct))，\(pace)。")
        }
        return BulletinSection(heading: heading, paragraphs: paragraphs, charts: [.progress(chart)],
                               tables: [Tables.targets(rows, month: month).compact(
                                   ["region", "indicator_name", "annual_target_wan", "ytd_target_wan", "ytd_value_wan",
                                    "progress_pct", "annual_completion_pct", "ahead_of_time_pp", "gap_wan", "required_monthly_wan"])])
    }

    private func transferSection(_ rows: [TransferRow]) -> BulletinSection {
        let heading = "四、上级转移支付资金"
        guard !rows.isEmpty else { return .noData(heading, "本月无转移支付数据。") }
        var paragraphs: [String] = []
        if let total = rows.first(where: \.isTotal) {
            // No growth rate (no prior-year amount): no verdict either, with the reason.
            let verdict: String
            switch total.meetsTarget {
            case true?: verdict = "达到目标"
            case false?: verdict = "未达到目标"
            case nil: verdict = "无法判断是否达到目标" + (total.yoyNullReason.map { "（\(Self.nullReason($0))）" } ?? "")
            }
            paragraphs.append("\(total.unit)累计争取 \(displayText(.decimal(total.ytdAmount ?? 0), kind: .money)) 万元，同比增长 \(pct(total.yoyPct))，目标 \(pct(total.targetPct))，\(verdict)。")
        }
        return BulletinSection(heading: heading, paragraphs: paragraphs,
                               tables: [Tables.transfers(rows, month: month).compact(
                                   ["unit", "ytd_amount_wan", "prior_ytd_amount_wan", "yoy_pct", "target_pct", "meets_target"])])
    }

    private func alertSection(_ rows: [AlertRow]?) -> BulletinSection {
        let heading = "五、表扬、提醒与约谈"
        guard let rows else { return .noData(heading, "本月无通报数据（无同比或目标）。") }
        func items(_ action: AlertAction) -> [String] {
            rows.filter { $0.action == action }.map { r in
                var text = "\(r.region)（\(r.indicatorName)同比 \(pct(r.officialYoYPct))，目标 \(pct(r.ratePct))"
                if let rank = r.rank {
                    // Tied for last place (equal rate and YTD): the rank is the tie's first.
                    text += r.isLast && rank < r.peerCount ? "，并列末位（第\(rank)/\(r.peerCount)）" : "，排名第\(rank)/\(r.peerCount)"
                }
                return text + "）"
            }
        }
        return BulletinSection(heading: heading, lists: [
            BulletinList(title: "表扬通报", style: .praise, items: items(.praise)),
            BulletinList(title: "提醒函", style: .reminder, items: items(.reminder)),
            BulletinList(title: "约谈", style: .interview, items: items(.interview)),
        ])
    }

    /// One table per peer group (DESIGN §6 ranks within a level): counties and zones interleaved
    /// in one table showed two rank 1s and a county above a faster-growing zone.
    private func rankingSection(_ rows: [YoYRow]) -> BulletinSection {
        let heading = "六、固定资产投资增速排名"
        guard !rows.isEmpty else { return .noData(heading, "本月无数据。") }
        let groups = Dictionary(grouping: peers(rows), by: \.level)
        let order = ["county", "zone"] + groups.keys.filter { $0 != "county" && $0 != "zone" }.sorted()
        let names = ["county": "县区", "zone": "园区（开发区）"]
        let tables = order.compactMap { level -> ReportTable? in
            guard let group = groups[level], !group.isEmpty else { return nil }
            let ranked = group.sorted { ($0.rank ?? Int.max, $0.region) < ($1.rank ?? Int.max, $1.region) }
            var table = Tables.yoy(Self.unrankedAlone(ranked), month: month).compact(["rank", "region", "official_yoy_pct", "ytd_value_wan"])
            if groups.count > 1 { table.title = "\(names[level] ?? level)排名" }
            return table
        }
        return BulletinSection(heading: heading, tables: tables)
    }
}

extension ReportTable {
    /// The same table with only `keys`, in that order (for the bulletin's narrower tables).
    func compact(_ keys: [String]) -> ReportTable {
        let positions = keys.compactMap { key in columns.firstIndex { $0.key == key } }
        return ReportTable(title: title, columns: positions.map { columns[$0] },
                           rows: rows.map { row in positions.map { row[$0] } }, notes: notes)
    }
}
