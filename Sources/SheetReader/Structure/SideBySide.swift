import Foundation

/// Two project tables side by side (`续建项目 | 新开工项目`, each block with its own `项目名称 …
/// 1-N月完成投资`, or the header repeated after an empty column): only the left block's columns
/// were read, and the right block's projects vanished without a word.
enum SideBySide {
    static let required = ["project_name", "project_code", "ytd_completed"]

    /// The column where a second table starts: when two of the required headers stand again to
    /// the right of their first column, the first repeat, moved back to a repeat of the first
    /// table's first header (`序号`) when one stands before it; nil for one table.
    /// (`1-5月完成投资 | 1-6月完成投资` alone, or `项目编码 | 统一项目代码`, is one table.)
    static func secondTable(_ top: [CellMatch]) -> Int? {
        var repeats: [Int] = []
        for f in required {
            let columns = top.indices.filter { SheetLayout.projectProgress.pick(top[$0]) == f }
            if columns.count >= 2 { repeats.append(columns[1]) }
        }
        guard repeats.count >= 2, let first = repeats.min(), let lead = top.firstIndex(where: { !$0.isEmpty }) else { return nil }
        let ends = required.compactMap { f in top.firstIndex { SheetLayout.projectProgress.pick($0) == f } }.max() ?? lead
        let start = top.indices.first { $0 > ends && $0 <= first && top[$0].header.text == top[lead].header.text }
        return start ?? first
    }

    /// `F` for column index 5, `AA` for 26.
    static func letters(_ index: Int) -> String {
        var n = index + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }
}
