// Test helper: text in GB18030 or UTF-16 bytes, made with glibc iconv (the same library the
// reader uses, so the known-bytes tests below also pin a few sequences by hand).

import Glibc
@testable import SheetReader

enum TestEncoding {
    static func encode(_ text: String, as encoding: TextEncoding) -> [UInt8] {
        let target: String
        switch encoding {
        case .utf8: return Array(text.utf8)
        case .gb18030: target = "GB18030"
        case .utf16le: target = "UTF-16LE"
        case .utf16be: target = "UTF-16BE"
        }
        let cd = iconv_open(target, "UTF-8")!
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 8)
        let produced = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count, outLeft = outRaw.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                precondition(r != -1, "test text not encodable as \(target)")
                return outRaw.count - outLeft
            }
        }
        return Array(output[..<produced])
    }
}
