import Foundation
import Testing
@testable import SheetReader

/// A run of UTF-8 in a GBK file (`StrayUTF8`): read as UTF-8 when the UTF-8 reading is common
/// Chinese and the GBK one is not, and never for genuine GBK text.
@Suite struct StrayUTF8Tests {
    static let table = GB18030Table.shared!

    /// `bytes` through the GB18030 decoder in two chunks split at `split`: the text and the runs found.
    static func decode(_ bytes: [UInt8], split: Int? = nil) -> (text: String, runs: [StrayRun], failure: DecodeFailure?) {
        let decoder = try! GB18030Decoder(table: table, startOffset: 0)
        var out: [UInt8] = []
        let cut = split ?? bytes.count
        decoder.pending.append(contentsOf: bytes[..<cut])
        var failure = decoder.decode(into: &out, final: false)
        if failure == nil {
            decoder.pending.append(contentsOf: bytes[cut...])
            failure = decoder.decode(into: &out, final: true)
        }
        return (String(decoding: out, as: UTF8.self), decoder.strayRuns, failure)
    }

    static func gbk(_ text: String) -> [UInt8] { TestEncoding.encode(text, as: .gb18030) }

    @Test(arguments: [
        (0xB1, 0xEA, StrayUTF8.Rarity.common),    // 标
        (0xA1, 0xA2, .common),                     // 、
        (0xA3, 0xA8, .common),                     // （
        (0xE6, 0xA0, .rare),                       // 鏍, GBK/4
        (0x87, 0xE5, .rare),                       // 囧, GBK/3
        (0xD8, 0xA2, .uncommon),                   // 丌, GB2312 level 2
        (0xA2, 0xD9, .uncommon),                   // ⑴
        (0xA4, 0xA2, .odd),                        // あ
        (0xA6, 0xC1, .odd),                        // α
        (0xAA, 0xA1, .odd),                        // user-defined
    ] as [(UInt8, UInt8, StrayUTF8.Rarity)])
    func rarityOfAGBKCode(lead: UInt8, trail: UInt8, expected: StrayUTF8.Rarity) {
        #expect(StrayUTF8.Rarity(lead: lead, trail: trail) == expected)
    }

    @Test(arguments: [("标", StrayUTF8.Rarity.common), ("鏍", .rare), ("丌", .uncommon), ("あ", .odd), ("😀", .odd), ("Ŀ", .odd)])
    func rarityOfACharacter(text: String, expected: StrayUTF8.Rarity) {
        #expect(StrayUTF8.Rarity(text.unicodeScalars.first!.value) == expected)
    }

    /// The probe's file: `标准厂房` in UTF-8 among GBK text.
    static let pasted = gbk("3,钦南区") + Array("标准厂房".utf8) + gbk(",2022-450702-48-01-000102,5000,停工\r\n")

    @Test func aPastedNameIsReadAsUTF8() {
        let (text, runs, failure) = Self.decode(Self.pasted)
        #expect(failure == nil)
        #expect(text == "3,钦南区标准厂房,2022-450702-48-01-000102,5000,停工\r\n")
        #expect(runs.count == 1)
        #expect(runs.first?.run.verdict == .utf8)
        #expect(runs.first?.run.utf8 == "标准厂房")
        #expect(runs.first?.run.gbk == "鏍囧噯鍘傛埧")
        #expect(runs.first?.byteOffset == 8)
        #expect(runs.first?.textOffset == Array("3,钦南区".utf8).count)
    }

    /// The run cut by the chunk end anywhere: the same text (the decoder waits for the run's end).
    @Test func aRunCutByAChunkEnd() {
        let whole = Self.decode(Self.pasted)
        for split in 0...Self.pasted.count {
            let cut = Self.decode(Self.pasted, split: split)
            #expect(cut.text == whole.text, "split at \(split)")
            #expect(cut.runs == whole.runs, "split at \(split)")
        }
    }

    /// Pasted text of an odd number of characters is no GBK at all (its last byte pairs with the
    /// comma): the file could not be read; now the run is UTF-8. Names pasted whole or in part.
    @Test(arguments: ["区", "标准厂房二期", "钦州港“一号”码头", "道路改造工程", "污水处理厂"])
    func pastedTextIsUTF8(_ name: String) {
        let bytes = Self.gbk("1,灵山县") + Array(name.utf8) + Self.gbk(",在建\n")
        let (text, runs, failure) = Self.decode(bytes)
        #expect(failure == nil)
        #expect(text == "1,灵山县\(name),在建\n")
        #expect(runs.map(\.run.verdict) == [.utf8])
    }

    /// Genuine GBK text stays iconv's: the region and department names, the synonym table, the
    /// fixture sheets' text, joined as cells.
    @Test func genuineGBKTextIsNeverReadAsUTF8() throws {
        var texts = try Self.chineseTexts()
        texts += ["钦南区", "钦北区", "灵山县", "浦北县", "自贸区钦州港片区", "中马钦州产业园区", "钦州高新区", "三娘湾旅游管理区",
                  "市发展改革委", "市工业和信息化局", "市住房城乡建设局", "市交通运输局", "市卫生健康委", "市投资促进局"]
        #expect(texts.count > 500)
        for joiner in [",", "", "\n"] {
            let bytes = Self.gbk(texts.joined(separator: joiner))
            let reference = try! IconvDecoder(encoding: .gb18030, startOffset: 0)
            var expected: [UInt8] = []
            reference.pending = bytes
            #expect(reference.decode(into: &expected, final: true) == nil)
            let (text, runs, _) = Self.decode(bytes)
            #expect(text == String(decoding: expected, as: UTF8.self))
            #expect(runs.filter { $0.run.verdict == .utf8 }.isEmpty, "\(runs)")
        }
    }

    /// Random GB2312 text (a tenth of it level-2 hanzi, thirty times their share in real text) in
    /// cells of 2 to 12 characters, seeded: none is read as UTF-8.
    @Test(arguments: [21, 22])
    func randomGB2312TextIsNeverReadAsUTF8(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        func character() -> [UInt8] {
            while true {
                let lead = Bool.random(using: &rng) || Int.random(in: 0..<5, using: &rng) > 0
                    ? UInt8.random(in: 0xB0...0xD7, using: &rng) : UInt8.random(in: 0xD8...0xF7, using: &rng)
                let trail = UInt8.random(in: 0xA1...0xFE, using: &rng)
                if Self.table.pair(lead, trail) != 0 { return [lead, trail] }
            }
        }
        var bytes: [UInt8] = []
        for _ in 0..<60_000 {
            for _ in 0..<Int.random(in: 2...12, using: &rng) { bytes += character() }
            bytes.append(0x2C)
        }
        let (_, runs, failure) = Self.decode(bytes)
        #expect(failure == nil)
        #expect(runs.filter { $0.run.verdict == .utf8 }.isEmpty, "\(runs.prefix(3))")
    }

    /// The Chinese text of the synonym table and the fixture sheets, in runs of characters GBK has.
    static func chineseTexts(filePath: String = #filePath) throws -> [String] {
        var sources: [String] = []
        let base = try #require(Bundle.module.resourceURL)
        let files = FileManager.default.enumerator(at: base.appendingPathComponent("Fixtures"), includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard ["csv", "txt"].contains(file.pathExtension) else { continue }
            let stream = try RecordStream(url: file)
            while let record = try stream.next() { sources += record.fields }
        }
        // Tests/SheetReaderTests/Decoding/ -> Sources/SheetReader/Resources/synonyms.tsv
        let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        sources.append(try String(contentsOf: root.appendingPathComponent("Sources/SheetReader/Resources/synonyms.tsv"), encoding: .utf8))
        var runs = Set<String>()
        for source in sources {
            var run = ""
            for scalar in source.unicodeScalars {
                if scalar.value >= 0x3000, scalar.value < 0x10000, StrayUTF8.gbkCodes[Int(scalar.value)] != 0 {
                    run.unicodeScalars.append(scalar)
                } else if !run.isEmpty {
                    runs.insert(run)
                    run = ""
                }
            }
            if !run.isEmpty { runs.insert(run) }
        }
        return runs.sorted()
    }
}
