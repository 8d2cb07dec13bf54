// Delimiter detection from the start of the decoded text (DESIGN §5: comma, tab or semicolon).
//
// Title rows (`附件1`, `2022年…进度表`) often carry no delimiter, or a few trailing empty
// cells, so the rule looks at every record of the sample: for each candidate it counts the
// delimiters outside quotes per record, and picks the candidate whose most common non-zero
// count is shared by the most records (the table body), then the one on more records, then
// the one giving more columns. Nothing found: comma.

enum DelimiterDetection {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")]

    /// `text` is UTF-8; without `complete`, its last record may be cut and is ignored.
    /// `preferTab` puts tab first on a full tie (UTF-16 "Unicode text" exports are tab-separated).
    static func detect(_ text: UnsafeBufferPointer<UInt8>, complete: Bool, preferTab: Bool = false) -> UInt8 {
        let order = preferTab ? [UInt8(ascii: "\t"), UInt8(ascii: ","), UInt8(ascii: ";")] : candidates
        var best: (delimiter: UInt8, score: (Int, Int, Int))?
        for d in order {
            let counts = countsPerRecord(text, delimiter: d, complete: complete)
            var histogram: [Int: Int] = [:]
            for c in counts where c > 0 { histogram[c, default: 0] += 1 }
            guard let mode = histogram.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            let score = (mode.value, histogram.values.reduce(0, +), mode.key)
            if best == nil || score > best!.score { best = (d, score) }
        }
        return best?.delimiter ?? UInt8(ascii: ",")
    }

    /// Delimiters outside quotes in each record (quotes open only at the start of a field).
    static func countsPerRecord(_ p: UnsafeBufferPointer<UInt8>, delimiter d: UInt8, complete: Bool) -> [Int] {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var counts: [Int] = []
        var count = 0
        var inQuotes = false
        var atFieldStart = true
        var i = 0
        while i < p.count {
            let b = p[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < p.count, p[i + 1] == quote { i += 1 } else { inQuotes = false }
                }
            } else if b == quote && atFieldStart {
                inQuotes = true
            } else if b == d {
                count += 1
                atFieldStart = true
                i += 1
                continue
            } else if b == lf || b == cr {
                counts.append(count)
                count = 0
                if b == cr, i + 1 < p.count, p[i + 1] == lf { i += 1 }
                atFieldStart = true
                i += 1
                continue
            }
            atFieldStart = false
            i += 1
        }
        if complete && (count > 0 || (!p.isEmpty && !inQuotes)) { counts.append(count) }
        return counts
    }
}
