import Foundation
import Testing
@testable import SheetReader

/// Every record of `bytes`, read with the given chunk size.
func readAll(_ bytes: [UInt8], encoding: TextEncoding? = nil, delimiter: UInt8? = nil, chunkSize: Int = 64 * 1024,
             maxRecordBytes: Int = RecordStream.defaultMaxRecordBytes) throws -> [CSVRecord] {
    let stream = try RecordStream(bytes: bytes, encoding: encoding, delimiter: delimiter, fileName: "t.csv",
                                  chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    var out: [CSVRecord] = []
    while let r = try stream.next() { out.append(r) }
    return out
}

func fields(_ records: [CSVRecord]) -> [[String]] { records.map(\.fields) }

/// The error `body` throws, as a SheetError.
func sheetError(_ body: () throws -> Void) -> SheetError? {
    do { try body() } catch let e as SheetError { return e } catch { Issue.record("not a SheetError: \(error)") }
    return nil
}

@Suite struct RecordStreamTests {
    static let sheet = "附件1,,,\n2022年1-6月钦州市重大项目投资进度表,,,\n项目代码,项目名称,\"1-6月\n完成投资（万元）\",备注\nQZ-001,\"钦州港\"\"一号\"\"码头\",1,234.5\nQZ-002,灵山县工业园,-,\n"
    static let sheetRecords: [[String]] = [
        ["附件1", "", "", ""],
        ["2022年1-6月钦州市重大项目投资进度表", "", "", ""],
        ["项目代码", "项目名称", "1-6月\n完成投资（万元）", "备注"],
        ["QZ-001", "钦州港\"一号\"码头", "1", "234.5"],
        ["QZ-002", "灵山县工业园", "-", ""],
    ]

    // MARK: encodings

    @Test(arguments: [
        (TextEncoding.utf8, [UInt8]()), (.utf8, [0xEF, 0xBB, 0xBF]), (.gb18030, []),
    ] as [(TextEncoding, [UInt8])])
    func readsEachEncodingWithoutFlags(encoding: TextEncoding, bom: [UInt8]) throws {
        let bytes = bom + TestEncoding.encode(Self.sheet, as: encoding)
        let stream = try RecordStream(bytes: bytes, fileName: "t.csv")
        #expect(stream.encoding == encoding)
        #expect(stream.delimiter == UInt8(ascii: ","))
        var got: [[String]] = []
        while let r = try stream.next() { got.append(r.fields) }
        #expect(got == Self.sheetRecords)
        #expect(stream.bytesRead == bytes.count)
    }

    @Test func readsUTF16LEWithBOMAndTabs() throws {
        let text = "2022年6月各县区固定资产投资\n地区\t固定资产投资\t同比增长\n钦南区\t1,234.5\t12.3%\r\n灵山县\t\"多\n行\"\t-\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + TestEncoding.encode(text, as: .utf16le)
        let stream = try RecordStream(bytes: bytes, fileName: "t.txt")
        #expect(stream.encoding == .utf16le)
        #expect(stream.delimiter == UInt8(ascii: "\t"))
        var got: [CSVRecord] = []
        while let r = try stream.next() { got.append(r) }
        #expect(got == [
            CSVRecord(line: 1, fields: ["2022年6月各县区固定资产投资"]),
            CSVRecord(line: 2, fields: ["地区", "固定资产投资", "同比增长"]),
            CSVRecord(line: 3, fields: ["钦南区", "1,234.5", "12.3%"]),
            CSVRecord(line: 4, fields: ["灵山县", "多\n行", "-"]),
        ])
    }

    /// UTF-16BE with its mark (rejected as "bytes FE FF … are not valid gb18030") and UTF-16
    /// of either order without one (needed `--encoding`) read as UTF-16LE with its mark does.
    @Test(arguments: [([0xFE, 0xFF], TextEncoding.utf16be), ([], .utf16be), ([], .utf16le)] as [([UInt8], TextEncoding)])
    func readsUTF16BEAndUnmarkedUTF16(mark: [UInt8], encoding: TextEncoding) throws {
        let text = "2022年1月钦州高新区重大项目\n项目代码\t项目名称\t1-1月完成投资\n2022-450700-48-01-000100\t\"道路,一期\"\t1234.5\r\n"
        let stream = try RecordStream(bytes: mark + TestEncoding.encode(text, as: encoding), fileName: "t.txt")
        #expect(stream.encoding == encoding)
        #expect(stream.delimiter == UInt8(ascii: "\t"))
        var got: [[String]] = []
        while let r = try stream.next() { got.append(r.fields) }
        #expect(got == [["2022年1月钦州高新区重大项目"], ["项目代码", "项目名称", "1-1月完成投资"],
                        ["2022-450700-48-01-000100", "道路,一期", "1234.5"]])
        let forced = try readAll(TestEncoding.encode(text, as: encoding), encoding: encoding)
        #expect(fields(forced) == got)
    }

    /// A name pasted as UTF-8 into a GBK file: read as UTF-8, and its record notes the cell
    /// (after a quoted cell holding the delimiter), also past the first chunks of a large file.
    @Test(arguments: [(0, 64 * 1024), (6000, 4096), (6000, 7)])
    func aRunOfUTF8InGBKIsNotedOnItsRecord(rowsBefore: Int, chunkSize: Int) throws {
        let before = String(repeating: "B0,钦南区道路改造工程,项目\n", count: rowsBefore)
        let bytes = TestEncoding.encode("项目代码,备注,项目名称\n" + before + "A1,\"甲,乙\",灵山县", as: .gb18030) + Array("标准厂房".utf8)
            + TestEncoding.encode("\nA2,,道路\n", as: .gb18030)
        let records = try readAll(bytes, chunkSize: chunkSize)
        #expect(records.count == rowsBefore + 3)
        let last = Array(records.suffix(2))
        #expect(fields(last) == [["A1", "甲,乙", "灵山县标准厂房"], ["A2", "", "道路"]])
        #expect(records.map(\.notes.count).reduce(0, +) == 1)
        #expect(last[0].notes.first?.column == 3)
        #expect(last[0].notes.first?.message.contains("read as UTF-8 '标准厂房', not as GBK '鏍囧噯鍘傛埧'") == true)
    }

    @Test func knownGBKBytesWithoutIconvInTheTest() throws {
        // "钦州,项目代码\n" in GBK: C7D5 D6DD 2C CFEE C4BF B4FA C2EB 0A
        let bytes: [UInt8] = [0xC7, 0xD5, 0xD6, 0xDD, 0x2C, 0xCF, 0xEE, 0xC4, 0xBF, 0xB4, 0xFA, 0xC2, 0xEB, 0x0A]
        let records = try readAll(bytes)
        #expect(fields(records) == [["钦州", "项目代码"]])
    }

    @Test(arguments: [TextEncoding.utf8, .gb18030])
    func forcedEncodingWins(encoding: TextEncoding) throws {
        // C4E3 BAC3 is 你好 in GBK; as forced UTF-8 it is invalid.
        let bytes: [UInt8] = [0x61, 0x2C, 0xC4, 0xE3, 0xBA, 0xC3, 0x0A]
        if encoding == .gb18030 {
            #expect(fields(try readAll(bytes, encoding: .gb18030)) == [["a", "你好"]])
        } else {
            #expect(sheetError { _ = try readAll(bytes, encoding: .utf8) }?.code == .invalidEncoding)
        }
    }

    /// (encoding, bytes, line, byte offset in the original file)
    @Test(arguments: [
        (TextEncoding.utf8, Array("a,b\n\"x\ny\",钦\nc,".utf8) + [0xE4, 0x41] + Array("\n".utf8), 4, 16),
        (.utf8, [0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc,".utf8) + [0xFF], 3, 10),
        (.gb18030, [0xC7, 0xD5, 0x0A, 0xC7, 0xD5, 0x2C, 0xFF, 0x0A], 2, 6),
        (.gb18030, [0xC7, 0xD5, 0x0A, 0x0A, 0xC7], 3, 4),       // cut at end of file
        (.utf16le, [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x00, 0xDC], 2, 6),
    ] as [(TextEncoding, [UInt8], Int, Int)])
    func invalidBytesNameLineAndOffset(encoding: TextEncoding, bytes: [UInt8], line: Int, offset: Int) {
        for chunk in [1, 2, 3, 7, 1024] {
            let error = sheetError { _ = try readAll(bytes, encoding: encoding, chunkSize: chunk) }
            #expect(error?.code == .invalidEncoding)
            #expect(error?.line == line, "chunk \(chunk)")
            #expect(error?.byteOffset == offset, "chunk \(chunk)")
            #expect(error?.file == "t.csv")
            #expect(error?.message.contains("--encoding") == true)
        }
    }

    @Test func gbkBytesAfterAnASCIIStartAreDetected() throws {
        // 300 KiB of ASCII before the first GBK character: still detected (sample up to 1 MiB).
        let ascii = String(repeating: "a,b\n", count: 300 * 256)
        let bytes = Array(ascii.utf8) + [0xC7, 0xD5, 0x2C, 0x31, 0x0A]
        let stream = try RecordStream(bytes: bytes, fileName: "t.csv")
        #expect(stream.encoding == .gb18030)
        var last: CSVRecord?
        while let r = try stream.next() { last = r }
        #expect(last == CSVRecord(line: 300 * 256 + 1, fields: ["钦", "1"]))
    }

    @Test func neverAReplacementCharacter() {
        let error = sheetError { _ = try readAll(Array("ok\n".utf8) + [0xFF, 0xFE, 0xFD], encoding: .utf8) }
        #expect(error?.code == .invalidEncoding)
        #expect(error?.description.contains("\u{FFFD}") == false)
    }

    // MARK: chunk boundaries

    @Test(arguments: [TextEncoding.utf8, .gb18030, .utf16le])
    func everyChunkSizeGivesTheSameRecords(encoding: TextEncoding) throws {
        let bom: [UInt8] = encoding == .utf16le ? [0xFF, 0xFE] : []
        let bytes = bom + TestEncoding.encode(Self.sheet.replacingOccurrences(of: "\n", with: "\r\n"), as: encoding)
        let whole = try readAll(bytes)
        #expect(fields(whole) == Self.sheetRecords.map { $0.map { $0.replacingOccurrences(of: "\n", with: "\r\n") } })
        #expect(whole.map(\.line) == [1, 2, 3, 5, 6])
        for chunk in 1...bytes.count {
            #expect(try readAll(bytes, chunkSize: chunk) == whole, "chunk size \(chunk)")
        }
    }

    // MARK: line endings and quoting

    @Test(arguments: [
        ("a,b\nc,d\n", [["a", "b"], ["c", "d"]], [1, 2]),
        ("a,b\r\nc,d\r\n", [["a", "b"], ["c", "d"]], [1, 2]),
        ("a,b\rc,d\r", [["a", "b"], ["c", "d"]], [1, 2]),
        ("a,b\r\nc,d", [["a", "b"], ["c", "d"]], [1, 2]),
        ("a\n\nb\n", [["a"], [""], ["b"]], [1, 2, 3]),
        ("a\r\n\r\n\r\nb", [["a"], [""], [""], ["b"]], [1, 2, 3, 4]),
        ("a\r\rb", [["a"], [""], ["b"]], [1, 2, 3]),
        ("\n", [[""]], [1]),
        ("", [], []),
        ("a,", [["a", ""]], [1]),
        (",\n", [["", ""]], [1]),
        ("\"a\nb\",c\nd", [["a\nb", "c"], ["d"]], [1, 3]),
        ("\"a\r\nb\r\n\",c\r\nd", [["a\r\nb\r\n", "c"], ["d"]], [1, 4]),
        ("\"a\rb\",c\rd", [["a\rb", "c"], ["d"]], [1, 3]),
        ("\"\"\"\",\"a\"\"b\",\"\"", [["\"", "a\"b", ""]], [1]),
        ("5\" pipe,x\"y\"z,end\"", [["5\" pipe", "x\"y\"z", "end\""]], [1]) as (String, [[String]], [Int]),
    ])
    func tokenizes(text: String, expected: [[String]], lines: [Int]) throws {
        let bytes = Array(text.utf8)
        for chunk in [1, 2, 3, 1024] {
            let records = try readAll(bytes, delimiter: UInt8(ascii: ","), chunkSize: chunk)
            #expect(fields(records) == expected, "chunk \(chunk)")
            #expect(records.map(\.line) == lines, "chunk \(chunk)")
        }
    }

    @Test func aQuoteOpeningTheLastFieldMustClose() {
        // `,"` at the very end opens a quoted field that never closes.
        let error = sheetError { _ = try readAll(Array("a,b\n5\" pipe,\"".utf8)) }
        #expect(error?.code == .malformedCSV)
        #expect(error?.line == 2)
    }

    @Test func raggedRowsAreLeftAsTheyAre() throws {
        let records = try readAll(Array("a,b,c\n1\n1,2,3,4,5\n,\n".utf8))
        #expect(fields(records) == [["a", "b", "c"], ["1"], ["1", "2", "3", "4", "5"], ["", ""]])
    }

    @Test(arguments: [1, 3, 1024])
    func unclosedQuoteNamesTheLineWhereItOpened(chunk: Int) {
        let error = sheetError { _ = try readAll(Array("a,b\nc,\"open\n\nstill open,d\n".utf8), chunkSize: chunk) }
        #expect(error?.code == .malformedCSV)
        #expect(error?.line == 2)
        #expect(error?.column == 2)
        #expect(error?.description.hasPrefix("t.csv:2:2: ") == true)
    }

    /// `"a"b`: the row comes out with its raw cell text and a problem naming the column (the
    /// structure layer rejects that row); the records after it read normally.
    @Test(arguments: [("\"a\"b,c", 1, "\"a\"b"), ("\"a\" ,c", 1, "\"a\" "), ("x,\"a\"\"\"b", 2, "\"a\"\"\"b")])
    func textAfterAClosingQuoteFlagsTheRecord(text: String, column: Int, raw: String) throws {
        for chunk in [1, 3, 1024] {
            let records = try readAll(Array(("h\n" + text + "\nnext,1\n").utf8), chunkSize: chunk)
            #expect(records.count == 3, "chunk \(chunk)")
            #expect(records[1].line == 2)
            #expect(records[1].problem?.column == column, "chunk \(chunk)")
            #expect(records[1].problem?.message.contains("closing quote") == true)
            #expect(records[1].fields[column - 1] == raw, "chunk \(chunk)")
            #expect(records[0].problem == nil && records[2].problem == nil)
            #expect(records[2].fields == ["next", "1"])
        }
    }

    @Test func afterAnErrorTheStreamIsFinished() throws {
        let stream = try RecordStream(bytes: Array("h\n\"open\n".utf8), fileName: "t.csv")
        _ = try stream.next()
        #expect(throws: SheetError.self) { try stream.next() }
        #expect(try stream.next() == nil)
    }

    // MARK: bounds

    @Test func aTenMegabyteFieldIsFine() throws {
        let big = String(repeating: "钦州,\"\n", count: 10 * 1024 * 1024 / 10)
        let text = "a,\"" + big.replacingOccurrences(of: "\"", with: "\"\"") + "\",b\nnext\n"
        let records = try readAll(Array(text.utf8), chunkSize: 256 * 1024)
        #expect(records.count == 2)
        #expect(records[0].fields == ["a", big, "b"])
        #expect(records[1].line == 2 + big.filter { $0 == "\n" }.count)
    }

    @Test(arguments: [1, 100, 1 << 20])
    func aRecordBeyondTheBoundIsTooLarge(chunk: Int) {
        let text = "ok\n\n" + String(repeating: "x", count: 5000) + "\nafter\n"
        let error = sheetError { _ = try readAll(Array(text.utf8), chunkSize: chunk, maxRecordBytes: 4096) }
        #expect(error?.code == .tooLarge)
        #expect(error?.line == 3)
    }

    @Test func theDefaultBoundIsSixteenMebibytes() {
        #expect(RecordStream.defaultMaxRecordBytes == 16 * 1024 * 1024)
    }

    @Test func manyColumnsAreLinear() throws {
        let n = 200_000
        let row = (0..<n).map { "\($0)" }.joined(separator: ",")
        let started = ContinuousClock.now
        let records = try readAll(Array((row + "\n" + row).utf8), chunkSize: 4096)
        #expect(records.count == 2)
        #expect(records[1].fields.count == n)
        #expect(records[1].fields.last == "\(n - 1)")
        // Not a timing test: a generous ceiling that only a quadratic tokenizer would break.
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    // MARK: files

    @Test func readsAFileInChunks() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rio-\(UUID().uuidString).csv")
        let bytes = TestEncoding.encode(Self.sheet, as: .gb18030)
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let stream = try RecordStream(url: url, encoding: nil, delimiter: nil, fileName: nil, chunkSize: 5)
        #expect(stream.fileName == url.lastPathComponent)
        #expect(stream.encoding == .gb18030)
        var got: [[String]] = []
        while let r = try stream.next() { got.append(r.fields) }
        #expect(got == Self.sheetRecords)
        #expect(stream.bytesRead == bytes.count)
        let scanned = try scanFile(url: url)
        #expect(scanned.records == Self.sheetRecords.count)
        #expect(scanned.bytes == bytes.count)
    }

    @Test func aMissingFileIsUnreadable() {
        let error = sheetError { _ = try RecordStream(url: URL(fileURLWithPath: "/nonexistent/x.csv"), fileName: "x.csv") }
        #expect(error?.code == .unreadable)
        #expect(error?.file == "x.csv")
    }
}

/// The tokenizer skips eight bytes at a time in unquoted fields: a delimiter, LF or CR at any
/// offset of a word (and bytes that differ from one by one bit, or follow a zero byte) must
/// end the field exactly where a byte-by-byte split does.
@Suite struct UnquotedFieldScanTests {
    /// Fields of every length 0…19 made of `filler`, in one line, then a second line.
    @Test(arguments: [
        (UInt8(ascii: ","), "x"), (UInt8(ascii: ","), "钦"), (UInt8(ascii: ","), "-"), (UInt8(ascii: ","), "\u{0}"),
        (UInt8(ascii: "\t"), "\u{8}"), (UInt8(ascii: ";"), ":"), (UInt8(ascii: ","), "\u{C}"), (UInt8(ascii: ","), "\u{E}"),
    ] as [(UInt8, String)])
    func fieldsEndWhereAByteSplitEnds(delimiter: UInt8, filler: String) throws {
        for lineBreak in ["\n", "\r\n", "\r"] {
            let cells = (0..<20).map { String(repeating: filler, count: $0) }
            let d = String(UnicodeScalar(delimiter))
            let text = cells.joined(separator: d) + lineBreak + cells.reversed().joined(separator: d) + lineBreak + "end"
            for chunk in [5, 64 * 1024] {
                let records = try readAll(Array(text.utf8), encoding: .utf8, delimiter: delimiter, chunkSize: chunk)
                #expect(fields(records) == [cells, cells.reversed(), ["end"]], "break \(lineBreak.utf8.map { $0 }) chunk \(chunk)")
                #expect(records.map(\.line) == [1, 2, 3])
            }
        }
    }
}
