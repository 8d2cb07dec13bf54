import Foundation
import Testing
@testable import SheetReader

/// Any grid of cells gives a SheetError or a full set of outcomes (one per record), never a
/// crash or a hang. Cells are drawn from header words, numbers, labels and junk.
@Suite struct SheetReadingPropertyTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let vocabulary = [
        "", "", "", "项目代码", "项目名称", "1-6月完成投资", "县区", "固定资产投资", "同比增长", "累计", "单位", "指标",
        "本年累计", "年度目标", "1月", "2月", "报告期", "资金类别", "合计", "小计", "一、产业项目", "（一）", "注：", "其中：",
        "2022年1-6月", "2022-06", "填报单位：灵山县", "单位：亿元", "1,234.5", "(12)", "1.2E+05", "#N/A", "—", "12%",
        "２０２０－１", "abc", "\n", "\"", "-5", "1E+40", "99999999999999999999", "是", "2022/2/30", "44635", "钦南区", "工业投资",
        "987,6", "12.000", "1.234,5", "¥1,234", "800",
    ]

    /// Also as a `;` file, whose numbers' style is decided from rows read ahead.
    @Test(arguments: 0..<200, [UInt8(ascii: ","), UInt8(ascii: ";")])
    func neverCrashes(seed: Int, delimiter: UInt8) throws {
        var rng = SplitMix(state: UInt64(seed))
        let rowCount = Int.random(in: 0...30, using: &rng)
        let rows = (0..<rowCount).map { _ in
            (0..<Int.random(in: 0...8, using: &rng)).map { _ in Self.vocabulary.randomElement(using: &rng)! }
        }
        let reader: SheetReading
        do {
            reader = try SheetReading(source: ArrayRecordSource(rows: rows, delimiter: delimiter), fileName: "fuzz.csv", options: ReadOptions())
        } catch is SheetError {
            return
        }
        var count = 0
        while let _ = try reader.next() {
            count += 1
            try #require(count <= rows.count)
        }
        #expect(count == reader.recordsRead)
        #expect(reader.recordsRead == rows.count)
    }
}
