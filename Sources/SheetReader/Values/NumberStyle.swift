import Foundation

/// How a file writes its numbers: which mark separates the decimals and which the thousands.
/// A property of the PC that exported the file, so decided once per file (`NumberStyleEvidence`).
public enum NumberStyle: String, Sendable, Equatable {
    /// `1,234.5`: Chinese and English regional settings. Comma and tab files are always read so.
    case decimalPoint = "decimal point"
    /// `1.234,5`: continental European regional settings, whose list separator, and so the
    /// delimiter of the CSV Excel writes there, is `;`.
    case decimalComma = "decimal comma"
    /// A `;` file whose numbers do not tell: a cell that reads one way only (`987,6`,
    /// `1234.5`) is read so; one that reads both ways with different values (`12.000`: 12 or
    /// 12000) is rejected.
    case undecided
}

/// The numeric cells of a `;`-delimited file's first data rows, and the style they show.
///
/// - a decimal comma (`987,6`, `1.234,5`) or dots between thousands (`1.234.567`) reads only
///   in the continental style; a decimal point (`1234.5`, `1,234.5`, `0.250`) only in the usual;
/// - `12.000` or `1,234` reads both ways. A column that holds such a cell and also a small one
///   without separator (`2.500` above `800` or `0`) groups thousands with that mark: under a
///   fixed three-decimal format `800` would read `800.000`;
/// - nothing else decides: the style stays `undecided`, and cells that read both ways are rejected.
struct NumberStyleEvidence {
    struct Cell: Equatable {
        var line: Int
        var column: Int
        var text: String
    }

    /// The first cell that reads only with a decimal comma, and the first only with a point.
    private(set) var comma: Cell?
    private(set) var point: Cell?
    /// The first cell whose value depends on the style, with `.` (`12.000`) or `,` (`1,234`).
    private(set) var dotted: Cell?
    private(set) var commaGrouped: Cell?
    /// Per column: its first ambiguous cell of each mark and its first small plain number.
    private struct ColumnCells {
        var dotted, commaGrouped, plain: Cell?
    }
    private var columns: [Int: ColumnCells] = [:]

    mutating func add(_ text: String, line: Int, column: Int) {
        let cell = Cell(line: line, column: column, text: ValueParser.clean(text))
        // nil for an empty cell (both nil) or one that does not read in that style.
        let point = try? ValueParser.number(text, style: .decimalPoint)
        let comma = try? ValueParser.number(text, style: .decimalComma)
        switch (point, comma) {
        case (let p?, let c?):
            let hasDot = cell.text.contains("."), hasComma = cell.text.contains(",")
            if p.value == c.value {
                if !hasDot, !hasComma, abs(p.value) < 1000 { Self.keepFirst(&columns[column, default: ColumnCells()].plain, cell) }
            } else if hasDot {
                Self.keepFirst(&dotted, cell)
                Self.keepFirst(&columns[column, default: ColumnCells()].dotted, cell)
            } else {
                Self.keepFirst(&commaGrouped, cell)
                Self.keepFirst(&columns[column, default: ColumnCells()].commaGrouped, cell)
            }
        case (_?, nil): Self.keepFirst(&self.point, cell)
        case (nil, _?): Self.keepFirst(&self.comma, cell)
        case (nil, nil): break
        }
    }

    /// The style, and the batch warning that says why when the reading of a cell depends on it.
    /// `name` gives a column's header for the message.
    func decision(name: (Int) -> String) -> (style: NumberStyle, warning: SheetWarning?) {
        func at(_ c: Cell) -> String { "line \(c.line), \(name(c.column))" }
        let continental = "numbers are read in the continental style, '.' between thousands and ',' before decimals (12.000 is 12000, 987,6 is 987.6)"
        switch (comma, point) {
        case (let c?, nil):
            return (.decimalComma, SheetWarning(line: c.line, message:
                "\(continental): '\(c.text)' (\(at(c))) has a decimal comma, as Excel writes on a PC whose list separator is ';'"))
        case (nil, let p?):
            return (.decimalPoint, dotted.map { d in pointWarning(d, because: "'\(p.text)' (\(at(p))) has a decimal point", at: at) })
        case (let c?, let p?):
            return (.undecided, SheetWarning(line: c.line, message:
                "this ;-delimited file writes numbers both ways, '\(c.text)' (\(at(c))) with a decimal comma and '\(p.text)' (\(at(p))) with a decimal point: each cell is read as it can only be read, and one that reads both ways (12.000: 12 or 12000) is rejected"))
        case (nil, nil):
            switch (beside(\.dotted), beside(\.commaGrouped)) {
            case (let (d, p)?, nil):
                return (.decimalComma, SheetWarning(line: d.line, message:
                    "\(continental): '\(d.text)' (\(at(d))) stands in one column with '\(p.text)' (line \(p.line)), as Excel writes amounts with '.' between thousands (with '.' as the decimal point, '\(d.text)' needs a three-decimal format, which would show '\(p.text).000')"))
            case (nil, let (g, p)?):
                return (.decimalPoint, dotted.map { d in
                    pointWarning(d, because: "'\(g.text)' (\(at(g))) stands in one column with '\(p.text)' (line \(p.line)), so ',' groups thousands", at: at)
                })
            default:
                return (.undecided, nil)
            }
        }
    }

    /// Keeps the first cell seen of a kind.
    private static func keepFirst(_ slot: inout Cell?, _ cell: Cell) {
        if slot == nil { slot = cell }
    }

    /// The first column holding an ambiguous cell of a mark (`\.dotted`) and a small plain
    /// number: the cell, and the number.
    private func beside(_ mark: KeyPath<ColumnCells, Cell?>) -> (Cell, Cell)? {
        columns.keys.sorted().lazy.compactMap { k -> (Cell, Cell)? in
            guard let cells = columns[k], let ambiguous = cells[keyPath: mark], let plain = cells.plain else { return nil }
            return (ambiguous, plain)
        }.first
    }

    private func pointWarning(_ d: Cell, because: String, at: (Cell) -> String) -> SheetWarning {
        let value = (try? ValueParser.number(d.text, style: .decimalPoint))?.value ?? 0
        return SheetWarning(line: d.line, message:
            "'\(d.text)' (\(at(d))) is read as \(value), with '.' as the decimal point, not between thousands: \(because)")
    }
}

