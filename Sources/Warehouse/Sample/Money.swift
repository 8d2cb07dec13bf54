/// Sample amounts are integers of 0.01 万元 (never floating point): exact sums for 小计 rows.
public enum SampleMoney {
    /// `123456` → `1234.56`; negative values keep their sign.
    public static func format(_ cents: Int64, thousands: Bool = false) -> String {
        let negative = cents < 0
        let magnitude = negative ? -cents : cents
        var whole = String(magnitude / 100)
        if thousands, whole.count > 3 {
            var grouped = ""
            for (i, ch) in whole.enumerated() {
                if i > 0, (whole.count - i) % 3 == 0 { grouped.append(",") }
                grouped.append(ch)
            }
            whole = grouped
        }
        let fraction = magnitude % 100
        return (negative ? "-" : "") + whole + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// A percentage with one decimal from an exact ratio: (a − b) / b × 100, rounded half up.
    public static func yoyPercent(_ current: Int64, prior: Int64) -> String? {
        guard prior != 0 else { return nil }
        // tenths of a percent = (current - prior) * 1000 / prior, rounded half away from zero
        let numerator = (current - prior) * 1000
        var tenths = numerator / prior
        let remainder = numerator % prior
        if 2 * abs(remainder) >= abs(prior) { tenths += (numerator < 0) != (prior < 0) ? -1 : 1 }
        let negative = tenths < 0
        let magnitude = abs(tenths)
        return (negative ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}
