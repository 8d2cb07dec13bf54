import Foundation

/// Headers of the column naming a row's region or unit, and how a targets sheet's unit column
/// is chosen when its header is no synonym.
extension HeaderAnalyzer {
    static let placeFields: Set<String> = ["region", "unit", "department"]

    /// `地区（单位）`, `县区（单位）`, `地区/单位`, `县（区）、部门`, `地区及部门`: two or more names of
    /// places or units joined (by a bracket, `/`, `、`, 及, 和, 与) name the column of a row's
    /// unit — a county or a department, as DRC target templates list both in one column. Only
    /// when each part alone is such a name, so no other header is read this way.
    func joinsPlaceWords(_ text: String) -> Bool {
        guard text.contains(where: { "(/、及和与".contains($0) }) else { return false }
        func isPlaceWord(_ s: Substring) -> Bool {
            !s.isEmpty && table.matches(normalized: String(s)).contains { Self.placeFields.contains($0.canonical) }
        }
        // `X(Y)`: the name and the one in brackets after it.
        func bracketed(_ s: Substring) -> [Substring]? {
            guard s.hasSuffix(")"), let open = s.lastIndex(of: "("), open != s.startIndex else { return nil }
            return [s[..<open], s[s.index(after: open)..<s.index(before: s.endIndex)]]
        }
        var parts: [Substring] = []
        var depth = 0, start = text.startIndex
        for i in text.indices {
            switch text[i] {
            case "(": depth += 1
            case ")": depth -= 1
            case let c where depth == 0 && "/、及和与".contains(c):
                parts.append(text[start..<i]); start = text.index(after: i)
            default: break
            }
        }
        parts.append(text[start...])
        parts = parts.flatMap { isPlaceWord($0) ? [$0] : bracketed($0) ?? [$0] }
        return parts.count >= 2 && parts.allSatisfy(isPlaceWord)
    }
}

enum UnitColumn {
    /// A targets sheet whose unit column is a department one (`责任单位`, the rule for sheets of
    /// departments) while another column that took no role holds mostly place names (`钦南区`,
    /// `全市`): that column is the units', and 责任单位 only says who answers for the target.
    /// Without this, a header no synonym knows booked every county's target to its 人民政府 as a
    /// department. Returns the column, or nil when no column reads so.
    static func placeColumn(roles: [ColumnRole?], ignored: Set<Int>, rows: [[String]]) -> Int? {
        var best: (column: Int, places: Int)?
        for c in roles.indices where roles[c] == nil && !ignored.contains(c) {
            let names = rows.compactMap { c < $0.count ? ValueParser.text($0[c]).map(NameNormalizer.normalize) : nil }
                .filter { (try? ValueParser.number($0)) == nil }
            let places = names.filter(isPlaceName).count
            if places >= 2, places * 2 > names.count, places > best?.places ?? 0 { best = (c, places) }
        }
        return best?.column
    }

    /// A transposed sheet (`指标名称 | 计量单位 | 全市 | 钦南区 | 钦北区`: indicators down, regions
    /// across) is not read; said in the rejection when two or more header cells are places, so
    /// the message does not read as a missing synonym.
    static func regionsAcross(_ headers: [String]) -> String {
        let places = headers.map(NameNormalizer.normalize).filter(isPlaceName)
        guard places.count >= 2 else { return "" }
        return "; the header names regions as columns (\(places.prefix(4).joined(separator: " | "))\(places.count > 4 ? " | …" : "")): "
            + "sheets with regions across and indicators down are not supported — turn the table so each region is a row (地区 | 指标 | 本年累计 …)"
    }

    /// A region's name as clerks write it in a unit column: a place (`钦南区`, `钦州港片区`) or the
    /// whole city (`全市`).
    static func isPlaceName(_ name: String) -> Bool {
        ["全市", "全县", "全区"].contains(name) || TitleParser.region(in: name) == name
    }
}

extension SheetReading {
    /// `UnitColumn.placeColumn` when a targets sheet's unit column is a department one, from
    /// the first rows below the header (read ahead, bounded).
    static func placeColumnBesideDepartments(_ roles: [ColumnRole?], top: [CellMatch], sub: [CellMatch]?,
                                             pending: inout [CSVRecord], read: inout Int, source: any RecordSource) throws -> Int? {
        guard let unit = roles.firstIndex(of: .field("unit")),
              [top[safe: unit], sub?[safe: unit]].contains(where: { $0?.fields.contains("department") ?? false }) else { return nil }
        var rows: [[String]] = []
        while rows.count < 20, let record = try peek(rows.count, pending: &pending, read: &read, source: source) {
            rows.append(record.fields)
        }
        let ignored = Set(roles.indices.filter { top[safe: $0]?.ignored ?? false || sub?[safe: $0]?.ignored ?? false })
        return UnitColumn.placeColumn(roles: roles, ignored: ignored, rows: rows)
    }
}

extension String {
    /// The text, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
