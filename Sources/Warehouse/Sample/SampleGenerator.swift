import Foundation

public enum SampleScale: String, Sendable, CaseIterable {
    /// About 2,000 project-month rows: the committed `etl/samples`.
    case small
    /// ≥ 1,000,000 project-month rows (the loader benchmark, issue 6).
    case large
    /// ≥ 10,000,000 project-month rows (report latency at scale).
    case xlarge

    public var projectsPerRegion: Int {
        switch self {
        case .small: return 10
        case .large: return 6_500
        case .xlarge: return 65_000
        }
    }
}

public struct SampleOptions: Sendable {
    public var scale: SampleScale
    public var seed: UInt64
    public var years: ClosedRange<Int>
    /// Also write every loadable project-month fact as one long UTF-8 CSV (COPY comparisons).
    public var normalizedCSV: URL?

    public init(scale: SampleScale = .small, seed: UInt64 = 1, years: ClosedRange<Int> = 2021...2022, normalizedCSV: URL? = nil) {
        self.scale = scale
        self.seed = seed
        self.years = years
        self.normalizedCSV = normalizedCSV
    }
}

public struct SampleReport: Sendable {
    public var files: [URL] = []
    public var bytes = 0
    /// Project-month data rows written (including the deliberately bad ones).
    public var projectRows = 0
    /// Rows that are deliberately bad (non-numeric amount, unknown region, …).
    public var badRows = 0
}

/// Writes realistic county files (DESIGN §5) for the sample world of `SampleModel`:
/// - `YYYY/YYYY-MM_<region>_重大项目进度.csv`: project progress, GBK, CRLF, 附件1 / title /
///   填报单位 rows, a two-row header with a line break and full-width brackets, section rows,
///   小计 and 合计 rows (exact sums of the numeric cells above them), notes;
/// - `YYYY/YYYY-MM_全市_主要指标.csv`: region indicators, UTF-8 with BOM — long (地区, 指标)
///   in the first year, wide with a merged two-row header afterwards;
/// - `YYYY/YYYY-MM_全市_转移支付.txt`: transfer payments, UTF-16LE tab-separated (Excel
///   "Unicode text"); units are regions and departments;
/// - `YYYY/YYYY_全市_目标任务分解表.csv`: annual and cumulative monthly targets.
/// January is merged into 1-2月 (no January files). Deliberately bad rows: a non-numeric
/// amount (last year, May, 灵山县) and an unknown region (last year, June, indicator sheet).
public struct SampleGenerator {
    public let options: SampleOptions
    public let model: SampleModel

    public init(options: SampleOptions) {
        self.options = options
        self.model = SampleModel(seed: options.seed, projectsPerRegion: options.scale.projectsPerRegion)
    }

    static let months = Array(2...12)

    public func write(to directory: URL) throws -> SampleReport {
        var report = SampleReport()
        var normalized: SampleFileWriter?
        if let url = options.normalizedCSV {
            normalized = try SampleFileWriter(url: url, encoding: .utf8, lineEnding: "\n")
            try normalized?.row(["region", "project_code", "month_key", "ytd_completed_wan", "month_completed_wan",
                                 "annual_plan_wan", "status"])
        }
        for year in options.years {
            let folder = directory.appendingPathComponent(String(year))
            for month in Self.months {
                for r in SampleModel.regions.indices {
                    try finish(try projectSheet(folder: folder, region: r, year: year, month: month,
                                                normalized: normalized, report: &report), &report)
                }
                try finish(try indicatorSheet(folder: folder, year: year, month: month, report: &report), &report)
                try finish(try transferSheet(folder: folder, year: year, month: month), &report)
                for writer in try PolicySampleSheets(generator: self).sheets(folder: folder, year: year, month: month) {
                    try finish(writer, &report)
                }
            }
            try finish(try targetSheet(folder: folder, year: year), &report)
        }
        try normalized?.close()
        return report
    }

    private func finish(_ writer: SampleFileWriter, _ report: inout SampleReport) throws {
        try writer.close()
        report.files.append(writer.url)
        report.bytes += writer.bytesWritten
    }

    static func period(_ month: Int) -> String { month == 1 ? "1月" : "1-\(month)月" }
    static func stamp(_ year: Int, _ month: Int) -> String { "\(year)-" + (month < 10 ? "0" : "") + "\(month)" }

    // MARK: - project progress

    func projectSheet(folder: URL, region r: Int, year: Int, month: Int, normalized: SampleFileWriter?,
                      report: inout SampleReport) throws -> SampleFileWriter {
        let region = SampleModel.regions[r]
        let url = folder.appendingPathComponent("\(Self.stamp(year, month))_\(region.name)_重大项目进度.csv")
        let w = try SampleFileWriter(url: url, encoding: .gb18030)
        let width = 15
        func pad(_ cells: [String]) -> [String] { cells + Array(repeating: "", count: max(0, width - cells.count)) }
        let period = Self.period(month)
        try w.row(pad(["附件1"]))
        try w.row(pad(["\(region.name)\(year)年\(period)重大项目投资进度表"]))
        try w.row(pad(["填报单位：\(region.reporter)", "", "", "", "", "", "", "", "", "", "", "单位：万元"]))
        try w.row(["序号", "项目名称", "统一项目代码", "责任单位", "行业分类", "是否民间投资", "建设性质", "总投资（万元）",
                   "年度计划投资（万元）", "投资完成情况", "", "项目状态", "停工原因", "开工时间", "计划复工时间"])
        try w.row(["", "", "", "", "", "", "", "", "", "\(period)\n完成投资（万元）", "本月完成投资", "", "", "", ""])

        // Projects by section, in index order within each.
        var bySection: [SampleSection: [(Int, SampleProject)]] = [:]
        for i in 0..<model.projectsPerRegion {
            let project = model.project(region: r, index: i, firstYear: options.years.lowerBound)
            guard model.isActive(project, year: year) else { continue }
            bySection[project.section, default: []].append((i, project))
        }
        let badYear = options.years.upperBound
        var number = 0
        var grand = [Int64](repeating: 0, count: 4)
        var lastTop: String?
        for section in SampleSection.allCases {
            guard let projects = bySection[section], !projects.isEmpty else { continue }
            let headings = section.headings
            if headings.top != lastTop {
                try w.row(pad([headings.top]))
                lastTop = headings.top
            }
            if let sub = headings.sub { try w.row(pad([sub])) }
            var sums = [Int64](repeating: 0, count: 4)
            for (i, project) in projects {
                number += 1
                let figures = model.month(project, region: r, index: i, year: year, month: month)
                let bad = year == badYear && month == 5 && r == 2 && number == 1
                var g = SplitMix64(seed: options.seed, 8, r, i, year, month)
                let startDate = "\(project.startYear)年\(project.startMonth)月"
                let monthCell = g.chance(8) ? "-" : SampleMoney.format(figures.monthCents)
                try w.row([
                    String(number), project.name, project.code, project.department, project.industry,
                    project.isPrivate ? "是" : "否", project.nature,
                    SampleMoney.format(project.totalCents, thousands: g.chance(30)),
                    SampleMoney.format(figures.annualPlanCents),
                    bad ? "待核实" : SampleMoney.format(figures.ytdCents),
                    monthCell, figures.status, figures.stallReason ?? "", startDate, figures.plannedRestart ?? "",
                ])
                report.projectRows += 1
                // Subtotals sum the numeric cells as written, like Excel's SUM (text is ignored).
                sums[0] += project.totalCents
                sums[1] += figures.annualPlanCents
                if !bad { sums[2] += figures.ytdCents }
                if monthCell != "-" { sums[3] += figures.monthCents }
                if bad {
                    report.badRows += 1
                } else {
                    try normalized?.row([
                        region.name, project.code, String(year * 100 + month), SampleMoney.format(figures.ytdCents),
                        monthCell == "-" ? "" : SampleMoney.format(figures.monthCents),
                        SampleMoney.format(figures.annualPlanCents), figures.status,
                    ])
                }
            }
            try w.row(["小计", "", "", "", "", "", "", SampleMoney.format(sums[0]), SampleMoney.format(sums[1]),
                       SampleMoney.format(sums[2]), SampleMoney.format(sums[3]), "", "", "", ""])
            for k in 0..<4 { grand[k] += sums[k] }
        }
        try w.row(["合计", "", "", "", "", "", "", SampleMoney.format(grand[0]), SampleMoney.format(grand[1]),
                   SampleMoney.format(grand[2]), SampleMoney.format(grand[3]), "", "", "", ""])
        try w.row(pad([]))
        try w.row(pad(["注：1.本表数据截至\(year)年\(month)月底；2.“本月完成投资”为“-”的项目本月未报数。"]))
        try w.row(pad(["填报人：黄某某", "", "", "审核人：李某某", "", "", "联系电话：0777-28\(String(10000 + r * 111).suffix(5))"]))
        return w
    }

    // MARK: - indicator summary

    func indicatorSheet(folder: URL, year: Int, month: Int, report: inout SampleReport) throws -> SampleFileWriter {
        let url = folder.appendingPathComponent("\(Self.stamp(year, month))_全市_主要指标.csv")
        let w = try SampleFileWriter(url: url, encoding: .utf8BOM)
        let period = Self.period(month)
        let indicators = SampleModel.indicators
        let unknownRegion = year == options.years.upperBound && month == 6
        if year == options.years.lowerBound {
            // Long: one row per region and indicator, with the prior-year comparable value.
            try w.row(["\(year)年\(period)钦州市固定资产投资主要指标完成情况", "", "", "", ""])
            try w.row(["单位：万元", "", "", "", ""])
            try w.row(["地区", "指标", "\(period)累计", "上年同期", "同比增长（%）"])
            for r in SampleModel.regions.indices {
                for k in indicators.indices {
                    let value = model.indicatorValue(region: r, indicator: k, year: year, month: month)
                    let prior = model.indicatorValue(region: r, indicator: k, year: year - 1, month: month)
                    try w.row([SampleModel.regions[r].name, indicators[k].name, SampleMoney.format(value),
                               SampleMoney.format(prior), SampleMoney.yoyPercent(value, prior: prior) ?? ""])
                }
            }
        } else {
            // Wide, with a merged two-row header: indicator names on top, measures below.
            try w.row(["\(year)年\(period)钦州市固定资产投资主要指标完成情况"] + Array(repeating: "", count: indicators.count * 2))
            try w.row(["单位：万元、%"] + Array(repeating: "", count: indicators.count * 2))
            try w.row(["县（区）"] + indicators.flatMap { [$0.name, ""] })
            try w.row([""] + indicators.flatMap { _ in ["\(period)累计", "同比增长（%）"] })
            var totals = [Int64](repeating: 0, count: indicators.count)
            var priorTotals = [Int64](repeating: 0, count: indicators.count)
            for r in SampleModel.regions.indices {
                var cells = [SampleModel.regions[r].name]
                for k in indicators.indices {
                    let value = model.indicatorValue(region: r, indicator: k, year: year, month: month)
                    let prior = model.indicatorValue(region: r, indicator: k, year: year - 1, month: month)
                    totals[k] += value
                    priorTotals[k] += prior
                    cells += [SampleMoney.format(value), SampleMoney.yoyPercent(value, prior: prior) ?? ""]
                }
                try w.row(cells)
            }
            if unknownRegion {
                // Deliberately bad: a town that is not a region of the warehouse.
                try w.row(["东场镇"] + indicators.flatMap { _ in ["1000.00", "5.0"] })
                report.badRows += 1
            }
        }
        try w.row(["注：数据来源于市统计局，为快报数。"] + Array(repeating: "", count: year == options.years.lowerBound ? 4 : indicators.count * 2))
        return w
    }

    // MARK: - transfer payments

    func transferSheet(folder: URL, year: Int, month: Int) throws -> SampleFileWriter {
        let url = folder.appendingPathComponent("\(Self.stamp(year, month))_全市_转移支付.txt")
        let w = try SampleFileWriter(url: url, encoding: .utf16le, delimiter: "\t")
        let period = Self.period(month)
        try w.row(["\(year)年\(period)钦州市争取上级转移支付资金情况表", "", "", "", "", ""])
        try w.row(["填报单位：钦州市财政局", "", "", "", "单位：万元", ""])
        try w.row(["序号", "单位", "资金类别", "本年累计争取", "上年同期", "同比增长（%）"])
        var total: Int64 = 0
        var priorTotal: Int64 = 0
        for (u, unit) in SampleModel.transferUnits.enumerated() {
            let value = model.transferValue(unit: u, year: year, month: month)
            let prior = model.transferValue(unit: u, year: year - 1, month: month)
            total += value
            priorTotal += prior
            try w.row([String(u + 1), unit.name, unit.category, SampleMoney.format(value), SampleMoney.format(prior),
                       SampleMoney.yoyPercent(value, prior: prior) ?? ""])
        }
        try w.row(["合计", "", "", SampleMoney.format(total), SampleMoney.format(priorTotal),
                   SampleMoney.yoyPercent(total, prior: priorTotal) ?? ""])
        return w
    }

    // MARK: - targets

    func targetSheet(folder: URL, year: Int) throws -> SampleFileWriter {
        let url = folder.appendingPathComponent("\(year)_全市_目标任务分解表.csv")
        let w = try SampleFileWriter(url: url, encoding: .utf8, lineEnding: "\n")
        let months = Self.months
        try w.row(["\(year)年钦州市固定资产投资和工业投资目标任务分解表"])
        try w.row(["单位：万元"])
        try w.row(["单位", "指标", "全年目标任务", "目标增速（%）"] + months.map { Self.period($0) })
        let rates: [(k: Int, rate: Int64)] = [(0, 15), (1, 30)]
        for r in SampleModel.regions.indices {
            for (k, rate) in rates {
                let lastYear = model.indicatorValue(region: r, indicator: k, year: year - 1, month: 12)
                let annual = lastYear * (100 + rate) / 100
                try w.row([SampleModel.regions[r].name, SampleModel.indicators[k].name, SampleMoney.format(annual),
                           String(rate)] + months.map { SampleMoney.format(annual * Int64(SampleModel.season[$0 - 1]) / 1000) })
            }
        }
        // Departments take targets too (a unit that is not a region is a department).
        let departmentAnnual = model.indicatorValue(region: 0, indicator: 1, year: year - 1, month: 12) / 2
        try w.row(["市工业和信息化局", "工业投资", SampleMoney.format(departmentAnnual), "30"]
                  + months.map { SampleMoney.format(departmentAnnual * Int64(SampleModel.season[$0 - 1]) / 1000) })
        return w
    }
}
