/// Terminal display width, after Unicode's East Asian Width (UAX #11) as terminals apply it:
/// Wide and Fullwidth characters (CJK ideographs, kana, Hangul syllables, full-width forms,
/// CJK punctuation such as `，。（）`, most emoji) take 2 columns; combining marks, format
/// characters and controls take 0; everything else 1. Ambiguous characters count as 1, which is
/// why the renderers avoid them (null is `-`, not `—`).
public func displayWidth(_ text: some StringProtocol) -> Int {
    text.unicodeScalars.reduce(0) { $0 + displayWidth(of: $1) }
}

public func displayWidth(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if isControl(v) { return 0 }
    if v < 0x300 { return 1 }  // Latin fast path: nothing wide or combining below U+0300.
    // CJK fast path (a table of project names is mostly these): ideographs, Extension A,
    // Hangul syllables and full-width forms are all wide and none is a mark or format
    // character, so the Unicode property lookup below (28% of a 14,611-row table) is skipped.
    if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xFF01...0xFF60).contains(v) { return 2 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    // Hangul conjoining vowels and final consonants attach to the preceding leading consonant.
    if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
    return isWide(v) ? 2 : 1
}

/// General category Cc (controls), which is exactly U+0000–001F and U+007F–009F: tested by
/// value, without the Unicode property lookup.
func isControl(_ v: UInt32) -> Bool { v < 0x20 || (0x7F...0x9F).contains(v) }

/// Pads `text` with spaces to `width` display columns.
func pad(_ text: String, to width: Int, rightAlign: Bool) -> String {
    let fill = String(repeating: " ", count: max(0, width - displayWidth(text)))
    return rightAlign ? fill + text : text + fill
}

/// East Asian Width W and F ranges (Unicode 15), merged where adjacent.
private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
    0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
    0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
    0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
    0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
    0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
    0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
    0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
    0x3041...0x33FF,  // kana, bopomofo, Hangul compatibility jamo, kanbun, CJK strokes, enclosed, compatibility
    0x3400...0x4DBF,  // CJK Extension A
    0x4E00...0x9FFF,  // CJK Unified Ideographs
    0xA000...0xA4CF,  // Yi
    0xA960...0xA97F,  // Hangul Jamo Extended-A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK Compatibility Ideographs
    0xFE10...0xFE19,  // vertical forms
    0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
    0xFF00...0xFF60,  // full-width ASCII and punctuation
    0xFFE0...0xFFE6,  // full-width signs (￥ ￡ …)
    0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
    0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
    0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
    0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C,
    0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0,
    0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC,
    0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
    0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
    0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF,
    0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0,
    0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF,
    0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK Extensions B–H
]

private func isWide(_ v: UInt32) -> Bool {
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
        let mid = (low + high) / 2
        let range = wideRanges[mid]
        if v < range.lowerBound { high = mid - 1 } else if v > range.upperBound { low = mid + 1 } else { return true }
    }
    return false
}
