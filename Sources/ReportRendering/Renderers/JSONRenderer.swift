import Foundation

/// JSON: an array of objects, one per row, keys in column order, one object per line.
/// Numbers are JSON numbers written exactly from `Decimal` (never via `Double`), as the query
/// layer gave them: no rounding here, so `12345678901234.56` stays exact and a percentage keeps
/// whatever scale the query chose. NaN (never produced by the query layer) becomes `null`.
/// Strings are UTF-8 (Chinese unescaped); `"`, `\`, control characters and U+2028/U+2029 are
/// escaped. Title and notes are left out: the contract (DESIGN §7) is a bare array.
///
/// Written as bytes into one buffer: a month's stalled list at ten million facts is 5 MB of
/// JSON, and building it from per-scalar `String` appends was most of the CLI's CPU.
public func renderJSON(_ table: ReportTable) -> String {
    String(decoding: renderJSONBytes(table), as: UTF8.self)
}

/// `renderJSON` as UTF-8 bytes, for writing out without making a `String` of them (which
/// validates every byte again).
public func renderJSONBytes(_ table: ReportTable) -> [UInt8] {
    if table.rows.isEmpty { return Array("[]\n".utf8) }
    // `{"key": ` for the first column, `, "key": ` for the others: escaped once, one append a cell.
    let keys: [[UInt8]] = table.columns.indices.map { i in
        var key: [UInt8] = Array((i == 0 ? "{" : ", ").utf8)
        appendJSONString(table.columns[i].key, to: &key)
        key.append(contentsOf: Array(": ".utf8))
        return key
    }
    var out: [UInt8] = []
    // ~26 bytes a cell for the stalled list; room for 32 spares the 5 MB buffer a doubling.
    out.reserveCapacity(table.rows.count * table.columns.count * 32 + 16)
    out.append(contentsOf: "[\n  ".utf8)
    for (r, row) in table.rows.enumerated() {
        if r > 0 { out.append(contentsOf: ",\n  ".utf8) }
        if keys.isEmpty { out.append(UInt8(ascii: "{")) }
        for i in table.columns.indices {
            out.append(contentsOf: keys[i])
            appendJSONValue(i < row.count ? row[i] : .null, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
    out.append(contentsOf: "\n]\n".utf8)
    return out
}

func appendJSONValue(_ value: ReportValue, to out: inout [UInt8]) {
    switch value {
    case .null: out.append(contentsOf: "null".utf8)
    case .text(let s): appendJSONString(s, to: &out)
    case .integer(let i): out.append(contentsOf: String(i).utf8)
    case .decimal(let d): out.append(contentsOf: (plainDecimalString(d) ?? "null").utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    }
}

/// Appends `s` as a quoted JSON string. Works on UTF-8 bytes: every byte that needs escaping
/// is ASCII, except U+2028/U+2029 (E2 80 A8/A9), which JavaScript treats as line breaks.
func appendJSONString(_ s: String, to out: inout [UInt8]) {
    var s = s
    s.withUTF8 { appendJSONString(utf8: $0, to: &out) }
}

private func appendJSONString(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    let hex: StaticString = "0123456789abcdef"
    var plainFrom = 0  // bytes since the last escape are copied in one go
    var i = 0
    let n = bytes.count
    func escape(_ text: StaticString, skipping extra: Int = 0) {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom..<i]))
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        i += 1 + extra
        plainFrom = i
    }
    while i < n {
        let byte = bytes[i]
        switch byte {
        case UInt8(ascii: "\""): escape("\\\"")
        case UInt8(ascii: "\\"): escape("\\\\")
        case 0x0A: escape("\\n")
        case 0x0D: escape("\\r")
        case 0x09: escape("\\t")
        case 0x08: escape("\\b")
        case 0x0C: escape("\\f")
        case 0x00..<0x20, 0x7F:
            escape("\\u00")
            out.append(hex.utf8Start[Int(byte >> 4)])
            out.append(hex.utf8Start[Int(byte & 0x0F)])
        case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
            escape(bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 2)
        default:
            i += 1
        }
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom..<n]))
    out.append(UInt8(ascii: "\""))
}
