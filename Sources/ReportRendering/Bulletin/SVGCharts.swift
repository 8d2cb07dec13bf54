import Foundation

// Geometry note: positions and lengths are computed in Double — that is layout, not money.
// Every number shown as text (bar values, target and axis labels) is formatted from Decimal.

let meetsColour = "#2da44e"
let missesColour = "#cf222e"
let belowGoalColour = "#d4792c"
let neutralColour = "#0969da"
let targetColour = "#bf3989"
let timeColour = "#0969da"

/// Vertical bar chart as inline SVG: one `<rect class="bar">` per bar with a value, a dashed
/// `<line class="target">` at the target, a zero axis, tick labels, region labels underneath.
func svgBarChart(_ chart: BarChart) -> String {
    let values = chart.bars.compactMap(\.value)
    let scale = AxisScale(values: values + (chart.targetLine.map { [$0] } ?? []), includeZero: true)
    let longestLabel = chart.bars.map { displayWidth($0.label) }.max() ?? 0
    let labelFont = 13.0
    let labelWidth = Double(longestLabel) * labelFont / 2  // one display column ≈ half an em
    // Widen slots for long names (up to a point) so labels stay horizontal; rotate beyond that.
    let slot = min(max(64, labelWidth + 10), 112)
    let left = 56.0, right = 120.0, top = 52.0, plotHeight = 260.0
    let rotateLabels = labelWidth > slot - 6
    let barWidth = min(slot * 0.6, 40)
    let bottom = rotateLabels ? 24 + labelWidth * 0.65 : 40.0
    let width = max(640, left + slot * Double(max(chart.bars.count, 1)) + right)
    let height = top + plotHeight + bottom
    func y(_ v: Decimal) -> Double { top + plotHeight * (1 - scale.fraction(v)) }
    let zeroY = y(0)

    var s = svgOpen(width: width, height: height, title: chart.title)
    s += text(x: width / 2, y: 24, chart.title, size: 16, anchor: "middle", weight: "bold", cls: "chart-title")
    if chart.targetLine != nil {
        s += legend(x: width - right - 160, y: 42, items: [(meetsColour, "达到目标"), (missesColour, "未达目标")])
    }
    for tick in scale.ticks {
        let ty = y(tick)
        s += line(x1: left, y1: ty, x2: width - right, y2: ty, stroke: "#eaeef2", width: 1)
        s += text(x: left - 6, y: ty + 4, formatDecimal(tick, scale: scale.tickScale) + chart.unit, size: 11, anchor: "end", fill: "#57606a")
    }
    for (i, bar) in chart.bars.enumerated() {
        let cx = left + slot * (Double(i) + 0.5)
        if let v = bar.value {
            let vy = y(v)
            let colour = chart.targetLine.map { v >= $0 ? meetsColour : missesColour } ?? neutralColour
            let barTop = min(vy, zeroY), barHeight = max(abs(zeroY - vy), 1)
            s += "<rect class=\"bar\" x=\"\(px(cx - barWidth / 2))\" y=\"\(px(barTop))\" width=\"\(px(barWidth))\" height=\"\(px(barHeight))\" fill=\"\(colour)\"><title>\(htmlEscape(bar.label + " " + formatDecimal(v, scale: 1) + chart.unit))</title></rect>\n"
            let labelY = valueLabelY(at: v < 0 ? vy + 14 : vy - 5, clearOf: chart.targetLine.map(y), above: v >= 0)
            s += text(x: cx, y: labelY, formatDecimal(v, scale: 1) + chart.unit, size: 11, anchor: "middle", fill: "#1f2328", cls: "value")
        } else {
            s += text(x: cx, y: zeroY - 5, "无数据", size: 11, anchor: "middle", fill: "#8c959f", cls: "value")
        }
        let ly = top + plotHeight + 18
        if rotateLabels {
            s += "<text class=\"label\" x=\"\(px(cx))\" y=\"\(px(ly))\" font-size=\"\(px(labelFont))\" text-anchor=\"end\" transform=\"rotate(-40 \(px(cx)) \(px(ly)))\">\(htmlEscape(bar.label))</text>\n"
        } else {
            s += text(x: cx, y: ly, bar.label, size: labelFont, anchor: "middle", cls: "label")
        }
    }
    s += line(x1: left, y1: zeroY, x2: width - right, y2: zeroY, stroke: "#57606a", width: 1.5, cls: "axis")
    if let target = chart.targetLine {
        let ty = y(target)
        s += line(x1: left, y1: ty, x2: width - right, y2: ty, stroke: targetColour, width: 2, dash: "6 4", cls: "target")
        s += text(x: width - right + 6, y: ty + 4, chart.targetLabel + " " + formatDecimal(target, scale: 1) + chart.unit, size: 12, anchor: "start", fill: targetColour, weight: "bold", cls: "target-label")
    }
    return s + "</svg>\n"
}

/// Horizontal progress bars as inline SVG: one `<rect class="bar">` per bar with a value, a
/// solid `<line class="goal">` and a dashed `<line class="time-progress">`.
func svgProgressChart(_ chart: ProgressChart) -> String {
    let values = chart.bars.compactMap(\.value)
    let scale = AxisScale(values: values + [chart.goal] + (chart.timeProgress.map { [$0] } ?? []), includeZero: true)
    let longestLabel = chart.bars.map { displayWidth($0.label) }.max() ?? 0
    let left = max(80, Double(longestLabel) * 7 + 16), right = 70.0, top = 64.0, row = 30.0, bottom = 30.0
    let width = 900.0
    let plotWidth = width - left - right
    let height = top + row * Double(max(chart.bars.count, 1)) + bottom
    func x(_ v: Decimal) -> Double { left + plotWidth * scale.fraction(v) }
    let zeroX = x(0)

    var s = svgOpen(width: width, height: height, title: chart.title)
    s += text(x: width / 2, y: 24, chart.title, size: 16, anchor: "middle", weight: "bold", cls: "chart-title")
    // Before December nobody has reached the year's goal: colour by time progress instead.
    let byTime = chart.timeProgress.map { $0 < chart.goal } ?? false
    let reference = byTime ? chart.timeProgress! : chart.goal
    s += legend(x: left, y: 44, items: byTime
        ? [(meetsColour, "超过\(chart.timeProgressLabel)"), (belowGoalColour, "落后\(chart.timeProgressLabel)")]
        : [(meetsColour, "达到\(chart.goalLabel)"), (belowGoalColour, "未达\(chart.goalLabel)")])
    for tick in scale.ticks {
        let tx = x(tick)
        s += line(x1: tx, y1: top - 4, x2: tx, y2: height - bottom, stroke: "#eaeef2", width: 1)
        s += text(x: tx, y: height - bottom + 16, formatDecimal(tick, scale: scale.tickScale) + chart.unit, size: 11, anchor: "middle", fill: "#57606a")
    }
    for (i, bar) in chart.bars.enumerated() {
        let cy = top + row * (Double(i) + 0.5)
        s += text(x: left - 8, y: cy + 5, bar.label, size: 13, anchor: "end", cls: "label")
        if let v = bar.value {
            let vx = x(v)
            let colour = v >= reference ? meetsColour : belowGoalColour
            s += "<rect class=\"bar\" x=\"\(px(min(vx, zeroX)))\" y=\"\(px(cy - row * 0.32))\" width=\"\(px(max(abs(vx - zeroX), 1)))\" height=\"\(px(row * 0.64))\" fill=\"\(colour)\"><title>\(htmlEscape(bar.label + " " + formatDecimal(v, scale: 1) + chart.unit))</title></rect>\n"
            let label = formatDecimal(v, scale: 1) + chart.unit
            let lines = [x(chart.goal)] + (chart.timeProgress.map { [x($0)] } ?? [])
            s += text(x: valueLabelX(at: max(vx, zeroX) + 5, width: labelWidth(label), clearOf: lines), y: cy + 4, label,
                      size: 11, anchor: "start", cls: "value")
        } else {
            s += text(x: zeroX + 5, y: cy + 4, "无数据", size: 11, anchor: "start", fill: "#8c959f", cls: "value")
        }
    }
    let gx = x(chart.goal)
    s += line(x1: gx, y1: top - 6, x2: gx, y2: height - bottom, stroke: "#1f2328", width: 1.5, cls: "goal")
    s += text(x: gx, y: top - 10, formatDecimal(chart.goal, scale: 0) + chart.unit, size: 11, anchor: "middle", weight: "bold")
    if let t = chart.timeProgress {
        let tx = x(t)
        s += line(x1: tx, y1: top - 6, x2: tx, y2: height - bottom, stroke: timeColour, width: 2, dash: "6 4", cls: "time-progress")
        s += text(x: tx + 4, y: top - 10, chart.timeProgressLabel + " " + formatDecimal(t, scale: 1) + chart.unit, size: 11, anchor: "start", fill: timeColour, weight: "bold", cls: "time-progress-label")
    }
    return s + "</svg>\n"
}

// Value labels (11 px) stay clear of the dashed target / time-progress lines, which crossed
// them (`12.5%` under 目标 15.0%, `39.9%` at 时间进度 41.7%).

/// Baseline of a bar's value label: as given, unless the label's glyphs (about 10 px above the
/// baseline to 3 px below) would touch the horizontal line at `lineY`; then just above that line
/// (a bar reaching up, `above`) or just below it (a bar hanging down).
func valueLabelY(at baseline: Double, clearOf lineY: Double?, above: Bool) -> Double {
    guard let lineY, lineY > baseline - 12, lineY < baseline + 4 else { return baseline }
    return above ? lineY - 5 : lineY + 14
}

/// Start of a progress bar's value label (`width` wide): as given, unless a vertical line at one
/// of `lines` crosses it; then just right of the last line it would touch.
func valueLabelX(at start: Double, width: Double, clearOf lines: [Double]) -> Double {
    var x = start
    for line in lines.sorted() where line > x - 2 && line < x + width + 2 { x = line + 5 }
    return x
}

/// Width of an 11 px label of digits, `.`, `%` and `-` (about 0.6 em each), for layout.
func labelWidth(_ label: String) -> Double { Double(displayWidth(label)) * 6.6 }

/// Axis range and ticks. The range comes from the data (Double is fine: layout); ticks are
/// exact Decimals 1, 2 or 5 × 10^k apart, so tick labels are exact.
struct AxisScale {
    var low: Decimal
    var high: Decimal
    var ticks: [Decimal]
    var tickScale: Int

    init(values: [Decimal], includeZero: Bool) {
        let doubles = values.map { NSDecimalNumber(decimal: $0).doubleValue }
        var lo = min(doubles.min() ?? 0, includeZero ? 0 : .infinity)
        var hi = max(doubles.max() ?? 1, includeZero ? 0 : -.infinity)
        if hi - lo < 1e-9 { hi = lo + 1 }
        let span = hi - lo
        let rough = span / 5
        let magnitude = floor(log10(rough))
        let normalised = rough / pow(10, magnitude)
        let mantissa = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10
        let step = Decimal(sign: .plus, exponent: Int(magnitude), significand: Decimal(mantissa))
        let stepD = NSDecimalNumber(decimal: step).doubleValue
        // Headroom so value labels above the highest bar stay inside.
        if hi > 0 { hi += span * 0.08 }
        if lo < 0 { lo -= span * 0.08 }
        let firstTick = Int(floor(lo / stepD)), lastTick = Int(ceil(hi / stepD))
        low = Decimal(firstTick) * step
        high = Decimal(lastTick) * step
        ticks = (firstTick...lastTick).map { Decimal($0) * step }
        tickScale = max(0, -Int(magnitude))
    }

    /// Position of `v` between low (0) and high (1).
    func fraction(_ v: Decimal) -> Double {
        let lo = NSDecimalNumber(decimal: low).doubleValue, hi = NSDecimalNumber(decimal: high).doubleValue
        return (NSDecimalNumber(decimal: v).doubleValue - lo) / (hi - lo)
    }
}

func svgOpen(width: Double, height: Double, title: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(px(width)) \(px(height))\" width=\"\(px(width))\" height=\"\(px(height))\" role=\"img\" aria-label=\"\(htmlEscape(title))\" font-family=\"\(htmlEscape(fontStack))\">\n<title>\(htmlEscape(title))</title>\n"
}

func text(x: Double, y: Double, _ content: String, size: Double, anchor: String,
          fill: String = "#1f2328", weight: String? = nil, cls: String? = nil) -> String {
    let classAttr = cls.map { " class=\"\($0)\"" } ?? ""
    let weightAttr = weight.map { " font-weight=\"\($0)\"" } ?? ""
    return "<text\(classAttr) x=\"\(px(x))\" y=\"\(px(y))\" font-size=\"\(px(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(weightAttr)>\(htmlEscape(content))</text>\n"
}

func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double,
          dash: String? = nil, cls: String? = nil) -> String {
    let classAttr = cls.map { " class=\"\($0)\"" } ?? ""
    let dashAttr = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
    return "<line\(classAttr) x1=\"\(px(x1))\" y1=\"\(px(y1))\" x2=\"\(px(x2))\" y2=\"\(px(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(px(width))\"\(dashAttr)/>\n"
}

func legend(x: Double, y: Double, items: [(colour: String, label: String)]) -> String {
    var s = ""
    var cursor = x
    for item in items {
        s += "<rect x=\"\(px(cursor))\" y=\"\(px(y - 10))\" width=\"12\" height=\"12\" fill=\"\(item.colour)\"/>\n"
        s += text(x: cursor + 16, y: y, item.label, size: 12, anchor: "start", fill: "#57606a")
        cursor += 16 + Double(displayWidth(item.label)) * 6.5 + 18
    }
    return s
}

/// Pixel coordinate with at most one decimal, never exponent notation.
func px(_ v: Double) -> String {
    guard v.isFinite else { return "0" }
    let tenths = Int((v * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let a = abs(tenths)
    return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
}
