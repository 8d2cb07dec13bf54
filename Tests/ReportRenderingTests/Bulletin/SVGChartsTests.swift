import Foundation
import Testing
@testable import ReportRendering

/// Attributes of every `<tag ... class="cls" ...>` element in an SVG string.
func elements(_ tag: String, class cls: String, in svg: String) -> [[String: String]] {
    var result: [[String: String]] = []
    var rest = Substring(svg)
    while let open = rest.range(of: "<\(tag) class=\"\(cls)\"") {
        let end = rest[open.upperBound...].firstIndex(of: ">") ?? rest.endIndex
        let body = rest[open.upperBound..<end]
        var attributes: [String: String] = [:]
        for part in body.split(separator: "\" ") {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { attributes[kv[0].trimmingCharacters(in: .whitespaces)] = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"/ ")) }
        }
        result.append(attributes)
        rest = rest[end...]
    }
    return result
}

@Suite struct SVGChartsTests {
    let chart = BarChart(title: "同比增速", bars: [
        (label: "钦南区", value: dec("16.3")), (label: "钦北区", value: dec("8.1")),
        (label: "灵山县", value: dec("-3.04")), (label: "浦北县", value: nil), (label: "港区", value: dec("15")),
    ], targetLine: 15)

    @Test func oneBarPerRegionWithAValueAndOneTargetLine() {
        let svg = svgBarChart(chart)
        let bars = elements("rect", class: "bar", in: svg)
        #expect(bars.count == 4)
        #expect(elements("line", class: "target", in: svg).count == 1)
        #expect(svg.contains("stroke-dasharray"))
        #expect(svg.contains(">目标 15.0%</text>"))
        for label in ["钦南区", "钦北区", "灵山县", "浦北县", "港区"] {
            #expect(elements("text", class: "label", in: svg).count == 5)
            #expect(svg.contains(">\(label)</text>"))
        }
        #expect(svg.contains(">无数据</text>"))
        #expect(svg.contains(">16.3%</text>") && svg.contains(">-3.0%</text>"))
    }

    @Test func coloursFollowTheTargetAndNegativesHangBelowTheAxis() throws {
        let svg = svgBarChart(chart)
        let bars = elements("rect", class: "bar", in: svg)
        #expect(bars.map { $0["fill"] } == [meetsColour, missesColour, missesColour, meetsColour])
        let axisY = try #require(elements("line", class: "axis", in: svg).first?["y1"].flatMap(Double.init))
        let targetY = try #require(elements("line", class: "target", in: svg).first?["y1"].flatMap(Double.init))
        #expect(targetY < axisY)
        let negative = bars[2]
        #expect(Double(negative["y"]!)! == axisY)
        for positive in [bars[0], bars[1], bars[3]] {
            #expect(abs(Double(positive["y"]!)! + Double(positive["height"]!)! - axisY) < 0.11)
        }
        // The bar at exactly the target reaches the target line.
        #expect(abs(Double(bars[3]["y"]!)! - targetY) < 0.11)
        // Taller value, taller bar.
        #expect(Double(bars[0]["height"]!)! > Double(bars[1]["height"]!)!)
    }

    @Test func progressChartHasGoalAndTimeProgressLines() throws {
        let chart = ProgressChart(title: "完成率", bars: [ChartBar(label: "钦南区", value: 112), ChartBar(label: "灵山县", value: dec("38.5")), ChartBar(label: "浦北县", value: nil)], timeProgress: 50)
        let svg = svgProgressChart(chart)
        let bars = elements("rect", class: "bar", in: svg)
        #expect(bars.count == 2)
        #expect(bars.map { $0["fill"] } == [meetsColour, belowGoalColour])
        let goalX = try #require(elements("line", class: "goal", in: svg).first?["x1"].flatMap(Double.init))
        let timeX = try #require(elements("line", class: "time-progress", in: svg).first?["x1"].flatMap(Double.init))
        #expect(timeX < goalX)
        #expect(Double(bars[0]["x"]!)! + Double(bars[0]["width"]!)! > goalX)
        #expect(svg.contains(">时间进度 50.0%</text>"))
        #expect(svg.contains(">38.5%</text>"))
    }

    /// Mid-year a bar is judged against time progress, not the year's goal nobody has reached.
    @Test func progressBarsAreColouredByTimeProgressBeforeTheYearEnds() throws {
        let chart = ProgressChart(title: "完成率", bars: [ChartBar(label: "钦南区", value: dec("52.2")), ChartBar(label: "灵山县", value: dec("48"))],
                                  goal: 100, goalLabel: "全年目标", timeProgress: 50)
        let bars = elements("rect", class: "bar", in: svgProgressChart(chart))
        #expect(bars.map { $0["fill"] } == [meetsColour, belowGoalColour])
        #expect(svgProgressChart(chart).contains("超过时间进度"))
        let text = textChart(.progress(chart))
        #expect(text.contains("超过时间进度") && text.contains("落后时间进度") && !text.contains("未达标"))
        // Exactly on pace (690 of 1380 at June): neither ahead nor behind.
        let even = ProgressChart(title: "完成率", bars: [ChartBar(label: "钦南区", value: 50)], goal: 100, goalLabel: "全年目标",
                                 timeProgress: 50)
        #expect(textChart(.progress(even)).contains("与时间进度持平"))
        #expect(!textChart(.progress(even)).contains("超过时间进度"))
    }

    /// A value label is not crossed by the dashed target line: `12.5%` sat under 目标 15.0%.
    @Test(arguments: ["12.5", "14", "14.9", "15", "15.5", "-3", "30"])
    func barValueLabelsStayClearOfTheTargetLine(value: String) throws {
        let chart = BarChart(title: "同比增速", bars: [(label: "钦南区", value: dec(value)), (label: "钦北区", value: dec("30")),
                                                   (label: "灵山县", value: dec("-3"))], targetLine: 15)
        let svg = svgBarChart(chart)
        let targetY = try #require(elements("line", class: "target", in: svg).first?["y1"].flatMap(Double.init))
        let labelY = try #require(elements("text", class: "value", in: svg).first?["y"].flatMap(Double.init))
        // 11 px digits: about 10 px above the baseline to 3 px below it.
        #expect(targetY <= labelY - 12 || targetY >= labelY + 4, "label at \(labelY), target line at \(targetY)")
        // Still on the bar's side of the line it belongs to: above a bar reaching up.
        if dec(value) >= 0 { #expect(labelY < (elements("rect", class: "bar", in: svg).first?["y"].flatMap(Double.init) ?? 0)) }
    }

    /// Nor by the goal or the time-progress line: `39.9%` sat on 时间进度 41.7%.
    @Test(arguments: ["39.9", "41", "41.7", "98.5", "20"])
    func progressValueLabelsStayClearOfTheirLines(value: String) throws {
        let chart = ProgressChart(title: "完成率", bars: [ChartBar(label: "钦南区", value: dec(value))], goal: 100,
                                  goalLabel: "全年目标", timeProgress: dec("41.666666"))
        let svg = svgProgressChart(chart)
        let lines = try ["goal", "time-progress"].map { try #require(elements("line", class: $0, in: svg).first?["x1"].flatMap(Double.init)) }
        let label = try #require(elements("text", class: "value", in: svg).first)
        let x = try #require(label["x"].flatMap(Double.init))
        let width = labelWidth(formatDecimal(dec(value), scale: 1) + "%")
        for line in lines { #expect(line <= x - 2 || line >= x + width + 2, "label \(x)…\(x + width), line at \(line)") }
    }

    @Test(arguments: [[dec("16.3"), dec("-3")], [dec("0.02"), dec("0.01")], [dec("1234567.89")], []])
    func ticksAreExactAndCoverTheValues(values: [Decimal]) {
        let scale = AxisScale(values: values, includeZero: true)
        #expect(scale.ticks.first == scale.low && scale.ticks.last == scale.high)
        for v in values + [0] { #expect(scale.low <= v && v <= scale.high) }
        #expect((4...14).contains(scale.ticks.count))
    }

    @Test(arguments: [(0.0, "0"), (12.34, "12.3"), (-7.06, "-7.1"), (1e-9, "0"), (640, "640")])
    func pixelFormatting(value: Double, expected: String) {
        #expect(px(value) == expected)
    }
}
