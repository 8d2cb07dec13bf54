/// The invented world the sample files describe: Qinzhou's four statutory units and four
/// zones, their projects, indicators and transfers. Every value is a pure function of the
/// seed and the entity's indices, so files can be written one at a time with flat memory.
public struct SampleRegion: Sendable {
    public var name: String
    public var codeInProjects: String
    public var reporter: String
    public var weight: Int   // relative size, percent of an average county
}

public enum SampleSection: Int, CaseIterable, Sendable {
    case industrial, services, transport, municipal, realEstate

    /// Top-level section heading, and the sub-section heading (nil: rows sit under the top).
    var headings: (top: String, sub: String?) {
        switch self {
        case .industrial: return ("一、产业项目", "（一）工业项目")
        case .services: return ("一、产业项目", "（二）服务业项目")
        case .transport: return ("二、基础设施项目", "（一）交通基础设施项目")
        case .municipal: return ("二、基础设施项目", "（二）市政基础设施项目")
        case .realEstate: return ("三、房地产开发项目", nil)
        }
    }
}

public struct SampleProject: Sendable {
    public var code: String
    public var name: String
    public var section: SampleSection
    public var industry: String
    public var department: String
    public var isPrivate: Bool
    public var nature: String
    public var totalCents: Int64
    public var startYear: Int
    public var startMonth: Int
}

/// One project in one reporting month.
public struct SampleProjectMonth: Sendable {
    public var annualPlanCents: Int64
    public var ytdCents: Int64
    public var monthCents: Int64
    public var status: String
    public var stallReason: String?
    /// 计划复工时间 of a stalled project, as written (`2022年9月`).
    public var plannedRestart: String?
}

public struct SampleModel: Sendable {
    public let seed: UInt64
    public let projectsPerRegion: Int

    public static let regions: [SampleRegion] = [
        SampleRegion(name: "钦南区", codeInProjects: "450702", reporter: "钦南区发展和改革局", weight: 120),
        SampleRegion(name: "钦北区", codeInProjects: "450703", reporter: "钦北区发展和改革局", weight: 90),
        SampleRegion(name: "灵山县", codeInProjects: "450721", reporter: "灵山县发展和改革局", weight: 110),
        SampleRegion(name: "浦北县", codeInProjects: "450722", reporter: "浦北县发展和改革局", weight: 80),
        SampleRegion(name: "自贸区钦州港片区", codeInProjects: "450700", reporter: "钦州港片区管委会经济发展局", weight: 150),
        SampleRegion(name: "中马钦州产业园区", codeInProjects: "450700", reporter: "中马钦州产业园区管委会", weight: 60),
        SampleRegion(name: "钦州高新区", codeInProjects: "450700", reporter: "钦州高新区管委会", weight: 40),
        SampleRegion(name: "三娘湾旅游管理区", codeInProjects: "450700", reporter: "三娘湾旅游管理区管委会", weight: 20),
    ]

    /// (code, 中文名, share of fai in ‰)
    public static let indicators: [(code: String, name: String, share: Int)] = [
        ("fai", "固定资产投资", 1000), ("industrial", "工业投资", 320), ("private", "民间投资", 410),
        ("manufacturing", "制造业投资", 230), ("infrastructure", "基础设施投资", 290), ("real_estate", "房地产开发投资", 160),
    ]

    /// Cumulative share of the year's value by month, in ‰ (a typical investment season).
    static let season: [Int] = [60, 130, 210, 290, 380, 480, 560, 640, 730, 820, 910, 1000]

    public init(seed: UInt64, projectsPerRegion: Int) {
        self.seed = seed
        self.projectsPerRegion = projectsPerRegion
    }

    // MARK: - projects

    public func project(region r: Int, index i: Int, firstYear: Int) -> SampleProject {
        var g = SplitMix64(seed: seed, 1, r, i)
        let roll = g.int(0...99)
        let section: SampleSection = roll < 38 ? .industrial : roll < 55 ? .services : roll < 72 ? .transport
            : roll < 88 ? .municipal : .realEstate
        let region = Self.regions[r]
        let short = region.name.count > 3 ? String(region.name.prefix(4)) : String(region.name.dropLast())
        let industry: String
        let department: String
        let words: [String]
        switch section {
        case .industrial:
            industry = g.pick(["制造业", "制造业", "制造业", "电力、热力生产和供应业", "采矿业"])
            department = g.pick(["市工信局", "市工业和信息化局", "市发改委"])
            words = ["新材料", "电子信息", "绿色化工", "林产品深加工", "食品加工", "装备制造", "新能源电池", "金属冶炼"]
        case .services:
            industry = g.pick(["批发和零售业", "信息传输、软件和信息技术服务业", "住宿和餐饮业", "文化、体育和娱乐业"])
            department = industry.hasPrefix("文化") ? "市文化广电体育和旅游局" : g.pick(["市商务局", "市投促局"])
            words = ["商贸物流", "冷链仓储", "数字经济", "文旅综合体", "专业市场"]
        case .transport:
            industry = "交通运输、仓储和邮政业"
            department = "市交通局"
            words = ["二级公路", "港口码头", "铁路专用线", "城市道路", "物流园区道路"]
        case .municipal:
            industry = "水利、环境和公共设施管理业"
            department = g.pick(["市住建局", "市水利局", "市生态环境局"])
            words = ["污水处理厂", "供水管网", "防洪排涝", "老旧小区改造", "垃圾处理"]
        case .realEstate:
            industry = "房地产业"
            department = "市住建局"
            words = ["商住小区", "人才公寓", "城市综合体"]
        }
        let phase = ["", "（一期）", "（二期）"][g.int(0...2)]
        let noun = section == .industrial ? g.pick(["项目", "生产基地建设项目", "产业园项目"]) : "项目"
        let totalCents = Int64(g.int(2_000...300_000)) * 100 * Int64(region.weight) / 100 + Int64(g.int(0...99))
        let startYear = firstYear - 2 + g.int(0...3)   // some start in the second sample year
        let serial = String(r * 1_000_000 + i + 1)
        let code = "\(startYear)-\(region.codeInProjects)-\(industryCode(section))-0\(g.int(1...4))-"
            + String(repeating: "0", count: max(0, 7 - serial.count)) + serial
        return SampleProject(
            code: code, name: "\(short)\(g.pick(words))\(noun)\(phase)", section: section, industry: industry,
            department: department, isPrivate: section == .industrial || section == .services || section == .realEstate
                ? g.chance(55) : g.chance(5),
            nature: startYear < firstYear ? "续建" : "新建", totalCents: totalCents, startYear: startYear,
            startMonth: startYear >= firstYear ? g.int(1...2) : g.int(1...12))
    }

    private func industryCode(_ section: SampleSection) -> String {
        switch section {
        case .industrial: return "36"
        case .services: return "51"
        case .transport: return "54"
        case .municipal: return "77"
        case .realEstate: return "70"
        }
    }

    /// Whether the project reports in that year (it has started by the end of it).
    public func isActive(_ project: SampleProject, year: Int) -> Bool { project.startYear <= year }

    /// The project's figures for a report month (month ≥ 2: January is merged into 1-2月).
    public func month(_ project: SampleProject, region r: Int, index i: Int, year: Int, month m: Int) -> SampleProjectMonth {
        var g = SplitMix64(seed: seed, 2, r, i, year)
        let plan = project.totalCents * Int64(g.int(15...45)) / 100
        let completionPermille = Int64(g.int(550...1250))
        var weights: [Int64] = []
        for _ in 1...12 { weights.append(Int64(g.int(5...15))) }
        let stallMonth: Int? = g.chance(6) ? g.int(3...11) : nil
        let reason = g.pick(["资金不到位", "征地拆迁受阻", "环评手续未完成", "施工许可未办结"])
        // Restarts draw from their own stream, so the figures above stay what they were.
        var h = SplitMix64(seed: seed, 9, r, i, year)
        let restartMonth: Int? = stallMonth.flatMap { s in h.chance(50) ? s + h.int(1...3) : nil }
        let plannedRestart = stallMonth.map { s in s + h.int(1...3) }
        let total = weights.reduce(0, +)
        var ytd: Int64 = 0
        var lastIncrement: Int64 = 0
        for k in 1...m {
            var increment = plan * completionPermille * weights[k - 1] / (1000 * total)
            if let stallMonth, k >= stallMonth, restartMonth.map({ k < $0 }) ?? true { increment = 0 }
            ytd += increment
            lastIncrement = k == 2 ? lastIncrement + increment : increment
        }
        let stalled = (stallMonth.map { m >= $0 } ?? false) && (restartMonth.map { m < $0 } ?? true)
        return SampleProjectMonth(
            annualPlanCents: plan, ytdCents: ytd, monthCents: lastIncrement,
            status: stalled ? "停工" : (ytd >= plan && m == 12 && g.chance(30) ? "竣工" : "在建"),
            stallReason: stalled ? reason : nil,
            plannedRestart: stalled ? plannedRestart.map { $0 > 12 ? "\(year + 1)年\($0 - 12)月" : "\(year)年\($0)月" } : nil)
    }

    // MARK: - region indicators and transfers

    /// YTD value of an indicator for a region, in cents of 万元, any year (also before the
    /// sample years, so that the first year's reported YoY is consistent).
    public func indicatorValue(region r: Int, indicator k: Int, year: Int, month m: Int) -> Int64 {
        var base = SplitMix64(seed: seed, 3, r, k)
        let share = Int64(Self.indicators[k].share)
        var annual = Int64(Self.regions[r].weight) * 1_500_000_00 / 100 * share / 1000   // ≈150 亿 fai per county
        annual = annual * Int64(base.int(85...115)) / 100
        for y in 2015...max(2015, year) where y > 2015 {
            var g = SplitMix64(seed: seed, 4, r, k, y)
            annual = annual * Int64(1000 + g.int(-150...350)) / 1000
        }
        var noise = SplitMix64(seed: seed, 5, r, k, year, m)
        return annual * Int64(Self.season[m - 1]) / 1000 * Int64(g1000(noise.int(-20...20))) / 1000
    }

    private func g1000(_ delta: Int) -> Int { 1000 + delta }

    public static let transferUnits: [(name: String, category: String)] = regions.map { ($0.name, "一般性转移支付") } + [
        ("市交通运输局", "专项转移支付"), ("市水利局", "专项转移支付"), ("市教育局", "专项转移支付"),
        ("市文化广电体育和旅游局", "专项转移支付"),
    ]

    public func transferValue(unit u: Int, year: Int, month m: Int) -> Int64 {
        var base = SplitMix64(seed: seed, 6, u)
        var annual = Int64(base.int(8_000...90_000)) * 100
        for y in 2016...max(2016, year) {
            var g = SplitMix64(seed: seed, 7, u, y)
            annual = annual * Int64(1000 + g.int(-120...260)) / 1000
        }
        return annual * Int64(Self.season[m - 1]) / 1000
    }
}
