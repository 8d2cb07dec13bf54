import Foundation

/// A targets sheet's rate column (`目标增速（%）`) written as fractions (`0.15` for 15 %): a
/// clerk's Excel cell formatted as a number instead of a percentage. Read as written, 0.15 was
/// a target of 0.15 %, which every county beats. Decided for the whole column, since one
/// small rate (`0.5`) can be a real half percent.
enum TargetRates {
    enum Column: Equatable {
        /// Every rate strictly between -1 and 1 and one not zero: fractions, ×100.
        case fractions
        /// Percents as written; `wholeSeen` when some rate is 1 or more, so that a bare rate
        /// below 1 beside it (`15 | 0.15 | 30`) stands out.
        case percents(wholeSeen: Bool)
    }

    /// The column's reading from its rates (`percentSign`: the cell wrote `%`).
    static func column(_ rates: [(value: Decimal, percentSign: Bool)]) -> Column {
        let whole = rates.contains { abs($0.value) >= 1 }
        if !whole, rates.contains(where: { !$0.percentSign && $0.value != 0 }) { return .fractions }
        return .percents(wholeSeen: whole)
    }

    static func hasPercentSign(_ cell: String) -> Bool {
        cell.contains("%") || cell.contains("％")
    }
}

extension TargetRates {
    /// A reported growth column (`同比增长（%）`) whose rates `column` reads as fractions, checked
    /// against the sheet's own figures: true when every row with a rate, a value and a prior-year
    /// figure has a computed growth (value ÷ prior − 1) within half a point of the rate × 100 and
    /// nearer it than the rate as written (`0.153` beside 1153 | 1000); false when a row
    /// disagrees; nil when no row has both figures (the sheet cannot tell).
    static func provenByFigures(_ rows: [(rate: Decimal, value: Decimal?, prior: Decimal?)]) -> Bool? {
        var checked = 0
        for row in rows where row.rate != 0 {
            guard let value = row.value, let prior = row.prior, prior > 0 else { continue }
            let computed = (value / prior - 1) * 100
            let asFraction = abs(computed - row.rate * 100), asWritten = abs(computed - row.rate)
            guard asFraction <= Decimal(string: "0.5")!, asFraction < asWritten else { return false }
            checked += 1
        }
        return checked > 0 ? true : nil
    }
}
