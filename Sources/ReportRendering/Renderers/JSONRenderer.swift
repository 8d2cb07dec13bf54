import Foundation

/// JSON: an array of objects, one per row, keys in column order, one object per line.
/// Numbers are JSON numbers written exactly from `Decimal` (never via `Double`), as the query
/// layer gave them: no rounding here, so `12345678901234.56` stays exact and a percentage keeps
/// whatever scale the query chose. NaN (never produced by the query layer) becomes `null`.
/// Strings are UTF-8 (Chinese unescaped); `"`, `\`, control characters and U+2028/U+2029 are
/// escaped. Title and notes are left out: the contract (DESIGN §7) is a bare array.
public func renderJSON(_ table: ReportTable) -> String {
    if table.rows.isEmpty { return "[]\n" }
    let objects = table.rows.map { row in
        "{" + table.columns.indices.map { i in
            jsonString(table.columns[i].key) + ": " + jsonValue(i < row.count ? row[i] : .null)
        }.joined(separator: ", ") + "}"
    }
    return "[\n  " + objects.joined(separator: ",\n  ") + "\n]\n"
}

func jsonValue(_ value: ReportValue) -> String {
    switch value {
    case .null: return "null"
    case .text(let s): return jsonString(s)
    case .integer(let i): return String(i)
    case .decimal(let d): return plainDecimalString(d) ?? "null"
    case .bool(let b): return b ? "true" : "false"
    }
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\u{2028}": out += "\\u2028"
        case "\u{2029}": out += "\\u2029"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
