// Property: any byte sequence gives records or a SheetError, never a crash or a hang.
// Seeded, so a failure reproduces; the seed and case index are in the failure message.

import Testing
@testable import SheetReader

/// SplitMix64: small, seedable, good enough to spread test inputs.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct RecordStreamPropertyTests {
    /// Bytes that matter to the tokenizer and decoders, so random input hits the interesting paths.
    static let alphabet: [UInt8] = [0x2C, 0x09, 0x3B, 0x22, 0x0A, 0x0D, 0x61, 0x20, 0x00, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF,
                                    0xC7, 0xD5, 0xE4, 0xB8, 0x80, 0x81, 0x30, 0x95, 0x32, 0xDC, 0xD8]

    /// Reads everything; returns the record count or the error. Anything else fails the test.
    static func outcome(_ bytes: [UInt8], chunk: Int, encoding: TextEncoding? = nil) -> Result<Int, SheetError> {
        do {
            let stream = try RecordStream(bytes: bytes, encoding: encoding, delimiter: nil, fileName: "p.csv",
                                          chunkSize: chunk, maxRecordBytes: 1500)
            var count = 0
            var lastLine = 0
            while let r = try stream.next() {
                count += 1
                #expect(r.line > lastLine, "lines increase")
                #expect(!r.fields.isEmpty)
                lastLine = r.line
                // Bounded: no more records than line breaks plus one.
                if count > bytes.count + 1 { Issue.record("more records than bytes"); break }
            }
            return .success(count)
        } catch let e as SheetError {
            #expect(!e.message.isEmpty)
            return .failure(e)
        } catch {
            Issue.record("unexpected error type \(error)")
            return .success(-1)
        }
    }

    @Test(arguments: [1, 2, 3])
    func randomBytes(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for index in 0..<1200 {
            let length = Int.random(in: 0...2048, using: &rng)
            let biased = Bool.random(using: &rng)
            let bytes: [UInt8] = (0..<length).map { _ in
                biased ? Self.alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            let chunk = [1, 3, 17, 4096].randomElement(using: &rng)!
            let forced: TextEncoding? = [nil, .utf8, .gb18030, .utf16le].randomElement(using: &rng)!
            let a = Self.outcome(bytes, chunk: chunk, encoding: forced)
            // The chunk size must never change the result.
            let b = Self.outcome(bytes, chunk: 4096, encoding: forced)
            #expect(a == b, "seed \(seed) case \(index)")
        }
    }

    @Test(arguments: [11, 12])
    func mutatedValidCSV(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let valid = TestEncoding.encode(
            "附件1,,,\n项目代码,项目名称,\"1-6月\n完成投资\"\r\nQZ-1,\"钦州\"\"港\"\"\",1,234.5\n\n,,\n", as: .gb18030)
        for index in 0..<1500 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let at = Int.random(in: 0...bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0 where at < bytes.count: bytes.remove(at: at)
                case 1: bytes.insert(Self.alphabet.randomElement(using: &rng)!, at: at)
                default: if at < bytes.count { bytes[at] = UInt8.random(in: 0...255, using: &rng) }
                }
            }
            let a = Self.outcome(bytes, chunk: Int.random(in: 1...40, using: &rng))
            let b = Self.outcome(bytes, chunk: 1 << 16)
            #expect(a == b, "seed \(seed) case \(index)")
        }
    }
}
