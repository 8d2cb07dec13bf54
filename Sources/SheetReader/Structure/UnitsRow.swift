import Foundation

/// A row of units under the header (`| | 亿元 | 万元`, `（亿元）`, `%`), as Excel and WPS templates
/// put them: each column's unit, read as if its header cell ended with it. Ignored, the row was
/// rejected as a project without a code and its 亿元 amounts loaded as 万元.
extension SheetReading {
    /// The unit each cell names (normalised, brackets dropped; nil where empty), when every
    /// non-empty cell is a unit word and one is a unit of money or `%`; nil for any other row.
    /// The first may label the row (`单位 | | 亿元 | 万元`).
    static func unitsRow(_ fields: [String]) -> [String?]? {
        var units: [String?] = []
        var money = false
        for field in fields {
            var t = NameNormalizer.normalize(field)
            if t.hasPrefix("("), t.hasSuffix(")") { t = String(t.dropFirst().dropLast()) }
            if units.allSatisfy({ $0 == nil }), ["单位", "计量单位", "金额单位", "单位:", "计量单位:"].contains(t) { t = "" }
            if t.isEmpty { units.append(nil); continue }
            guard isUnitWord(t) else { return nil }
            if MoneyUnit(text: t) != nil || t == "%" { money = true }
            units.append(t)
        }
        return money ? units : nil
    }

    /// The header rows with the units folded in: a unit of money or `%` joins the sub cell above
    /// it, else the top cell (merged down), else stands alone on the sub row (under a merged top
    /// cell). Units of things (`个`) are left out: only money and rates are converted.
    static func folding(_ units: [String?], top: (raw: [String], cells: [CellMatch]),
                        sub: (raw: [String], cells: [CellMatch])?, analyzer: HeaderAnalyzer) -> (top: [CellMatch], sub: [CellMatch]?) {
        var topCells = top.cells
        var subCells = sub?.cells
        for (c, unit) in units.enumerated() {
            guard let unit, MoneyUnit(text: unit) != nil || unit == "%" else { continue }
            let suffix = "(\(unit))"
            if let s = sub, c < s.raw.count, !normalizesEmpty(s.raw[c]) {
                subCells![c] = analyzer.match(s.raw[c] + suffix)
            } else if c < top.raw.count, !normalizesEmpty(top.raw[c]) {
                topCells[c] = analyzer.match(top.raw[c] + suffix)
            } else if subCells != nil {
                while subCells!.count <= c { subCells!.append(CellMatch(header: HeaderText(""))) }
                subCells![c] = analyzer.match(suffix)
            }
        }
        return (topCells, subCells)
    }
}
