import Testing
@testable import SheetReader

@Suite struct DelimiterDetectionTests {
    @Test(arguments: [
        ("2022年1-6月钦州市重大项目投资进度表\n附件1,,,,\n项目代码,项目名称,总投资,备注\nA,b,1,\nB,c,2,\n", ","),
        ("title\n地区\t固定资产投资\t同比增长\n钦南区\t1,234.5\t1.2%\n灵山县\t2,345.6\t3.4%\n浦北县\t12\t1%\n", "\t"),
        ("a;b;c\n1,5;2,5;3\n4;5;6\n", ";"),
        ("\"a,b\";c;d\n\"x,y,z\";1;2\n", ";"),
        ("just one column\nanother\n", ","),
        ("", ","),
        ("a,b\n\"multi\nline, with, commas\",x\n", ","),
    ] as [(String, String)])
    func detects(text: String, delimiter: String) {
        let bytes = Array(text.utf8)
        let d = bytes.withUnsafeBufferPointer { DelimiterDetection.detect($0, complete: true) }
        #expect(d == UInt8(ascii: Unicode.Scalar(delimiter)!))
    }

    @Test func aStreamUsesTheDetectedDelimiter() throws {
        let records = try readAll(Array("填报单位：灵山县发展和改革局  单位：万元\n地区;金额\n灵山;1,5\n".utf8))
        #expect(fields(records) == [["填报单位：灵山县发展和改革局  单位：万元"], ["地区", "金额"], ["灵山", "1,5"]])
    }

    @Test func aForcedDelimiterWins() throws {
        #expect(fields(try readAll(Array("a;b,c\n".utf8), delimiter: UInt8(ascii: ";"))) == [["a", "b,c"]])
    }

    @Test func utf16PrefersTabOnATie() {
        let bytes = Array("only\n".utf8)
        #expect(bytes.withUnsafeBufferPointer { DelimiterDetection.detect($0, complete: true, preferTab: true) } == UInt8(ascii: ","))
        let tied = Array("a,b\tc\n".utf8)
        #expect(tied.withUnsafeBufferPointer { DelimiterDetection.detect($0, complete: true, preferTab: true) } == UInt8(ascii: "\t"))
    }
}
