import Foundation

/// Plain-text, CSV and JSON output for the operator listings (status, rejects). Columns are
/// aligned by display width, so Chinese text (two cells wide) lines up.
public enum ListingFormat: String, Sendable, CaseIterable {
    case table, csv, json
}

public struct Listing: Sendable {
    public var columns: [String]
    public var rows: [[String?]]
    /// Columns whose values are numbers in JSON.
    public var numeric: Set<String>

    public init(columns: [String], rows: [[String?]], numeric: Set<String> = []) {
        self.columns = columns
        self.rows = rows
        self.numeric = numeric
    }

    public func render(_ format: ListingFormat) -> String {
        switch format {
        case .table: return table()
        case .csv: return csv()
        case .json: return json()
        }
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            if scalar.properties.generalCategory == .nonspacingMark || v == 0x200B { return width }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }

    func table() -> String {
        let cells = rows.map { $0.map { ($0 ?? "").replacingOccurrences(of: "\n", with: "⏎") } }
        var widths = columns.map(Self.displayWidth)
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], Self.displayWidth(cell)) }
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { i, value in
                let pad = widths[i] - Self.displayWidth(value)
                return columns.indices.contains(i) && numeric.contains(columns[i])
                    ? String(repeating: " ", count: pad) + value : value + String(repeating: " ", count: pad)
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = [line(columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += cells.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    func csv() -> String {
        func quote(_ value: String) -> String {
            value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        var out = columns.map(quote).joined(separator: ",") + "\n"
        for row in rows { out += row.map { quote($0 ?? "") }.joined(separator: ",") + "\n" }
        return out
    }

    func json() -> String {
        func string(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
                }
            }
            return out + "\""
        }
        let objects = rows.map { row -> String in
            let fields = columns.enumerated().map { i, column -> String in
                let value = i < row.count ? row[i] : nil
                let rendered: String
                if let value {
                    rendered = numeric.contains(column) && Decimal(string: value) != nil ? value : string(value)
                } else {
                    rendered = "null"
                }
                return string(column) + ": " + rendered
            }
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + (objects.isEmpty ? "]\n" : "\n]\n")
    }
}
