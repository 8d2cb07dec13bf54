import Foundation
import ReportRendering

/// Exact decimal from text: a Double literal would already be inexact.
func dec(_ s: String) -> Decimal {
    guard let d = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) else { fatalError("bad decimal literal \(s)") }
    return d
}

enum Sample {
    static let columns = [
        ReportColumn(key: "region", title: "地区", kind: .text),
        ReportColumn(key: "ytd_value_wan", title: "累计完成(万元)", kind: .money),
        ReportColumn(key: "yoy_pct", title: "同比%", kind: .percent),
        ReportColumn(key: "ahead_of_time_pp", title: "超时间进度", kind: .points),
        ReportColumn(key: "rank", title: "排名", kind: .integer),
        ReportColumn(key: "meets_target", title: "达标", kind: .bool),
    ]

    static let yoyTable = ReportTable(
        title: "各县区固定资产投资同比增速（2022年1-6月）",
        columns: columns,
        rows: [
            [.text("钦南区"), .decimal(dec("1234567.8")), .decimal(dec("16.25")), .decimal(dec("2.45")), .integer(1), .bool(true)],
            [.text("灵山县"), .decimal(dec("98765.432")), .decimal(dec("-3.04")), .decimal(dec("-12")), .integer(2), .bool(false)],
            [.text("Qinzhou Port 港区"), .decimal(dec("0")), .null, .null, .integer(3), .null],
            [.text("浦北"), .decimal(dec("12345678901234.56")), .decimal(dec("100")), .decimal(dec("0")), .integer(10), .bool(true)],
        ],
        notes: ["注：同比按可比口径计算。"]
    )

    static func bulletin(regions: [(String, String?)] = defaultRegions, title: String = "全市固定资产投资月度通报") -> Bulletin {
        let bars = regions.map { ChartBar(label: $0.0, value: $0.1.map(dec)) }
        let progress = regions.map { ChartBar(label: $0.0, value: $0.1.map { dec($0) * 4 + 40 }) }
        return Bulletin(
            title: title,
            monthLabel: "2022年1-6月",
            generatedAt: Date(timeIntervalSince1970: 1_657_843_200),  // 2022-07-15 00:00 UTC = 08:00 Beijing
            sections: [
                BulletinSection(
                    heading: "一、固定资产投资增速",
                    paragraphs: ["1-6月，全市固定资产投资同比增长8.2%，低于目标6.8个百分点。"],
                    charts: [.bars(BarChart(title: "各县区固定资产投资同比增速", bars: bars, targetLine: 15))],
                    tables: [Sample.yoyTable]),
                BulletinSection(
                    heading: "二、目标任务完成情况",
                    charts: [.progress(ProgressChart(title: "年度目标完成率", bars: progress, timeProgress: 50))]),
                BulletinSection(
                    heading: "三、表扬、提醒与约谈",
                    lists: [
                        BulletinList(title: "表扬", style: .praise, items: ["钦南区：同比增长16.3%，进度超过序时"]),
                        BulletinList(title: "提醒", style: .reminder, items: ["灵山县：同比下降3.0%，低于目标18.0个百分点"]),
                        BulletinList(title: "约谈", style: .interview, items: []),
                    ]),
            ])
    }

    static let defaultRegions: [(String, String?)] = [
        ("钦南区", "16.3"), ("钦北区", "8.1"), ("灵山县", "-3.04"), ("浦北县", nil), ("钦州港区", "22.5"), ("三娘湾旅游管理区", "15"),
    ]
}
