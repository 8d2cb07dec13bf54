import Foundation
import Testing
@testable import SheetReader

@Suite struct NumberStyleTests {
    /// The style a `;` file's numeric cells show (rows of amounts, from line 4), and the word its
    /// warning must hold (nil: no warning).
    static let cases: [([[String]], NumberStyle, String?)] = [
        // f35 of probe D: `.` between thousands beside small plain amounts in the same column.
        ([["12.000", "4.000", "2.500", "0"], ["8.000", "3.000", "1.250", "1.250"], ["3.000", "1.500", "800", "100"]],
         .decimalComma, "'2.500' (line 4, c) stands in one column with '800' (line 6)"),
        // f15: decimal commas.
        ([["12.000", "4000", "1.234,5", "200,5"], ["8000", "3000", "2500", "300"], ["3000", "1500", "987,6", "120"]],
         .decimalComma, "'1.234,5' (line 4, c) has a decimal comma"),
        ([["1.234.567", "12"]], .decimalComma, "'1.234.567' (line 4, a) has a decimal comma"),
        // The fixture r05: decimal points, nothing that reads both ways.
        ([["5.2", "1.25"], ["12", "2.4"], ["3.5", "0.05"]], .decimalPoint, nil),
        ([["1234.5", "12.000"]], .decimalPoint, "'12.000' (line 4, b) is read as 12, with '.' as the decimal point"),
        ([["0.500", "2.500"]], .decimalPoint, "'2.500' (line 4, b) is read as 2.5"),
        // `1,234` beside `800`: ',' groups thousands (the usual style).
        ([["1,234", "5"], ["800", "6"]], .decimalPoint, nil),
        ([["1,234", "2.500"], ["800", "2.600"]], .decimalPoint, "'2.500' (line 4, b) is read as 2.5"),
        // Nothing tells.
        ([["12.000", "4.000"], ["8.000", "3.000"]], .undecided, nil),
        ([["800", "100"], ["-", ""]], .undecided, nil),
        // Each mark beside a plain amount in a column of its own.
        ([["2.500", "1,234"], ["800", "100"]], .undecided, nil),
        // Both ways in one file.
        ([["987,6", "1234.5"]], .undecided, "writes numbers both ways, '987,6' (line 4, a) with a decimal comma and '1234.5' (line 4, b)"),
    ]

    @Test(arguments: cases)
    func decides(rows: [[String]], style: NumberStyle, warning: String?) {
        var evidence = NumberStyleEvidence()
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() { evidence.add(cell, line: 4 + r, column: c) }
        }
        let decided = evidence.decision { ["a", "b", "c", "d"][$0] }
        #expect(decided.style == style)
        #expect(decided.warning?.message.contains(warning ?? "\u{0}") ?? (warning == nil), "\(decided.warning?.message ?? "no warning")")
    }
}
