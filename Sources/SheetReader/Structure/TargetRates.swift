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
