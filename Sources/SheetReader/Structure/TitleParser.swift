import Foundation

/// A period found in a title, file name or 报告期 cell: a year, and a month when one is given
/// (`2022年1-6月` -> 2022, 6; `2022年…目标任务分解表` -> 2022, nil; `1-2月` -> nil, 2).
public struct PeriodText: Sendable, Equatable {
    public var year: Int?
    public var month: Int?
    public init(year: Int?, month: Int?) {
        self.year = year
        self.month = month
    }
    public var yearMonth: YearMonth? {
        guard let year, let month else { return nil }
        return YearMonth(year: year, month: month)
    }
}

/// Reads the period, region and unit out of title rows and file names. Pure text functions.
public enum TitleParser {
    static let periodWords: [(String, Int)] = [
        ("上半年", 6), ("下半年", 12), ("前三季度", 9), ("第一季度", 3), ("一季度", 3), ("1季度", 3),
        ("第二季度", 6), ("二季度", 6), ("2季度", 6), ("第三季度", 9), ("三季度", 9), ("3季度", 9),
        ("第四季度", 12), ("四季度", 12), ("4季度", 12), ("全年", 12), ("年度", 12),
    ]

    static func prepare(_ text: String) -> [Character] {
        Array(HeaderText.unifyDashes(arabicNumerals(NameNormalizer.normalize(text))))
    }

    /// The first year-and-month in the text (`2022年1-6月`, `2022年6月`, `2022年上半年`,
    /// `2022-06`, `2022_06`, `2022.6`, `202206`, `20220630`); else a year on its own
    /// (`2022年`, a lone `2022`); else a month on its own (`1-6月`); nil when there is none.
    /// A filing date (`填报日期：2022年10月8日`) and a date within a month (`20220705`, the day a
    /// sheet was sent) name no period. Years and months may be written in Chinese numerals
    /// (`二〇二二年一至六月`), a year with two digits before a month (`22年6月`).
    public static func period(in text: String) -> PeriodText? {
        let c = Array(withoutFilingDates(String(prepare(text))))
        var yearOnly: Int?
        var i = 0
        while i < c.count {
            guard c[i].isASCII, c[i].isNumber else { i += 1; continue }
            var j = i
            while j < c.count, c[j].isASCII, c[j].isNumber { j += 1 }
            let run = String(c[i..<j])
            defer { i = j }
            switch run.count {
            case 8, 6:
                let y = Int(run.prefix(4))!, m = Int(run.dropFirst(4).prefix(2))!
                guard plausibleYear(y), (1...12).contains(m) else { break }
                // `20220630` ends June; `20220705` is the day the sheet was sent, not its period.
                if run.count == 8, Int(run.suffix(2))! != lastDay(year: y, month: m) {
                    if yearOnly == nil { yearOnly = y }
                    break
                }
                return PeriodText(year: y, month: m)
            case 2:
                // `22年6月` (a file name); a two-digit year only with its month.
                if j < c.count, c[j] == "年", let m = monthAfterYear(c, j + 1) { return PeriodText(year: 2000 + Int(run)!, month: m) }
            case 4:
                let y = Int(run)!
                guard plausibleYear(y) else { continue }
                if j < c.count, c[j] == "年" {
                    // `2022年10月8日` beside a title is the day it was signed; a month's last day or
                    // a day things run to (`截至2022年10月8日`) ends the period.
                    if let m = monthAfterYear(c, j + 1),
                       dayAfterMonth(c, j + 1).map({ $0 == lastDay(year: y, month: m) || endsWithUntil(c[..<i]) }) ?? true {
                        return PeriodText(year: y, month: m)
                    }
                    if yearOnly == nil { yearOnly = y }
                } else if j + 1 < c.count, ["-", "_", ".", "/"].contains(c[j]), c[j + 1].isASCII, c[j + 1].isNumber {
                    var k = j + 1
                    while k < c.count, c[k].isASCII, c[k].isNumber { k += 1 }
                    if k - (j + 1) <= 2, let m = Int(String(c[(j + 1)..<k])), (1...12).contains(m) {
                        return PeriodText(year: y, month: laterMonth(c, k, year: y, month: m, separator: c[j]))
                    }
                } else if yearOnly == nil {
                    yearOnly = y
                }
            default:
                break
            }
        }
        if let yearOnly { return PeriodText(year: yearOnly, month: monthOnly(c)) }
        if let m = monthOnly(c) { return PeriodText(year: nil, month: m) }
        return nil
    }

    static func plausibleYear(_ y: Int) -> Bool { (1990...2100).contains(y) }

    /// After `2022.1` (`start` past the month): the range's later month when one follows —
    /// `2022.1-6月`, `2022/1-6`, `2022.1.1-2022.6.30`, `2022-01-01至2022-06-30` — else `month`.
    /// (They were read as January, and replaced January's batch.)
    static func laterMonth(_ c: [Character], _ start: Int, year: Int, month: Int, separator: Character) -> Int {
        func connectorEnd(_ k: Int) -> Int? {
            rangeConnectors.first { k + $0.count <= c.count && Array(c[k..<(k + $0.count)]) == $0 }.map { k + $0.count }
        }
        // `2022.1-6月`: a month range (its end no year: not followed by more digits). After
        // `2022-01` a dash is the date's own (`2022-01-01`) unless 月 ends the number.
        if let q0 = connectorEnd(start) {
            var q = q0
            if let later = monthNumber(c, &q), (month...12).contains(later), q >= c.count || !(c[q].isASCII && c[q].isNumber),
               separator != "-" || (q < c.count && c[q] == "月") {
                return later
            }
        }
        // `2022.1.1-2022.6.30`: the first date's day, then a range to a date of the same year.
        var k = start
        if k < c.count, c[k] == separator {
            var d = k + 1
            if monthNumber(c, &d) != nil { k = d }
        }
        guard let q = connectorEnd(k) else { return month }
        var e = q
        while e < c.count, c[e].isASCII, c[e].isNumber { e += 1 }
        guard e - q == 4, Int(String(c[q..<e])) == year, e < c.count, [".", "/", "-", "年"].contains(c[e]) else { return month }
        var r = e + 1
        guard let later = monthNumber(c, &r), (month...12).contains(later) else { return month }
        return later
    }

    /// The day of a `M月D日` (or `D号`) date at `start`; nil when there is none.
    static func dayAfterMonth(_ c: [Character], _ start: Int) -> Int? {
        var k = start
        guard monthNumber(c, &k) != nil, k < c.count, c[k] == "月" else { return nil }
        k += 1
        guard let day = monthNumber(c, &k), k < c.count, c[k] == "日" || c[k] == "号", (1...31).contains(day) else { return nil }
        return day
    }

    static func endsWithUntil(_ c: ArraySlice<Character>) -> Bool {
        let before = String(c.suffix(3)).replacingOccurrences(of: ":", with: "")
        return ["截至", "截止", "至", "到"].contains(where: before.hasSuffix)
    }

    /// The period in a file name: as in a title, and a bare month too (`…进度表6月`), which in a
    /// title could be a column's or a remark's. A day's date (`…（2022年7月5日报）`, `…_7月8日`) is
    /// the day the file was sent, as `…20220705` is: its month is no period (June's sheet, sent
    /// on 5 July, was loaded as July's); a month's last day (`6月30日`) is.
    public static func period(inFileName fileName: String) -> PeriodText? {
        let base = baseName(fileName)
        let p = period(in: base)
        guard p?.month == nil else { return p }
        let c = Array(arabicNumerals(NameNormalizer.normalize(base)))
        var month: Int?
        for k in c.indices where c[k] == "月" && k > 0 && c[k - 1].isASCII && c[k - 1].isNumber {
            var start = k - 1
            while start > 0, c[start - 1].isASCII, c[start - 1].isNumber { start -= 1 }
            guard k - start <= 2, let m = Int(String(c[start..<k])), (1...12).contains(m) else { continue }
            // (`截至7月5日` has given its month above.)
            if let day = dayAfterMonth(c, start), day != lastDay(year: p?.year ?? 2000, month: m) { continue }
            month = m
        }
        return month.map { PeriodText(year: p?.year, month: $0) } ?? p
    }

    /// The year of a title naming a whole year's report (`灵山县2022年度重大项目投资完成情况`) and no
    /// month: December, but only when nothing else gives the month (a monthly sheet of the
    /// year's projects can be titled so too).
    public static func wholeYear(in text: String) -> Int? {
        let s = arabicNumerals(NameNormalizer.normalize(text))
        guard let r = s.range(of: "年度"), period(in: s)?.month == nil else { return nil }
        let digits = s[..<r.lowerBound].reversed().prefix(while: { $0.isASCII && $0.isNumber })
        guard digits.count == 4, let y = Int(String(digits.reversed())), plausibleYear(y) else { return nil }
        return y
    }

    static let chineseDigits: [Character: Int] = ["〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
                                                  "六": 6, "七": 7, "八": 8, "九": 9]

    /// Years and months in Chinese numerals as digits: `二〇二二年` -> `2022年`, `一至六月` -> `1至6月`,
    /// `十二月` -> `12月`. Only a four-numeral run before 年, and a month (一 … 十二) before 月 or
    /// before a connector and another month; other numerals (`一季度`, `三娘湾`) stay.
    static func arabicNumerals(_ s: String) -> String {
        guard s.contains(where: { chineseDigits[$0] != nil || $0 == "十" }) else { return s }
        let c = Array(s)
        var out = ""
        var i = 0
        while i < c.count {
            var j = i
            while j < c.count, chineseDigits[c[j]] != nil || c[j] == "十" { j += 1 }
            guard j > i else { out.append(c[i]); i += 1; continue }
            let run = Array(c[i..<j])
            let next = j < c.count ? c[j] : nil
            if run.count == 4, next == "年", !run.contains("十") {
                out += run.map { String(chineseDigits[$0]!) }.joined()
            } else if let m = chineseMonth(run), next == "月" || next == "份" || isConnectorToMonth(c, j) {
                out += String(m)
            } else {
                out += String(run)
            }
            i = j
        }
        return out
    }

    /// 一 … 九, 十, 十一, 十二.
    static func chineseMonth(_ run: [Character]) -> Int? {
        switch run.count {
        case 1: return run[0] == "十" ? 10 : chineseDigits[run[0]].flatMap { $0 > 0 ? $0 : nil }
        case 2 where run[0] == "十": return chineseDigits[run[1]].flatMap { (1...2).contains($0) ? 10 + $0 : nil }
        default: return nil
        }
    }

    /// A connector at `k` (`至`, `到`, `-`, `~`) followed by a month before 月 (`一至六月`, `一至12月`).
    static func isConnectorToMonth(_ c: [Character], _ k: Int) -> Bool {
        guard k < c.count, "至到-—~".contains(c[k]) else { return false }
        var e = k + 1
        while e < c.count, c[e].isNumber || chineseDigits[c[e]] != nil || c[e] == "十" { e += 1 }
        return e > k + 1 && e < c.count && c[e] == "月"
    }

    static func lastDay(year: Int, month: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Labels of the day a sheet was filled in or sent (`填报日期：2022年10月8日`): a September
    /// sheet filed in October was loaded as October's, over its 报告期 row and its file name.
    static let filingDateLabels = ["填报日期", "填表日期", "报送日期", "报出日期", "上报日期", "制表日期", "打印日期", "导出日期",
                                   "填报时间", "填表时间", "报送时间", "上报时间", "制表时间"]

    /// The (normalised) text without its filing dates: each label and the date after it.
    static func withoutFilingDates(_ text: String) -> String {
        guard text.contains("日期") || text.contains("时间") else { return text }
        var s = text
        for label in filingDateLabels {
            while let r = s.range(of: label) {
                var end = r.upperBound
                if end < s.endIndex, s[end] == ":" { end = s.index(after: end) }
                while end < s.endIndex, (s[end].isASCII && s[end].isNumber) || "年月日号-./".contains(s[end]) { end = s.index(after: end) }
                s.removeSubrange(r.lowerBound..<end)
            }
        }
        return s
    }

    /// The year and month of a labelled filing date (`报送时间：2022年7月5日`, `填报日期：2022-07-05`):
    /// no period, but a sheet sent then reports that month or one before it.
    static func filingDate(in text: String) -> YearMonth? {
        let s = String(prepare(text))
        for label in filingDateLabels {
            guard let r = s.range(of: label) else { continue }
            let rest = Array(s[r.upperBound...].drop { $0 == ":" })
            var k = 0
            while k < rest.count, k < 8, rest[k].isASCII, rest[k].isNumber { k += 1 }
            guard k == 4 || k == 8, let y = Int(String(rest[..<4])), plausibleYear(y) else { continue }
            var m: Int?
            if k == 8 { m = Int(String(rest[4..<6])) } else if k < rest.count, "年-./".contains(rest[k]) {
                var e = k + 1
                m = monthNumber(rest, &e)
            }
            if let m, (1...12).contains(m) { return YearMonth(year: y, month: m) }
        }
        return nil
    }

    /// Whether the text carries a filing date or a file name a day's date (for the message of a
    /// sheet whose month could not be found).
    static func hasSendingDate(_ text: String) -> Bool {
        let s = NameNormalizer.normalize(text)
        if filingDateLabels.contains(where: s.contains) { return true }
        var run = 0
        for ch in s {
            if ch.isASCII, ch.isNumber { run += 1 } else { if run == 8 { return true }; run = 0 }
        }
        return run == 8
    }

    /// After `年`: `6月`, `1-6月`, `1月-6月`, `上半年`…
    static func monthAfterYear(_ c: [Character], _ start: Int) -> Int? {
        let rest = String(c[start...])
        for (word, m) in periodWords where rest.hasPrefix(word) { return m }
        if let end = rangeEnd(c, start) { return end }
        var k = start
        guard let month = monthNumber(c, &k), k < c.count, c[k] == "月", (1...12).contains(month) else { return nil }
        return month
    }

    /// One or two ASCII digits at `k` (advanced past them); nil when there are none.
    static func monthNumber(_ c: [Character], _ k: inout Int) -> Int? {
        var e = k
        while e < c.count, e - k < 2, c[e].isASCII, c[e].isNumber { e += 1 }
        guard e > k, let n = Int(String(c[k..<e])) else { return nil }
        k = e
        return n
    }

    /// Words between the two months of a cumulative period (`1-9月`, `1月至9月`, `1月份到9月份`,
    /// `1月起至9月底`); a dash stands for every dash and tilde (`prepare`).
    static let rangeConnectors: [[Character]] = ["起至", "起到", "-", "至", "到"].map { Array($0) }

    /// The later month of a cumulative period starting at `start` (`1-9月`, `1月-9月`,
    /// `1月份至9月份`, `1月到9月`): 9; nil when the text there is not one.
    static func rangeEnd(_ c: [Character], _ start: Int) -> Int? {
        var k = start
        guard let first = monthNumber(c, &k), (1...12).contains(first) else { return nil }
        if k < c.count, c[k] == "月" {
            k += 1
            if k < c.count, c[k] == "份" { k += 1 }
        }
        guard let connector = rangeConnectors.first(where: { k + $0.count <= c.count && Array(c[k..<(k + $0.count)]) == $0 })
        else { return nil }
        k += connector.count
        guard let second = monthNumber(c, &k), k < c.count, c[k] == "月", (first...12).contains(second) else { return nil }
        return second
    }

    /// A month without a year: `1-6月` (cumulative, the later month), `6月份`, `截至10月底`,
    /// `截止10月31日`.
    static func monthOnly(_ c: [Character]) -> Int? {
        let s = String(c)
        for (word, m) in periodWords where word != "年度" && s.contains(word) { return m }
        for word in ["截至", "截止"] {
            guard let r = s.range(of: word) else { continue }
            let digits = s[r.upperBound...].prefix(while: { $0.isASCII && $0.isNumber })
            if (1...2).contains(digits.count), s[r.upperBound...].dropFirst(digits.count).first == "月",
               let m = Int(digits), (1...12).contains(m) { return m }
        }
        var i = 0
        while i < c.count {
            if c[i].isASCII, c[i].isNumber, i == 0 || !(c[i - 1].isASCII && c[i - 1].isNumber) {
                var j = i
                while j < c.count, c[j].isASCII, c[j].isNumber { j += 1 }
                if j - i <= 2, j < c.count {
                    if let m = rangeEnd(c, i), !(i > 0 && c[i - 1] == "年") { return m }
                    if c[j] == "月", j + 1 < c.count, c[j + 1] == "份", let m = Int(String(c[i..<j])), (1...12).contains(m) { return m }
                }
                i = j
            } else { i += 1 }
        }
        return nil
    }

    /// The unit a title states: `单位：万元`, `（单位：亿元）`, `金额单位：元`.
    public static func unit(in text: String) -> MoneyUnit? {
        let s = NameNormalizer.normalize(text)
        var searchStart = s.startIndex
        // `填报单位:…` also contains `单位:`; look at every occurrence.
        while let r = s.range(of: "单位:", range: searchStart..<s.endIndex) {
            searchStart = r.upperBound
            // `填报单位：万秀区…` names who made the sheet.
            if reportingLabels.contains(where: { s[..<r.upperBound].hasSuffix($0 + ":") }) { continue }
            var rest = s[r.upperBound...]
            // `单位：%、亿元`, `单位：(亿元)`, `单位：绝对额亿元，增速%`: the money unit after what
            // names the other columns' units.
            while let filler = unitFillers.first(where: { rest.hasPrefix($0) }) { rest = rest.dropFirst(filler.count) }
            for (text, unit) in MoneyUnit.spellings where rest.hasPrefix(text) {
                // `单位：万` but not a name that starts with 万 or 亿.
                if text.count == 1, text != "元", rest.dropFirst().first?.isLetter == true { continue }
                return unit
            }
        }
        // A bracketed unit on its own: `…进度表（万元）`, a title row `（亿元）`.
        for (text, unit) in MoneyUnit.spellings where text.count > 1 || text == "元" {
            if s.contains("(" + text + ")") { return unit }
        }
        return nil
    }

    /// What can stand between `单位：` and the money unit.
    static let unitFillers = ["绝对额", "绝对值", "绝对数", "总量", "金额", "增速", "增幅", "比重", "同比", "%", "、", ",", ";",
                              "(", ")", "[", "]", "/", "|", ":"]

    /// Labels of the row naming the unit that made the sheet.
    static let reportingLabels = ["填报单位", "制表单位", "报送单位", "填报部门"]

    static let placeSuffixes: Set<Character> = ["县", "区", "市"]
    /// Words shaped like place names that name a kind of place, not one (`县区固投指标`).
    static let genericPlaceWords: Set<String> = ["县区", "区县", "市县", "县市", "市区", "城区", "园区", "辖区", "片区", "市直", "地区"]

    /// A place name at the start of the text, after a `填报单位：` label and a leading period:
    /// `填报单位：灵山县发展和改革局` -> `灵山县`; `2022年1-6月钦州市重大项目…` -> `钦州市`;
    /// `自贸区钦州港片区…` -> `钦州港片区` (the most specific of a chain of place names).
    /// Only text: the loader decides whether it is a known region.
    public static func region(in text: String) -> String? {
        var c = prepare(text)
        // `填报单位：…`, also with a bracketed remark before the colon: `填报单位（盖章）：…`.
        if let label = reportingLabels.lazy.compactMap({ String(c).range(of: $0) }).first {
            let rest = String(c)[label.upperBound...]
            if let colon = rest.firstIndex(of: ":"), rest.distance(from: rest.startIndex, to: colon) <= 8 {
                c = Array(rest[rest.index(after: colon)...])
            } else {
                c = Array(rest)
            }
        }
        // Drop a leading attachment label and period.
        var start = 0
        func skip(_ word: String) {
            let w = Array(word)
            if c.count - start >= w.count, Array(c[start..<(start + w.count)]) == w { start += w.count }
        }
        skip("附件")
        while start < c.count, c[start].isASCII, c[start].isNumber || c[start] == "-" || c[start] == ":" { start += 1 }
        // A bare month left by a split file name (`6月县区…` from `2022年1-6月县区…`).
        if start > 0, start < c.count, c[start] == "月" {
            start += 1
            skip("份")
        }
        if start < c.count, c[start] == "年" {
            start += 1
            for (word, _) in periodWords { skip(word) }
            while start < c.count, c[start].isASCII, c[start].isNumber || c[start] == "-" { start += 1 }
            if start < c.count, c[start] == "月" { start += 1 }
            skip("份")
        }
        var last: String?
        var pos = start
        while pos < c.count {
            guard let end = placeWordEnd(c, from: pos) else { break }
            let name = String(c[pos...end])
            // `分县区`, `各县市`: a one-character word before a generic place word, not a place; nor
            // `分指标分县区`.
            if name.count == 2 || name.hasPrefix("分"), end + 1 < c.count, placeSuffixes.contains(c[end + 1]) {
                pos = end + 2
                continue
            }
            // `2022年6月分地区投资指标`, `分区`: "by region", not a region (it was shown as the sheet's).
            if name.hasPrefix("分"), name.count == 2 || genericPlaceWords.contains(String(name.dropFirst())) {
                pos = end + 1
                continue
            }
            if namesOnePlace(name) {
                // `钦州市灵山县、浦北县…`, `灵山县和浦北县…`: a sheet of several places is none of
                // them (浦北县's projects were booked to 灵山县); the city named before the list
                // holds them, else no place (the rows' own region or unified code decides).
                if end + 1 < c.count, listJoiners.contains(c[end + 1]), placeStarts(c, at: end + 2) {
                    return last.flatMap { $0.hasSuffix("市") ? $0 : nil }
                }
                last = name
            }
            pos = end + 1
        }
        // `…重大项目投资进度表（钦州高新区）`: the place in brackets after the title.
        if last == nil, let close = c.lastIndex(of: ")"), let open = c[..<close].lastIndex(of: "("), open + 1 < close {
            return region(in: String(c[(open + 1)..<close]))
        }
        return last
    }

    /// Characters joining places in a list (`灵山县、浦北县`, `灵山县和浦北县`).
    static let listJoiners: Set<Character> = ["、", "及", "和", "与", "暨", "或", ","]

    /// The end of a word shaped like a place name at `pos`: Han characters up to a 县, 区 or 市
    /// (not the first), within ten; nil when there is none.
    static func placeWordEnd(_ c: [Character], from pos: Int) -> Int? {
        var k = pos
        while k < min(c.count, pos + 10), isHan(c[k]) {
            if placeSuffixes.contains(c[k]), k > pos { return k }
            k += 1
        }
        return nil
    }

    /// Whether a place-shaped word names one place: 全市/全县/全区 mean "the whole city/county",
    /// 各县区 "every county", a generic word a kind of place, and a conjunction begins no name
    /// (`及市` in `各县区及市直部门`, before 市直).
    static func namesOnePlace(_ name: String) -> Bool {
        !name.hasPrefix("全") && !name.hasPrefix("各") && !genericPlaceWords.contains(name)
            && !listJoiners.contains(where: { name.first == $0 })
    }

    /// Whether a place name starts at `start` (`浦北县` after `灵山县、`); not a one-character word
    /// before a generic place word (`各县区`).
    static func placeStarts(_ c: [Character], at start: Int) -> Bool {
        guard let end = placeWordEnd(c, from: start) else { return false }
        let name = String(c[start...end])
        return namesOnePlace(name) && !(end + 1 < c.count && placeSuffixes.contains(c[end + 1]) && name.count == 2)
    }

    /// The region of a whole-file sheet from its title rows and file name (DESIGN §5 order after
    /// `--region`): the 填报单位 row names the reporting unit and wins; otherwise the titles, then the
    /// file name — but a county or zone (`浦北县`) found anywhere beats a city (`钦州市`), because a
    /// county's sheet is often titled with the city's programme name (`钦州市2022年重大项目…`).
    public static func sheetRegion(titles: [String], fileName: String) -> String? {
        let reporting = titles.filter { t in reportingLabels.contains { NameNormalizer.normalize(t).contains($0) } }
        if let unit = reporting.lazy.compactMap(region(in:)).first { return unit }
        let candidates = titles.compactMap(region(in:)) + [region(inFileName: fileName)].compactMap { $0 }
        return candidates.first(where: { !$0.hasSuffix("市") }) ?? candidates.first
    }

    /// The places other than `chosen` that the rows above the header or the file name name,
    /// with where: a county's sheet made from another county's template keeps the other's
    /// title (`灵山县…` in 钦北区's file), so when they disagree the batch says which was taken.
    /// Cities are left out (a county's sheet is often titled with its city's programme), and so
    /// is a name inside the other (`钦州港` and `钦州港片区`).
    public static func otherPlaces(than chosen: String, titles: [String], fileName: String) -> [(source: String, place: String)] {
        let named = titles.compactMap { t in region(in: t).map { ("'\(t.prefix(30))'", $0) } }
            + [region(inFileName: fileName).map { ("the file name", $0) }].compactMap { $0 }
        var seen: Set<String> = []
        return named.filter { _, place in
            !place.hasSuffix("市") && !place.contains(chosen) && !chosen.contains(place) && seen.insert(place).inserted
        }
    }

    /// The department whose own sheet this is, when no place names it: the office name that
    /// begins a title (`市交通运输局2022年1-5月争取上级资金情况`) or follows a 填报单位 label, else
    /// a part of the file name (`市交通运输局转移支付`). Only text: the loader decides it is no region.
    public static func department(titles: [String], fileName: String) -> String? {
        let reporting = titles.compactMap { t -> String? in
            let n = NameNormalizer.normalize(t)
            guard let label = reportingLabels.lazy.compactMap({ n.range(of: $0) }).first else { return nil }
            let rest = n[label.upperBound...]
            return String(rest.drop { $0 == ":" || $0 == "(" || $0 == ")" || $0 == "盖" || $0 == "章" })
        }
        let parts = baseName(fileName).split(whereSeparator: { "_- .、（）()[]【】".contains($0) }).map(String.init)
        return (reporting + titles.map(NameNormalizer.normalize) + parts).lazy.compactMap(office(at:)).first
    }

    /// The office name a text begins with: Han characters up to the first office word.
    static func office(at text: String) -> String? {
        let c = Array(text.prefix(30))
        var end = 0
        while end < c.count, isHan(c[end]) { end += 1 }
        for k in 1..<max(1, end) {
            for word in officeWords where k + word.count <= end && String(c[k..<(k + word.count)]) == word {
                return String(c[0..<(k + word.count)])
            }
        }
        return nil
    }
    /// Longest first where one begins another (`委员会` before `委`).
    static let officeWords = ["委员会", "管委会", "办公室", "局", "委", "办", "厅", "中心", "公司", "集团"]

    static func isHan(_ ch: Character) -> Bool {
        guard let v = ch.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
    }

    /// A file name without directories and extension.
    public static func baseName(_ fileName: String) -> String {
        var name = (fileName as NSString).lastPathComponent
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return name
    }

    /// The region in a file name: the place-name chain of any `_`/`-`/space separated part.
    public static func region(inFileName fileName: String) -> String? {
        let parts = baseName(fileName).split(whereSeparator: { "_- .、（）()[]【】".contains($0) })
        for part in parts {
            if let r = region(in: String(part)) { return r }
        }
        return nil
    }
}
