import Foundation
import Testing
import Warehouse

@Suite struct SHA256Tests {
    // FIPS 180-2 / NIST example vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        ("The quick brown fox jumps over the lazy dog",
         "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"),
    ])
    func knownVectors(input: String, expected: String) {
        #expect(SHA256.hexDigest(Array(input.utf8)) == expected)
    }

    @Test func millionAs() {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hexDigest(input) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Chunked updates of every split size agree with the one-shot digest (block-boundary cases).
    @Test(arguments: [1, 3, 55, 56, 63, 64, 65, 127, 128, 1000])
    func streamingMatchesOneShot(chunk: Int) {
        let input = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256()
        var index = 0
        while index < input.count {
            let end = min(index + chunk, input.count)
            hasher.update(Array(input[index..<end]))
            index = end
        }
        #expect(SHA256.hex(hasher.finalize()) == SHA256.hexDigest(input))
    }

    @Test func dataAndSequencesHashLikeArrays() {
        let text = "钦州市固定资产投资"
        var hasher = SHA256()
        hasher.update(Data(text.utf8))
        #expect(SHA256.hex(hasher.finalize()) == SHA256.hexDigest(Array(text.utf8)))
    }
}
