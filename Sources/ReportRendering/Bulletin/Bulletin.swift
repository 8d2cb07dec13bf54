import Foundation

/// The monthly bulletin (月度通报): sections of prose, charts, tables and alert lists, rendered
/// as one self-contained HTML file (`renderBulletinHTML`) or Markdown (`renderBulletinMarkdown`).
public struct Bulletin: Sendable {
    public var title: String
    /// The period as the office writes it, e.g. "2022年1-6月".
    public var monthLabel: String
    public var generatedAt: Date
    /// Zone for showing `generatedAt`; the office's local time by default.
    public var timeZone: TimeZone
    public var sections: [BulletinSection]
    /// Said under the title, before the sections (e.g. which sections have no data this month).
    public var notes: [String]

    public init(title: String, monthLabel: String, generatedAt: Date,
                timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt,
                sections: [BulletinSection], notes: [String] = []) {
        self.title = title
        self.monthLabel = monthLabel
        self.generatedAt = generatedAt
        self.timeZone = timeZone
        self.sections = sections
        self.notes = notes
    }
}

/// Rendered in this order: heading, paragraphs, charts, tables, lists.
public struct BulletinSection: Sendable {
    public var heading: String
    public var paragraphs: [String]
    public var charts: [BulletinChart]
    public var tables: [ReportTable]
    public var lists: [BulletinList]
    /// False for a section that only says the month has no data for it.
    public var hasData: Bool

    public init(heading: String, paragraphs: [String] = [], charts: [BulletinChart] = [],
                tables: [ReportTable] = [], lists: [BulletinList] = [], hasData: Bool = true) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.charts = charts
        self.tables = tables
        self.lists = lists
        self.hasData = hasData
    }

    /// A section saying only that the month has no data for it (`hasData` false).
    public static func noData(_ heading: String, _ sentence: String) -> BulletinSection {
        BulletinSection(heading: heading, paragraphs: [sentence], hasData: false)
    }
}

public enum BulletinChart: Sendable {
    case bars(BarChart)
    case progress(ProgressChart)
}

public struct ChartBar: Sendable, Equatable {
    public var label: String
    /// `nil` when there is no value (e.g. YoY without a base): drawn as "无数据", no bar.
    public var value: Decimal?

    public init(label: String, value: Decimal?) {
        self.label = label
        self.value = value
    }
}

/// Vertical bars, e.g. YoY % by region against the +15% target. Bars at or above `targetLine`
/// are green, below it red (all blue without a target); negative values hang below the axis.
public struct BarChart: Sendable {
    public var title: String
    public var bars: [ChartBar]
    /// Dashed horizontal line, e.g. 15 for the fai target of +15%.
    public var targetLine: Decimal?
    /// Label of the target line; the value and unit are appended ("目标 15.0%").
    public var targetLabel: String
    /// Suffix of every value shown ("%"), values shown with one decimal.
    public var unit: String

    public init(title: String, bars: [ChartBar], targetLine: Decimal? = nil,
                targetLabel: String = "目标", unit: String = "%") {
        self.title = title
        self.bars = bars
        self.targetLine = targetLine
        self.targetLabel = targetLabel
        self.unit = unit
    }

    public init(title: String, bars: [(label: String, value: Decimal?)], targetLine: Decimal? = nil,
                targetLabel: String = "目标", unit: String = "%") {
        self.init(title: title, bars: bars.map { ChartBar(label: $0.label, value: $0.value) },
                  targetLine: targetLine, targetLabel: targetLabel, unit: unit)
    }
}

/// Horizontal bars of a completion percentage with a solid goal line (100%) and a dashed
/// time-progress line (m/12 × 100). Bars reaching `goal` are green, others orange.
/// Pair `annual_completion_pct` with the time-progress line (that is what "超过/落后时间进度"
/// compares); `progress_pct` (against the YTD target) is read against the 100% line.
public struct ProgressChart: Sendable {
    public var title: String
    public var bars: [ChartBar]
    public var goal: Decimal
    public var goalLabel: String
    public var timeProgress: Decimal?
    public var timeProgressLabel: String
    public var unit: String

    public init(title: String, bars: [ChartBar], goal: Decimal = 100, goalLabel: String = "目标进度",
                timeProgress: Decimal? = nil, timeProgressLabel: String = "时间进度", unit: String = "%") {
        self.title = title
        self.bars = bars
        self.goal = goal
        self.goalLabel = goalLabel
        self.timeProgress = timeProgress
        self.timeProgressLabel = timeProgressLabel
        self.unit = unit
    }
}

/// An alert list such as 表扬 / 提醒 / 约谈; the style only colours it.
public struct BulletinList: Sendable, Equatable {
    public enum Style: String, Sendable, Equatable { case praise, reminder, interview, plain }
    public var title: String
    public var style: Style
    public var items: [String]
    /// Shown when `items` is empty, so an empty list reads as a fact, not an omission.
    public var emptyText: String
    /// How many there are when `items` shows only the first of them (a bulletin is read by
    /// people: thousands of lines help nobody); nil when `items` is the whole list.
    public var total: Int?
    /// Shown after a shortened list: how many are left out and where to find them all.
    public var moreText: String?

    public init(title: String, style: Style = .plain, items: [String], emptyText: String = "无",
                total: Int? = nil, moreText: String? = nil) {
        self.title = title
        self.style = style
        self.items = items
        self.emptyText = emptyText
        self.total = total
        self.moreText = moreText
    }

    /// The count shown beside the title: the whole list's.
    public var count: Int { max(total ?? items.count, items.count) }
    /// True when `items` leaves some out.
    public var isShortened: Bool { count > items.count }
}

/// "2022-07-15 08:30" in `bulletin.timeZone`.
func formatTimestamp(_ date: Date, in zone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
    return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
}
