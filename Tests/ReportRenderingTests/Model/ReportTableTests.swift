import Foundation
import Testing
@testable import ReportRendering

@Suite struct ReportTableTests {
    @Test func optionalsMapToNull() {
        #expect(ReportValue(dec("1.5") as Decimal?) == .decimal(dec("1.5")))
        #expect(ReportValue(nil as Decimal?) == .null)
        #expect(ReportValue(3 as Int?) == .integer(3))
        #expect(ReportValue(nil as String?) == .null)
        #expect(ReportValue(true as Bool?) == .bool(true))
    }

    @Test(arguments: ReportFormat.allCases)
    func shortRowsReadAsNulls(format: ReportFormat) {
        let table = ReportTable(title: "t", columns: Sample.columns, rows: [[.text("钦南区")]])
        let out = render(table, as: format)
        #expect(out.contains("钦南区"))
        if format == .json { #expect(out.contains("\"meets_target\": null")) }
        if format == .csv { #expect(out.hasSuffix("钦南区,,,,,\r\n")) }
    }
}
