// A run of UTF-8 inside a GB18030 (GBK) file: a name pasted from a web page or WeChat into a
// sheet that is then saved as "CSV" (ANSI) keeps its UTF-8 bytes. Read as GBK they are rare
// characters (`标准厂房` came out as `钦南区鏍囧噯鍘傛埧`), loaded without a word over the
// project's good name. `GB18030Decoder` asks `examine` wherever a three-byte UTF-8 sequence
// starts at a GBK character boundary; this file weighs the two readings of the run.
//
// A character's weight is how rare it is in Chinese text, by its GBK code (`Rarity`). UTF-8
// Chinese read as GBK pairs the middle of one character with the start of the next: lead
// bytes 0x81–0xBF, GBK's extension hanzi and its rows of symbols, kana and Greek. Genuine GBK
// text is mostly GB2312 level-1 characters, and where it happens to be valid UTF-8 too it
// reads as arbitrary code points, of which few are common hanzi. So a run is taken as UTF-8
// only when its UTF-8 reading is common Chinese and its GBK reading is not; when the GBK
// reading is impossible (the file could not be read at all); and is only warned about when
// the readings are close.

enum StrayUTF8 {
    /// How common a character is in Chinese text, by its GBK code.
    enum Rarity: Int, Comparable {
        /// GB2312 level 1 (the 3,755 common hanzi), its punctuation row and full-width ASCII.
        case common
        /// GB2312 level 2 (3,008 less common hanzi) and its row of numerals (①, ⑴, Ⅰ).
        case uncommon
        /// GBK's extension hanzi, outside GB2312.
        case rare
        /// Kana, Greek, Cyrillic, pinyin, box drawing, user-defined codes, and what GBK cannot write.
        case odd

        static func < (a: Rarity, b: Rarity) -> Bool { a.rawValue < b.rawValue }

        init(lead: UInt8, trail: UInt8) {
            let gb2312 = trail >= 0xA1   // GB2312 rows have trails A1–FE; GBK's additions 40–A0
            switch lead {
            case 0xB0...0xD7: self = gb2312 ? .common : .rare
            case 0xA1, 0xA3: self = gb2312 ? .common : .odd
            case 0xD8...0xF7: self = gb2312 ? .uncommon : .rare
            case 0xA2: self = gb2312 ? .uncommon : .odd
            case 0x81...0xA0: self = .rare
            case 0xAA...0xAF, 0xF8...0xFE: self = gb2312 ? .odd : .rare
            default: self = .odd
            }
        }

        init(_ scalar: UInt32) {
            let code = scalar < 0x10000 ? StrayUTF8.gbkCodes[Int(scalar)] : 0
            self = code == 0 ? .odd : Rarity(lead: UInt8(code >> 8), trail: UInt8(code & 0xFF))
        }
    }

    enum Verdict: Equatable {
        /// Genuine GBK (or nothing a reading can tell): decoded as GBK, no word.
        case gbk
        /// UTF-8: decoded as UTF-8, with a warning giving both readings.
        case utf8
        /// Could be either: decoded as GBK, with a warning giving both readings.
        case unsure
    }

    struct Run: Equatable {
        var verdict: Verdict
        /// The run's bytes: UTF-8 sequences, less any at its end that are no Chinese text.
        var length: Int
        /// Bytes not to examine again (the run before its end was trimmed).
        var span: Int
        var utf8: String
        /// The GBK reading of the run's bytes (with the character that straddles its end, if
        /// any), up to a byte GBK cannot read. Both readings are left empty for a `.gbk` verdict.
        var gbk: String
    }

    enum Outcome: Equatable {
        case run(Run)
        /// The run may go on past `p`'s end: ask again with more bytes.
        case needMore
    }

    /// Longer runs are decided on their first this many bytes (1,000 Chinese characters).
    static let maxRunBytes = 3000

    /// Whether a run worth `examine` may start at `p[i]`: a three-byte UTF-8 sequence of
    /// punctuation, CJK or full-width forms (leads E2–E9, EF). Cheap: called for every GBK
    /// character with such a lead.
    @inline(__always)
    static func mayStart(_ b: UInt8) -> Bool { b &- 0xE2 <= 7 || b == 0xEF }

    /// The run of UTF-8 multi-byte sequences at the start of `p` (a GBK character boundary) and
    /// which reading it is. `final`: `p` ends at the end of the file.
    static func examine(_ p: UnsafeBufferPointer<UInt8>, final: Bool, table: GB18030Table) -> Outcome {
        var scalars: [(value: UInt32, end: Int)] = []
        var i = 0
        scan: while i < p.count, i < maxRunBytes, p[i] >= 0x80 {
            switch utf8Sequence(p, at: i) {
            case .scalar(let value, let length):
                i += length
                scalars.append((value, i))
            case .incomplete:
                if !final { return .needMore }
                break scan
            case .invalid:
                break scan
            }
        }
        if i == p.count, !final, i < maxRunBytes { return .needMore }
        let span = i
        // The first GBK character after a pasted name can be valid UTF-8 by chance (目 C4 BF is Ŀ).
        while let last = scalars.last, Rarity(last.value) == .odd { scalars.removeLast() }
        var run = Run(verdict: .gbk, length: scalars.last?.end ?? 0, span: span, utf8: "", gbk: "")
        guard !scalars.isEmpty else { return .run(run) }
        // Plausible Chinese: nothing odd, and all common below four characters, three in four from four on.
        let rarities = scalars.map { Rarity($0.value) }
        let notCommon = rarities.filter { $0 != .common }.count
        let plausible = !rarities.contains(.odd) && (scalars.count < 4 ? notCommon == 0 : notCommon * 4 <= scalars.count)
        guard plausible else { return .run(run) }

        // The GBK reading of the same bytes, the character straddling the run's end included.
        var gbk: [UInt8] = []
        var readings: [Rarity] = []
        var possible = true
        var k = 0
        while k < run.length {
            guard k + 1 < p.count else {
                if !final { return .needMore }
                possible = false
                break
            }
            let lead = p[k], trail = p[k + 1]
            let packed = table.pair(lead, trail)
            guard packed != 0 else {
                // A four-byte GB18030 character starting at the run's last byte is a reading
                // (an odd one); anything else is no GBK.
                if k + 1 == run.length, (0x30...0x39).contains(trail) { readings.append(.odd) } else { possible = false }
                break
            }
            for n in 0..<Int(packed >> 24) { gbk.append(UInt8(truncatingIfNeeded: packed >> (8 * n))) }
            readings.append(Rarity(lead: lead, trail: trail))
            k += 2
        }
        // Genuine GBK read as UTF-8 gives a common hanzi about one time in six, and seldom even
        // two sequences in a row: three common hanzi whose GBK reading is three in four not
        // common, or four and half, are taken as UTF-8; two are warned about.
        let unlikely = readings.filter { $0 != .common }.count
        if !possible || scalars.count >= 3 && unlikely * 4 >= readings.count * 3
            || scalars.count >= 4 && unlikely * 2 >= readings.count {
            run.verdict = .utf8
        } else if scalars.count >= 2 && unlikely * 2 >= readings.count {
            run.verdict = .unsure
        }
        if run.verdict != .gbk {
            run.utf8 = String(decoding: p[..<run.length], as: UTF8.self)
            run.gbk = String(decoding: gbk, as: UTF8.self)
        }
        return .run(run)
    }

    /// GBK code (lead << 8 | trail) by BMP scalar, 0 for none; the inverse of `GB18030Table`.
    static let gbkCodes: [UInt16] = {
        var codes = [UInt16](repeating: 0, count: 0x10000)
        guard let table = GB18030Table.shared else { return codes }
        for lead in GB18030Table.firstLead...GB18030Table.lastLead {
            for trail in GB18030Table.firstTrail...GB18030Table.lastTrail {
                let packed = table.pair(lead, trail)
                let bytes = (0..<Int(packed >> 24)).map { UInt8(truncatingIfNeeded: packed >> (8 * $0)) }
                guard !bytes.isEmpty, case .scalar(let scalar, _) = bytes.withUnsafeBufferPointer({ utf8Sequence($0, at: 0) }),
                      codes[Int(scalar)] == 0 else { continue }
                codes[Int(scalar)] = UInt16(lead) << 8 | UInt16(trail)
            }
        }
        return codes
    }()
}
