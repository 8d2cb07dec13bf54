import Testing
@testable import SheetReader

/// `RecordCheck.problem` on records from the tokenizer (which carry its byte bound and NUL
/// flag, `CSVRecord.scan`) must say exactly what the per-cell checks say on the same cells.
@Suite struct RecordCheckTests {
    static let columns = ["project_code": 1, "project_name": 2]

    static func tokenized(_ text: String) throws -> CSVRecord {
        let stream = try RecordStream(bytes: Array(text.utf8), encoding: .utf8, delimiter: UInt8(ascii: ","), fileName: "t.csv")
        return try #require(try stream.next())
    }

    @Test(arguments: [
        ("1,2021-450700-36-04-7000010,钦州项目\n", nil),
        ("1,2021,\"a\"\"b\",x\n", nil),
        ("1,2021,a\u{0}b\n", 2),
        ("\"\u{0}\",2021,name\n", 0),
        ("1,\(String(repeating: "7", count: 1025)),name\n", 1),          // a key cell over 1024 bytes
        ("1,2021,\(String(repeating: "项", count: 200))\n", nil),        // 600 bytes: past the bound, checked per cell
        ("1,2021,\(String(repeating: "项", count: 342))\n", 2),          // a 1026-byte name
        ("\(String(repeating: "x", count: 2000)),2021,name\n", nil),     // a long cell that is no key
        ("\(String(repeating: "x", count: 40000)),2021,name\n", 0),      // past the 32 KiB cell limit
        ("\"\(String(repeating: "\"\"", count: 400))\",2021,name\n", nil), // 800 bytes before unescaping, 400 after
    ] as [(String, Int?)])
    func tokenizerBoundAgreesWithTheCellChecks(text: String, column: Int?) throws {
        let record = try Self.tokenized(text)
        #expect(record.scan != nil)
        let handMade = CSVRecord(line: record.line, fields: record.fields, problem: record.problem)
        #expect(handMade.scan == nil && handMade == record)
        let fast = RecordCheck.problem(record, columns: Self.columns)
        let full = RecordCheck.problem(handMade, columns: Self.columns)
        #expect(fast?.column == column)
        #expect(fast?.column == full?.column && fast?.reason == full?.reason)
    }

    @Test func changingTheFieldsDropsTheBound() throws {
        var record = try Self.tokenized("1,2021,name\n")
        #expect(RecordCheck.problem(record, columns: Self.columns) == nil)
        record.fields[2] = "a\u{0}b"
        #expect(record.scan == nil)
        #expect(RecordCheck.problem(record, columns: Self.columns)?.column == 2)
    }
}
