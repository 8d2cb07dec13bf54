import Testing
@testable import ReportRendering

@Suite struct CSVRendererTests {
    let table = ReportTable(
        title: "不输出",
        columns: [ReportColumn(key: "unit", title: "单位", kind: .text),
                  ReportColumn(key: "ytd_amount_wan", title: "累计(万元)", kind: .money),
                  ReportColumn(key: "meets_target", title: "达标", kind: .bool)],
        rows: [
            [.text("财政局,本级"), .decimal(dec("1234567.805")), .bool(true)],
            [.text("说\"明\""), .null, .bool(false)],
            [.text("两行\n文本"), .decimal(dec("-0.5")), .null],
            [.text("普通"), .integer(7), .null],
        ],
        notes: ["不输出"])

    @Test func rfc4180WithKeysAsHeaderAndExactValues() {
        let expected = "unit,ytd_amount_wan,meets_target\r\n"
            + "\"财政局,本级\",1234567.805,true\r\n"
            + "\"说\"\"明\"\"\",,false\r\n"
            + "\"两行\n文本\",-0.5,\r\n"
            + "普通,7,\r\n"
        #expect(render(table, as: .csv) == expected)
        #expect(renderCSV(table, byteOrderMark: false) == expected)
    }

    @Test func byteOrderMarkForExcel() {
        let out = renderCSV(table, byteOrderMark: true)
        #expect(Array(out.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(out.dropFirst() == Substring(renderCSV(table)))
    }

    @Test(arguments: [("plain", "plain"), ("a,b", "\"a,b\""), ("a\"b", "\"a\"\"b\""), ("a\rb", "\"a\rb\""), ("", "")])
    func fieldQuoting(input: String, expected: String) {
        #expect(csvField(input) == expected)
    }
}
