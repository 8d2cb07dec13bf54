import Foundation

extension SheetReading {
    /// A statistics bureau's three-row header: `县区` and `备注` merged down over all three rows,
    /// a group heading (`主要投资指标`) over the indicators, the indicators, then their measures.
    /// A merged cell exports its text in its top row, so the header found (the indicators' row)
    /// has no region column and the region's name sits in the row above, which was taken for a
    /// title: the sheet was rejected. Here that row is part of the header when it names columns
    /// the header leaves empty, holds no figure, and its other cells are over named columns (the
    /// group heading). Returns the header with those names filled in, or nil.
    static func withGroupRow(_ above: CSVRecord, analyzer: HeaderAnalyzer,
                             over header: (record: CSVRecord, cells: [CellMatch])) -> (record: CSVRecord, cells: [CellMatch])? {
        let cells = above.fields.map(analyzer.match)
        func headerIsEmpty(_ c: Int) -> Bool { c >= header.cells.count || header.cells[c].isEmpty }
        var filled = header
        var names = 0
        for (c, cell) in cells.enumerated() where !cell.isEmpty {
            if (try? ValueParser.number(above.fields[c])) != nil { return nil }
            let known = cell.isKnown || cell.ignored
            if headerIsEmpty(c) {
                guard known else { return nil }
                if cell.isKnown { names += 1 }
                while filled.cells.count <= c {
                    filled.cells.append(CellMatch(header: HeaderText("")))
                    filled.record.fields.append("")
                }
                filled.cells[c] = cell
                filled.record.fields[c] = above.fields[c]
            } else if known {
                return nil   // a title or another header over a named column: not a group row
            }
        }
        return names > 0 ? filled : nil
    }
}
