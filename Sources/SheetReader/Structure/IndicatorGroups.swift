import Foundation

/// The columns of one indicator in a wide indicator or targets sheet (`固定资产投资` merged over
/// its measures, or named on each column), the first of each measure.
struct IndicatorGroup {
    var code: String
    var value, prior, yoy, target, rate: Int?
    /// A targets sheet's period columns under the indicator (`1-3月 | 1-6月`, `一季度`), in
    /// column order.
    var months: [(month: Int, cumulative: Bool, column: Int)] = []

    /// The groups the column roles form, in the order their indicators first appear.
    static func groups(_ roles: [ColumnRole?]) -> [IndicatorGroup] {
        var groups: [IndicatorGroup] = []
        func index(_ code: String) -> Int {
            if let i = groups.firstIndex(where: { $0.code == code }) { return i }
            groups.append(IndicatorGroup(code: code))
            return groups.count - 1
        }
        for (c, role) in roles.enumerated() {
            switch role {
            case .indicator(let code, let m)?:
                let i = index(code)
                switch m {
                case .value: groups[i].value = groups[i].value ?? c
                case .prior: groups[i].prior = groups[i].prior ?? c
                case .yoy: groups[i].yoy = groups[i].yoy ?? c
                case .target: groups[i].target = groups[i].target ?? c
                case .rate: groups[i].rate = groups[i].rate ?? c
                case .share, .change: break
                }
            case .indicatorMonth(let code, let month, let cumulative)?:
                groups[index(code)].months.append((month, cumulative, c))
            case .field?, .month?, nil: break
            }
        }
        return groups
    }
}

extension ColumnRole {
    /// The indicator a column belongs to, for either kind of indicator column.
    var indicatorCode: String? {
        switch self {
        case .indicator(let code, _), .indicatorMonth(let code, _, _): return code
        case .field, .month: return nil
        }
    }
}
