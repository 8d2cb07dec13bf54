import Foundation

/// A project sheet's amount heading merged over its parts (`1-4月完成投资` over `其中：政府投资 |
/// 其中：社会投资 | 合计`, or `建筑安装工程 | 设备工器具购置 | 其他费用 | 合计`): the column named
/// 合计/小计/总计 is the amount; the first part was loaded as the year to date (1800 for 2400),
/// and the row of part names was read as data (a subtotal, or a project without a code).
enum AmountParts {
    static let totalWords = ["合计", "小计", "总计"]

    /// `(owner, span, total, parts)`: the heading's column, the columns it covers (itself and
    /// the empty top cells after it), the total's column, the parts' columns.
    struct Group: Equatable {
        var owner: Int
        var span: Range<Int>
        var total: Int?
        var parts: [Int]
    }

    static func isTotal(_ m: CellMatch) -> Bool {
        !m.header.text.hasPrefix("其中") && totalWords.contains(where: m.header.text.hasSuffix)
    }

    /// The amount field a heading names: a project's year to date or month.
    static func field(_ m: CellMatch) -> String? {
        SheetLayout.projectProgress.pick(m).flatMap { ["ytd_completed", "month_completed"].contains($0) ? $0 : nil }
    }

    /// Groups of an amount heading over at least two parts, or a part and a total. A cell under
    /// it that names an amount itself (`本年累计 | 其中：本月`, `计划 | 1-3月 | 3月`) or an indicator
    /// (`1-6月累计完成` over `固定资产投资 | 工业投资`, an indicator sheet's) is no part.
    static func groups(top: [CellMatch], sub: [CellMatch]) -> [Group] {
        var out: [Group] = []
        for c in top.indices where field(top[c]) != nil {
            var end = c + 1
            while end < max(top.count, sub.count), end >= top.count || top[end].isEmpty { end += 1 }
            guard end - c >= 2 else { continue }
            var group = Group(owner: c, span: c..<end, total: nil, parts: [])
            for k in group.span where k < sub.count && !sub[k].isEmpty {
                let s = sub[k]
                if isTotal(s) { group.total = group.total ?? k; continue }
                if field(s) != nil || s.measure != nil || s.indicator != nil || projectAmountUnder(top[c], sub: s) != nil { continue }
                group.parts.append(k)
            }
            if group.parts.count >= 2 || !group.parts.isEmpty && group.total != nil { out.append(group) }
        }
        return out
    }

    /// Whether a row below the header names the parts of merged amount headings and nothing else.
    static func isPartsRow(_ cells: [CellMatch], under top: [CellMatch]) -> Bool {
        let groups = groups(top: top, sub: cells)
        guard !groups.isEmpty else { return false }
        return cells.indices.allSatisfy { k in cells[k].isEmpty || groups.contains { $0.span.contains(k) } }
    }

    /// Roles with each group's total as its heading's amount and its parts as nothing; a group
    /// of parts without a total keeps no column of its amount (`ambiguous` names it).
    static func resolve(_ roles: inout [ColumnRole?], top: [CellMatch], sub: [CellMatch]) {
        for g in groups(top: top, sub: sub) {
            let f = ColumnRole.field(field(top[g.owner])!)
            for k in g.parts + [g.total].compactMap({ $0 }) where k < roles.count { roles[k] = nil }
            if let t = g.total, t < roles.count { roles[t] = f }
        }
    }

    /// The year-to-date heading split into parts with no total and no other column of it: the
    /// heading's text and the parts' (the file is rejected, naming them).
    static func ambiguous(_ roles: [ColumnRole?], top: [CellMatch], sub: [CellMatch]) -> (heading: String, parts: [String])? {
        for g in groups(top: top, sub: sub) where g.total == nil && field(top[g.owner]) == "ytd_completed"
            && !roles.contains(.field("ytd_completed")) {
            return (top[g.owner].header.text, g.parts.map { sub[$0].header.text })
        }
        return nil
    }
}
