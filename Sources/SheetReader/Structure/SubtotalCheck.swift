import Foundation

/// An amount read from a money cell, with the rounding bound its display implies:
/// half a unit of its last shown decimal place, in 万元.
///
/// Exact either way: in fixed point (integer units of 10⁻⁸ 万元) when the value fits an
/// `Int64`, which covers every realistic cell and makes the per-row sums cheap integer
/// additions (Foundation's `Decimal` addition was 18% of the reader's time); otherwise as
/// `Decimal`. A sum falls back to `Decimal` the moment a term does not fit or it overflows.
struct Amount: Sendable {
    static let scale = 8
    private var fixedValue: Int64 = 0
    private var fixedHalf: Int64 = 0
    private var decimal: (wan: Decimal, half: Decimal)?

    static let zero = Amount()
    private init() {}

    init(wan: Decimal, halfULP: Decimal) {
        decimal = (wan, halfULP)
    }

    /// A cell value `significand × 10^exponent` with `decimals` shown, in a unit that is
    /// `10^unitShift` 万元 (亿元 4, 百万元 2, 万元 0, 千元 −1, 元 −4). Nil when it does not fit fixed point.
    init?(significand: UInt64, exponent: Int, negative: Bool, decimals: Int, unitShift: Int) {
        let valueShift = exponent + unitShift + Amount.scale
        let halfShift = Amount.scale + unitShift - decimals - 1
        guard (0...18).contains(valueShift), (0...18).contains(halfShift), significand <= UInt64(Int64.max) else { return nil }
        let (v, overflow) = Int64(significand).multipliedReportingOverflow(by: Amount.powers[valueShift])
        guard !overflow else { return nil }
        fixedValue = negative ? -v : v
        fixedHalf = 5 * Amount.powers[halfShift]
    }

    private static let powers: [Int64] = (0...18).map { n in (0..<n).reduce(Int64(1)) { p, _ in p * 10 } }

    /// The value in units of 10⁻⁸ 万元 when held in fixed point.
    var fixedUnits: Int64? { decimal == nil ? fixedValue : nil }
    /// `SheetReading.absurdAmountWan` (10⁸ 万元) in those units.
    static let absurdUnits: UInt64 = 10_000_000_000_000_000

    var wan: Decimal {
        decimal?.wan ?? Amount.decimal(fixedValue)
    }
    var halfULP: Decimal {
        decimal?.half ?? Amount.decimal(fixedHalf)
    }

    private static func decimal(_ units: Int64) -> Decimal {
        Decimal(sign: units < 0 ? .minus : .plus, exponent: -scale, significand: Decimal(units.magnitude))
    }

    mutating func add(_ other: Amount) {
        if decimal == nil, other.decimal == nil {
            let (v, o1) = fixedValue.addingReportingOverflow(other.fixedValue)
            let (h, o2) = fixedHalf.addingReportingOverflow(other.fixedHalf)
            if !o1 && !o2 { fixedValue = v; fixedHalf = h; return }
        }
        decimal = (wan + other.wan, halfULP + other.halfULP)
    }
}

/// Checks subtotal rows against the sum of the data rows they cover (DESIGN §5).
///
/// Coverage: `小计` (and `X小计`/`X合计`) covers the data rows since the previous section or
/// subtotal row, or, when those do not add up, since the level-1 section it closes (a `小计`
/// under `（一）新建 … （二）续建 …` is the whole `一、工业项目`'s); `合计`/`总计`/`全市合计` the whole sheet; a section row that carries amounts
/// (`一、产业项目,,1234`) the rows up to the next section of the same or a higher level. A
/// subtotal that comes before the rows it covers (a 合计 right under the header) is checked
/// when its scope ends. So is a `小计` that does not add up to the rows above it: statistics
/// bureaus put a group's total before its members (`其中：县区合计 | 钦南区 | 灵山县 | 园区合计 | …`),
/// so it is checked against the rows below it too, and warned about (with the rows above) only
/// when neither adds up.
///
/// Tolerance: the values were rounded for display, so a subtotal may differ from the sum by
/// at most the sum of every involved cell's rounding bound (half a unit of each cell's last
/// shown decimal: 0.005 for `12.34`, 0.5 for `12`). Anything beyond is a `SheetWarning`.
struct SubtotalChecker {
    struct Sums {
        var rows = 0
        /// Data rows in the range that were rejected, so are missing from the sums.
        var rejected = 0
        var firstLine: Int?
        var lastLine: Int?
        /// Sums by slot (`SubtotalChecker.slot`); slots not reached yet are zero.
        var values: [Amount] = []

        mutating func add(_ amounts: RowAmounts, line: Int) {
            rows += 1
            firstLine = firstLine ?? line
            lastLine = line
            for slot in amounts.touched {
                if slot >= values.count { values += Array(repeating: .zero, count: slot + 1 - values.count) }
                values[slot].add(amounts.values[slot]!)
            }
        }

        func value(_ slot: Int?) -> Amount {
            guard let slot, slot < values.count else { return .zero }
            return values[slot]
        }
    }

    /// One data row's amounts by slot: an array reset per row instead of a String-keyed
    /// dictionary (hashing the keys of every money cell, several times a row, was a
    /// noticeable share of the reader).
    struct RowAmounts {
        fileprivate(set) var values: [Amount?] = []
        fileprivate(set) var touched: [Int] = []

        /// Later amounts for the same slot replace earlier ones, as the dictionary did.
        mutating func set(_ slot: Int, _ amount: Amount) {
            if slot >= values.count { values += Array(repeating: nil, count: slot + 1 - values.count) }
            if values[slot] == nil { touched.append(slot) }
            values[slot] = amount
        }

        mutating func removeAll() {
            for slot in touched { values[slot] = nil }
            touched.removeAll(keepingCapacity: true)
        }
    }

    enum Scope: Equatable {
        case section(level: Int)
        case nextBoundary
        case endOfSheet
    }

    struct Open {
        var line: Int
        var label: String
        var expected: [String: Amount]
        var scope: Scope
        var sums = Sums()
        /// The rows above a subtotal that did not add up to them, for the warning when the rows
        /// below do not either.
        var above: Sums?
    }

    var names: [String: String] = [:]   // key -> column name for messages
    private(set) var warnings: [SheetWarning] = []
    private var whole = Sums()
    private var sinceBoundary = Sums()
    /// Rows since the last level-1 section or subtotal: a `小计` after sub-sections
    /// (`一、工业项目 / （一）新建 / （二）续建 / 小计`) is the whole section's.
    private var sinceTopSection = Sums()
    private var open: [Open] = []
    /// Amount keys by slot, and back.
    private var keys: [String] = []
    private var slots: [String: Int] = [:]

    /// The slot of an amount key, assigned on first use.
    mutating func slot(_ key: String) -> Int {
        if let s = slots[key] { return s }
        keys.append(key)
        slots[key] = keys.count - 1
        return keys.count - 1
    }

    mutating func data(_ amounts: [String: Amount], line: Int) {
        var row = RowAmounts()
        for (key, a) in amounts { row.set(slot(key), a) }
        data(row, line: line)
    }

    /// A data row that was rejected: not in the sums, but in the ranges a subtotal covers.
    mutating func rejected() {
        whole.rejected += 1
        sinceBoundary.rejected += 1
        sinceTopSection.rejected += 1
        for i in open.indices { open[i].sums.rejected += 1 }
    }

    mutating func data(_ amounts: RowAmounts, line: Int) {
        whole.add(amounts, line: line)
        sinceBoundary.add(amounts, line: line)
        sinceTopSection.add(amounts, line: line)
        for i in open.indices { open[i].sums.add(amounts, line: line) }
    }

    mutating func section(level: Int, label: String, line: Int, amounts: [String: Amount]) {
        close { $0 == .nextBoundary || { if case .section(let l) = $0 { return l >= level } else { return false } }($0) }
        sinceBoundary = Sums()
        if level <= 1 { sinceTopSection = Sums() }
        if !amounts.isEmpty { open.append(Open(line: line, label: label, expected: amounts, scope: .section(level: level))) }
    }

    mutating func subtotal(label: String, wholeSheet: Bool, line: Int, amounts: [String: Amount]) {
        if wholeSheet {
            if whole.rows > 0 {
                close { _ in true }
                compare(label: label, line: line, expected: amounts, sums: whole)
            } else if !amounts.isEmpty {
                open.append(Open(line: line, label: label, expected: amounts, scope: .endOfSheet))
            }
        } else {
            close { $0 == .nextBoundary }
            if sinceBoundary.rows > 0 {
                let wholeSection = sinceTopSection.rows > sinceBoundary.rows && mismatches(amounts, sinceTopSection).isEmpty
                if !mismatches(amounts, sinceBoundary).isEmpty && !wholeSection {
                    open.append(Open(line: line, label: label, expected: amounts, scope: .nextBoundary, above: sinceBoundary))
                }
            } else if !amounts.isEmpty {
                open.append(Open(line: line, label: label, expected: amounts, scope: .nextBoundary))
            }
        }
        sinceBoundary = Sums()
        sinceTopSection = Sums()
    }

    mutating func warn(_ warning: SheetWarning) {
        warnings.append(warning)
    }

    mutating func finish() {
        close { _ in true }
    }

    private mutating func close(where shouldClose: (Scope) -> Bool) {
        var keep: [Open] = []
        for o in open {
            if !shouldClose(o.scope) { keep.append(o) }
            else if let above = o.above {
                // Warned about where it stands among the warnings, as if checked at once.
                if !mismatches(o.expected, o.sums).isEmpty {
                    let at = warnings.firstIndex { ($0.line ?? 0) > o.line } ?? warnings.count
                    let before = warnings
                    warnings = Array(before[..<at])
                    compare(label: o.label, line: o.line, expected: o.expected, sums: above)
                    warnings += before[at...]
                }
            } else {
                compare(label: o.label, line: o.line, expected: o.expected, sums: o.sums)
            }
        }
        open = keep
    }

    /// The keys whose subtotal differs from the sum beyond rounding, with the difference and tolerance.
    private func mismatches(_ expected: [String: Amount], _ sums: Sums) -> [(key: String, sum: Amount, diff: Decimal, tolerance: Decimal)] {
        expected.keys.sorted().compactMap { key in
            let e = expected[key]!
            let s = sums.value(slots[key])
            var diff = e.wan - s.wan
            if diff < 0 { diff = -diff }
            let tolerance = e.halfULP + s.halfULP
            return diff > tolerance ? (key, s, diff, tolerance) : nil
        }
    }

    private mutating func compare(label: String, line: Int, expected: [String: Amount], sums: Sums) {
        for (key, s, diff, tolerance) in mismatches(expected, sums) {
            let e = expected[key]!
            let name = names[key] ?? key
            let covered = sums.rows == 0 ? "no data rows"
                : "the \(sums.rows) data row\(sums.rows == 1 ? "" : "s") it covers (lines \(sums.firstLine!)–\(sums.lastLine!))"
            // A rejected row in the range is the likelier story than a wrong subtotal.
            let rejects = sums.rejected == 0 ? ""
                : "; \(sums.rejected) rejected row\(sums.rejected == 1 ? "" : "s") in its range \(sums.rejected == 1 ? "is" : "are") not in the sum"
            warnings.append(SheetWarning(line: line, message:
                "subtotal row '\(label)' gives \(name) = \(e.wan) 万元 but \(covered) sum to \(s.wan) 万元 (difference \(diff), rounding tolerance \(tolerance))\(rejects)"))
        }
    }
}
