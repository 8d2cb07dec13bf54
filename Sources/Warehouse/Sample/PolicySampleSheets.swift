import Foundation

/// The policy sheets of the sample world (issue 8), written beside the county files:
/// - `YYYY-MM_全市_中央预算内投资.csv` (GBK): the year's central-budget plans issued so far,
///   on projects of the sample world (same codes and regions), with payments and start dates
///   — some start late, some not at all;
/// - `YYYY-MM_全市_专项债券.csv` (UTF-8 with BOM): three issuance batches (March, May, August),
///   their projects' amounts used and start status — some slow, some not started;
/// - `YYYY-MM_全市_基础设施项目储备.csv` (UTF-8), quarterly (3, 6, 9, 12): the reserve pool by
///   category in section rows (一、产业园区 …), no category column, growing through the year.
/// Pure functions of the seed, like SampleModel.
struct PolicySampleSheets {
    let generator: SampleGenerator
    var model: SampleModel { generator.model }
    var seed: UInt64 { generator.options.seed }

    static let plansPerYear = 12
    static let reserveMonths: Set<Int> = [3, 6, 9, 12]
    /// (category, projects in the full pool, average total and upper-level funds in cents of 万元)
    static let reserveCategories: [(name: String, count: Int, totalCents: Int64, upperCents: Int64)] = [
        ("产业园区", 40, 5_750_000, 2_250_000), ("农林水利", 30, 3_300_000, 1_330_000),
        ("城市更新", 20, 4_000_000, 1_500_000), ("交通", 25, 6_000_000, 2_400_000),
        ("社会民生", 30, 2_000_000, 830_000), ("生态环保", 20, 2_500_000, 1_000_000),
        ("能源", 15, 8_000_000, 2_000_000), ("新型基础设施", 15, 3_300_000, 1_000_000),
    ]

    func sheets(folder: URL, year: Int, month: Int) throws -> [SampleFileWriter] {
        var out = [try centralBudget(folder: folder, year: year, month: month),
                   try specialBonds(folder: folder, year: year, month: month)]
        if Self.reserveMonths.contains(month) { out.append(try reservePool(folder: folder, year: year, month: month)) }
        return out
    }

    private func stamp(_ year: Int, _ month: Int) -> String { SampleGenerator.stamp(year, month) }

    /// A project of the sample world that reports in `year` (so its code and region exist).
    private func worldProject(_ g: inout SplitMix64, year: Int) -> (region: Int, project: SampleProject) {
        while true {
            let r = g.int(0...(SampleModel.regions.count - 1))
            let i = g.int(0...(model.projectsPerRegion - 1))
            let p = model.project(region: r, index: i, firstYear: generator.options.years.lowerBound)
            if model.isActive(p, year: year) { return (r, p) }
        }
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    // MARK: - central budget

    func centralBudget(folder: URL, year: Int, month: Int) throws -> SampleFileWriter {
        let url = folder.appendingPathComponent("\(stamp(year, month))_全市_中央预算内投资.csv")
        let w = try SampleFileWriter(url: url, encoding: .gb18030)
        try w.row(["\(year)年\(SampleGenerator.period(month))钦州市中央预算内投资项目进展情况表", "", "", "", "", "", "", ""])
        try w.row(["填报单位：钦州市发展和改革委员会", "", "", "", "", "", "单位：万元", ""])
        try w.row(["序号", "县区", "项目名称", "项目代码", "计划下达时间", "下达中央预算内投资（万元）", "累计支付（万元）", "开工时间"])
        var number = 0
        var picked = Set<String>()
        for k in 0..<Self.plansPerYear {
            var g = SplitMix64(seed: seed, 20, year, k)
            let issueMonth = g.int(1...10)
            let issueDay = g.int(1...28)
            let amount = Int64(g.int(1_500...5_500)) * 100
            let (r, project) = worldProject(&g, year: year)
            guard !picked.contains(project.code) else { continue }
            picked.insert(project.code)
            // Start: 60% within 1-2 months, 25% late (4-6 months), 15% never.
            let roll = g.int(0...99)
            let startOffset: Int? = roll < 60 ? g.int(0...2) : roll < 85 ? g.int(4...6) : nil
            let payPerMonth = Int64(g.int(8...25))   // percent of the plan paid each month after issue
            guard issueMonth <= month else { continue }
            number += 1
            let months = Int64(month - issueMonth)
            let paid = min(amount, amount * payPerMonth * months / 100)
            var start = ""
            if let startOffset {
                let s = issueMonth + startOffset
                if s <= month { start = "\(year)年\(s)月\(g.int(1...28))日" }
            }
            try w.row([String(number), SampleModel.regions[r].name, project.name, project.code,
                       Self.date(year, issueMonth, issueDay), SampleMoney.format(amount), SampleMoney.format(paid), start])
        }
        try w.row(["注：累计支付为截至报告期末数。", "", "", "", "", "", "", ""])
        return w
    }

    // MARK: - special bonds

    static let bondBatches: [(name: String, month: Int, day: Int)] = [("第一批", 3, 18), ("第二批", 5, 26), ("第三批", 8, 12)]

    func specialBonds(folder: URL, year: Int, month: Int) throws -> SampleFileWriter {
        let url = folder.appendingPathComponent("\(stamp(year, month))_全市_专项债券.csv")
        let w = try SampleFileWriter(url: url, encoding: .utf8BOM)
        try w.row(["\(year)年\(SampleGenerator.period(month))钦州市政府专项债券项目资金使用情况", "", "", "", "", "", "", "", ""])
        try w.row(["单位：万元", "", "", "", "", "", "", "", ""])
        try w.row(["序号", "县区", "项目名称", "项目代码", "发行批次", "发行时间", "发行金额", "已使用金额", "是否开工"])
        var number = 0
        for (b, batch) in Self.bondBatches.enumerated() where batch.month <= month {
            var picked = Set<String>()
            for k in 0..<4 {
                var g = SplitMix64(seed: seed, 21, year, b, k)
                let (r, project) = worldProject(&g, year: year)
                guard !picked.contains(project.code) else { continue }
                picked.insert(project.code)
                let issued = Int64(g.int(2_000...12_000)) * 100
                let startMonth = batch.month + g.int(0...4)
                let usePerMonth = Int64(g.chance(25) ? g.int(5...10) : g.int(20...45))
                let started = startMonth <= month
                let used = started ? min(issued, issued * usePerMonth * Int64(month - batch.month + 1) / 100) : 0
                number += 1
                try w.row([String(number), SampleModel.regions[r].name, project.name, project.code, "\(year)年\(batch.name)",
                           "\(year)年\(batch.month)月\(batch.day)日", SampleMoney.format(issued), SampleMoney.format(used),
                           started ? "已开工" : "未开工"])
            }
        }
        return w
    }

    // MARK: - reserve pool

    func reservePool(folder: URL, year: Int, month: Int) throws -> SampleFileWriter {
        let url = folder.appendingPathComponent("\(stamp(year, month))_全市_基础设施项目储备.csv")
        let w = try SampleFileWriter(url: url, encoding: .utf8, lineEnding: "\n")
        try w.row(["\(year)年\(month)月钦州市基础设施项目储备库", "", "", "", "", ""])
        try w.row(["单位：万元", "", "", "", "", ""])
        try w.row(["序号", "项目名称", "项目代码", "县区", "总投资", "拟争取上级资金"])
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八"]
        var number = 0
        for (c, category) in Self.reserveCategories.enumerated() {
            var base = SplitMix64(seed: seed, 22, year, c)
            // The pool fills through the year: this quarter's share of 70–110% of the policy's count.
            let full = category.count * base.int(70...110) / 100
            let inPool = full * month / 12
            try w.row(["\(numerals[c])、\(category.name)", "", "", "", "", ""])
            for k in 0..<inPool {
                var g = SplitMix64(seed: seed, 23, year, c, k)
                let r = g.int(0...(SampleModel.regions.count - 1))
                let region = SampleModel.regions[r]
                let total = category.totalCents * Int64(g.int(40...160)) / 100
                let upper = category.upperCents * Int64(g.int(40...160)) / 100
                let serial = String(900_000 + c * 1000 + k)
                number += 1
                try w.row([String(number), "\(region.name.prefix(2))\(category.name)储备项目\(k + 1)",
                           "\(year)-\(region.codeInProjects)-48-01-\(serial)", region.name,
                           SampleMoney.format(total), SampleMoney.format(upper)])
            }
        }
        return w
    }
}
