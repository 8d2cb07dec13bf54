import Foundation
import Testing
@testable import ReportRendering

@Suite struct JSONRendererTests {
    @Test func arrayOfObjectsWithColumnKeys() throws {
        let out = render(Sample.yoyTable, as: .json)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(parsed.count == Sample.yoyTable.rows.count)
        for object in parsed { #expect(Set(object.keys) == Set(Sample.columns.map(\.key))) }
        #expect(parsed[0]["region"] as? String == "钦南区")
        #expect((parsed[0]["yoy_pct"] as? NSNumber)?.doubleValue == 16.25)
        #expect((parsed[1]["ahead_of_time_pp"] as? NSNumber)?.doubleValue == -12)
        #expect((parsed[0]["rank"] as? NSNumber)?.intValue == 1)
        #expect(parsed[0]["meets_target"] as? Bool == true)
        #expect(parsed[1]["meets_target"] as? Bool == false)
        #expect(parsed[2]["yoy_pct"] is NSNull)
        #expect(parsed[2]["meets_target"] is NSNull)
    }

    /// Values are written as given by the query layer: exact, unrounded, never through Double.
    @Test func decimalsAreExact() {
        let out = render(Sample.yoyTable, as: .json)
        #expect(out.contains("\"ytd_value_wan\": 12345678901234.56"))
        #expect(out.contains("\"ytd_value_wan\": 98765.432"))
        #expect(out.contains("\"yoy_pct\": -3.04"))
        #expect(out.contains("\"ytd_value_wan\": 0,"))
        #expect(!out.contains("e+") && !out.contains("E+"))
    }

    @Test(arguments: ["钦南区", "quote\" back\\slash", "line\nbreak\ttab\r", "ctrl\u{01}\u{1F}\u{7F}", "sep\u{2028}\u{2029}", "<script>alert(1)</script>", "😀𠀀"])
    func stringsRoundTrip(text: String) throws {
        let table = ReportTable(title: "", columns: [ReportColumn(key: "region", title: "地区", kind: .text)], rows: [[.text(text)]])
        let out = render(table, as: .json)
        #expect(!out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(parsed.first?["region"] as? String == text)
    }

    @Test func chineseIsWrittenAsUTF8NotEscaped() {
        let out = render(Sample.yoyTable, as: .json)
        #expect(out.contains("\"region\": \"钦南区\""))
    }

    @Test func emptyIsEmptyArray() {
        #expect(render(ReportTable(title: "x", columns: Sample.columns, rows: []), as: .json) == "[]\n")
    }
}
