import Foundation

/// What a non-data row is, judged from its label (the first non-empty cell).
enum RowKind: Equatable {
    case blank
    case note(String)
    /// `合计`/`总计`/`全市合计` cover the whole sheet; `小计`, `工业项目小计` the rows since the
    /// previous section or subtotal.
    case subtotal(label: String, wholeSheet: Bool)
    /// `其中：…` rows in a project sheet, and `其中：县区` (a kind of place) in a region sheet: a
    /// breakdown of the row above, not a project or region.
    case breakdown(String)
    /// `一、产业项目` (level 1), `（一）工业项目` (level 2); category is the text after the marker.
    case section(level: Int, category: String)
}

enum RowClassifier {
    static let notePrefixes = [
        "注:", "注1", "注2", "注、", "注.", "说明:", "备注:", "填报人", "填表人", "审核人", "审核:", "联系电话", "联系人",
        "制表", "负责人", "单位负责人", "分管领导", "填报日期", "填表日期", "报送时间", "数据来源", "资料来源",
        // With their colon or bracket: a project may be called 填报说明书印刷厂.
        "填报单位:", "填报单位(", "填报说明:", "填表说明:", "报送日期:", "报出日期:", "统计负责人:",
        // The sign-off block of a bureau's form: who heads, handles, checks and approves it.
        "主要负责人", "分管负责人", "经办人", "复核人", "核对人", "校对人", "制表人", "统计员", "审批人", "批准人", "签发人",
        "附注", "联系方式", "报送单位:", "报送单位(",
    ] + periodLabels.map { $0 + ":" }
    /// Labels of a row stating the sheet's period (`报告期：2022年1-9月`), above or below the data.
    static let periodLabels = ["报告期", "统计期", "所属期", "报告月份", "统计时间", "报告时间"]
    /// Marks a clerk puts before a remark under the table (`*本月新增项目1个`, `※…`); only on a
    /// row without a key, since some sheets star new projects' names.
    static let remarkMarks: Set<Character> = ["*", "※", "★", "☆"]
    static let wholeSheetLabels: Set<String> = [
        "合计", "总计", "全市合计", "全县合计", "全区合计", "总合计", "合计数", "全市总计", "累计合计",
        "共计", "汇总", "全市汇总", "全县汇总", "全区汇总",
    ]
    /// Endings of a subtotal's label (`工业项目小计`, `县区汇总`).
    static let subtotalEndings = ["小计", "合计", "总计", "共计", "汇总"]
    static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    /// Kinds of place a `其中：` row of a region sheet groups (not 市直 or 城区: those are aliases
    /// of a region's own part).
    static let groupPlaceWords: Set<String> = ["县区", "区县", "县市", "市县", "县市区", "园区", "各园区", "片区", "辖区", "地区",
                                               "各县区", "开发区", "工业园区"]

    static func isBlank(_ cells: [String]) -> Bool {
        cells.allSatisfy { NameNormalizer.normalize($0).isEmpty || isControlOnly($0) }
    }

    /// A cell of control characters only: the Ctrl-Z (0x1A) an old export ends a file with.
    static func isControlOnly(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
    }

    /// Classifies the label-carrying part of a row. `keyIsEmpty`: the row has no value in its
    /// layout's key column (project code, region or unit), so it cannot be a data row.
    static func classify(_ cells: [String], keyIsEmpty: Bool, projectLayout: Bool) -> RowKind? {
        // Normalise lazily: most rows are data and only the label cell matters.
        var first = 0
        var label = ""
        while first < cells.count {
            label = NameNormalizer.normalize(cells[first])
            if !label.isEmpty { break }
            first += 1
        }
        guard !label.isEmpty, !(isControlOnly(label) && cells[(first + 1)...].allSatisfy(isBlankCell)) else { return .blank }
        // A row number (`123`, the usual first cell of a data row) is no label of any kind.
        if label.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return nil }
        // A date alone under the form (`2022年6月5日`, the day it was signed).
        if label.first?.isASCII == true, label.contains(where: { "年-/.".contains($0) }),
           cells[(first + 1)...].allSatisfy({ NameNormalizer.normalize($0).isEmpty }),
           (try? ValueParser.date(label)) != nil {
            return .note(label)
        }
        if isPageFooter(label), cells[(first + 1)...].allSatisfy({ NameNormalizer.normalize($0).isEmpty }) { return .note(label) }
        if notePrefixes.contains(where: { label.hasPrefix($0) }) || label == "注" { return .note(label) }
        if keyIsEmpty, let mark = label.first, remarkMarks.contains(mark) { return .note(label) }
        let bare = withoutCount(label.hasSuffix(":") ? String(label.dropLast()) : label)
        // `其中：新开工项目合计`: a part of the total above, not a subtotal of the rows since the
        // last section.
        if projectLayout, keyIsEmpty, bare.hasPrefix("其中") { return .breakdown(label) }
        // `其中：县区`, `其中：园区` in a region sheet: the part of the total above that a kind of
        // place makes up, no region (rejected as an unknown region `县区`). `其中：钦南区` is
        // the region's own row and stays data.
        if !projectLayout, bare.hasPrefix("其中"), groupPlaceWords.contains(String(bare.dropFirst(2).drop { $0 == ":" })) {
            return .breakdown(label)
        }
        if wholeSheetLabels.contains(bare) { return .subtotal(label: bare, wholeSheet: true) }
        if bare.count <= 16, subtotalEndings.contains(where: bare.hasSuffix) || isQualifiedTotal(bare) {
            return .subtotal(label: bare, wholeSheet: false)
        }
        guard keyIsEmpty || isBareSection(cells, label: label, at: first) else { return nil }
        if let (level, rest) = sectionMarker(label),
           level < 3 || cells[(first + 1)...].filter({ !NameNormalizer.normalize($0).isEmpty }).count <= (rest.isEmpty ? 1 : 0) {
            var category = rest
            if category.isEmpty {   // marker and name in separate cells: `一,产业项目`
                category = cells[(first + 1)...].lazy.map(NameNormalizer.normalize).first(where: { !$0.isEmpty }) ?? ""
            }
            // Not `一、2022-…`; but 一, 十, 百 are numbers to Swift too (`一、一般性转移支付`).
            // The count a clerk adds (`新开工项目（2个）`) changes monthly: not part of the category.
            if let head = category.first, !(head.isASCII && head.isNumber) {
                return .section(level: level, category: withoutCount(category))
            }
            // A year before the name (`一、2022年新开工项目`, `二、2021年续建项目`, `一、2022年计划`):
            // the section of that name; such rows were rejected as projects without a code.
            if let rest = yearPrefixed(category) {
                return .section(level: level, category: withoutCount(rest))
            }
        }
        return nil
    }

    /// The name after a leading `2022年` (four digits and 年), nil when there is none or nothing follows.
    static func yearPrefixed(_ text: String) -> String? {
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        guard digits.count == 4, text.dropFirst(4).first == "年" else { return nil }
        let rest = text.dropFirst(5)
        guard let head = rest.first, !(head.isASCII && head.isNumber), head != "度" || rest.count > 1 else { return nil }
        return String(rest.first == "度" ? rest.dropFirst() : rest)
    }

    /// A printed page's footer (`第1页 共2页`, `第 1 页，共 2 页`, `共2页 第1页`, `- 1 -`): it was
    /// rejected as a project without a code, and counted in every subtotal check.
    static func isPageFooter(_ label: String) -> Bool {
        let dashes: Set<Character> = ["-", "—", "–"]
        if let head = label.first, let tail = label.last, dashes.contains(head), dashes.contains(tail) {
            let inner = label.drop(while: dashes.contains).reversed().drop(while: dashes.contains)
            return !inner.isEmpty && inner.allSatisfy { $0.isASCII && $0.isNumber }
        }
        // `第N页` and `共N页`, each at most once, with commas or slashes between.
        var rest = Substring(label.filter { !",、/;".contains($0) })
        var seen: Set<Character> = []
        while let mark = rest.first, mark == "第" || mark == "共", !seen.contains(mark) {
            let digits = rest.dropFirst().prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, rest.dropFirst(1 + digits.count).first == "页" else { return false }
            seen.insert(mark)
            rest = rest.dropFirst(digits.count + 2)
        }
        return rest.isEmpty && !seen.isEmpty
    }

    /// A total of a part the label names (`合计（不含园区）`, `总计(含市本级)`): skipped as data, but
    /// the rows it covers cannot be told, so it is not checked.
    static func isQualifiedTotal(_ label: String) -> Bool {
        guard label.hasSuffix(")"), let open = label.lastIndex(of: "(") else { return false }
        let inner = label[label.index(after: open)...]
        return subtotalEndings.contains(where: label[..<open].hasSuffix)
            && ["含", "不含", "包括", "不包括", "扣除", "剔除"].contains(where: inner.hasPrefix)
    }

    /// A subtotal label without the count a clerk adds: `合计（4个）`, `总计(12个项目)`, `共计2个项目`
    /// -> `合计`, `总计`, `共计`.
    static func withoutCount(_ label: String) -> String {
        for unit in ["个项目", "个", "项"] where label.hasSuffix(unit) {
            let rest = label.dropLast(unit.count)
            let digits = rest.reversed().prefix(while: { $0.isASCII && $0.isNumber }).count
            guard digits > 0 else { continue }
            var head = rest.dropLast(digits)
            if head.hasSuffix(":") { head = head.dropLast() }
            if subtotalEndings.contains(where: head.hasSuffix) { return String(head) }
        }
        guard label.hasSuffix(")"), let open = label.lastIndex(of: "(") else { return label }
        let inner = label[label.index(after: open)..<label.index(before: label.endIndex)]
        guard inner.contains(where: { $0.isASCII && $0.isNumber }),
              inner.allSatisfy({ ($0.isASCII && $0.isNumber) || "个项目宗家处".contains($0) }) else { return label }
        return String(label[..<open])
    }

    /// `一 | 工业项目` with the name in the key column (a merged cell over 项目代码 and the rest):
    /// a bare marker, then one cell of Chinese text without digits (no project code looks like
    /// that), then nothing or only numbers (the section's sums, as on a section row whose key
    /// is empty). A project row has a name besides.
    static func isBareSection(_ cells: [String], label: String, at first: Int) -> Bool {
        guard let (_, rest) = sectionMarker(label), rest.isEmpty else { return false }
        let others = cells[(first + 1)...].filter { !NameNormalizer.normalize($0).isEmpty }
        guard let name = others.first.map(NameNormalizer.normalize),
              name.unicodeScalars.contains(where: { $0.properties.isIdeographic }),
              !name.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) else { return false }
        return others.dropFirst().allSatisfy { (try? ValueParser.number($0)) != nil }
    }

    /// `1.` / `1、` / `(1)` -> level 3, with the name after it or (nothing after it) in the next
    /// cell. Only taken as a section where the row holds nothing else (`classify`).
    static func arabicMarker(_ label: String) -> (Int, String)? {
        var s = Substring(label)
        let bracketed = s.first == "("
        if bracketed { s = s.dropFirst() }
        let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...2).contains(digits.count) else { return nil }
        s = s.dropFirst(digits.count)
        if bracketed {
            guard s.first == ")" else { return nil }
        } else {
            guard s.first == "." || s.first == "、" else { return nil }
        }
        s = s.dropFirst()
        guard s.first.map({ !($0.isASCII && $0.isNumber) }) ?? true else { return nil }   // not 1.5
        return (3, String(s))
    }

    static func isBlankCell(_ cell: String) -> Bool { NameNormalizer.normalize(cell).isEmpty || isControlOnly(cell) }

    /// `一、` / `一.` -> level 1; `(一)` / `（一）` / `㈠` -> level 2; returns the text after the marker.
    static func sectionMarker(_ label: String) -> (Int, String)? {
        var s = Substring(label)
        // ㈠…㈩ (U+3220…3229), one character for （一）…（十） in WPS's numbering.
        if let head = s.unicodeScalars.first, (0x3220...0x3229).contains(head.value) {
            s = Substring(s.unicodeScalars.dropFirst())
            if s.first == "、" || s.first == "." { s = s.dropFirst() }
            return (2, String(s))
        }
        if s.first == "(" {
            let inner = s.dropFirst().prefix(while: { numerals.contains($0) })
            guard !inner.isEmpty else { return arabicMarker(label) }
            s = s.dropFirst(1 + inner.count)
            guard s.first == ")" else { return nil }
            s = s.dropFirst()
            if s.first == "、" || s.first == "." { s = s.dropFirst() }
            return (2, String(s))
        }
        let numeral = s.prefix(while: { numerals.contains($0) })
        guard !numeral.isEmpty else { return arabicMarker(label) }
        s = s.dropFirst(numeral.count)
        if s.isEmpty { return (1, "") }
        guard s.first == "、" || s.first == "." || s.first == "," else { return nil }
        return (1, String(s.dropFirst()))
    }
}
