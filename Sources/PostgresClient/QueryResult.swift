import CLibPQ
import Foundation

/// Owns one PGresult and calls `PQclear` exactly once. Used only while copying values out.
final class ResultHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { PQclear(pointer) }
}

/// The rows of a statement, copied out of libpq (text format), so it outlives the PGresult.
public struct QueryResult: Sendable {
    public let columns: [String]
    public let rows: [Row]
    /// Rows inserted/updated/deleted/copied as the server reported (`PQcmdTuples`), else 0.
    public let rowsAffected: Int
    /// The command tag, e.g. `INSERT 0 3`.
    public let commandTag: String

    init(copying handle: ResultHandle) {
        let result = handle.pointer
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        let names = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        let index = ColumnIndex(names: names)
        var rows: [Row] = []
        rows.reserveCapacity(rowCount)
        for r in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for c in 0..<columnCount {
                if PQgetisnull(result, Int32(r), Int32(c)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(r), Int32(c))))
                }
            }
            rows.append(Row(index: index, values: values))
        }
        self.columns = names
        self.rows = rows
        self.rowsAffected = PQcmdTuples(result).map { Int(String(cString: $0)) ?? 0 } ?? 0
        self.commandTag = PQcmdStatus(result).map { String(cString: $0) } ?? ""
    }

    /// The first row, if any.
    public var first: Row? { rows.first }
}

final class ColumnIndex: Sendable {
    let names: [String]
    let positions: [String: Int]
    init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (i, name) in names.enumerated() where positions[name] == nil { positions[name] = i }
        self.positions = positions
    }
}

/// One result row. Values are the server's text output; NULL is `nil`.
public struct Row: Sendable {
    let index: ColumnIndex
    public let values: [String?]

    public var columns: [String] { index.names }

    public subscript(position: Int) -> String? { values[position] }

    /// The value of a named column. Asking for a column the query does not return is a
    /// programming error and traps with the column names available.
    public subscript(column: String) -> String? {
        values[position(of: column)]
    }

    /// The position of a named column, for reading many rows by position (`self[position]`,
    /// `int(at:)`, `bool(at:)`) without hashing the name again for every value.
    public func position(of column: String) -> Int {
        guard let position = index.positions[column] else {
            preconditionFailure("no column \"\(column)\" in result (columns: \(index.names.joined(separator: ", ")))")
        }
        return position
    }

    private func parse<T>(_ column: String, _ type: String, _ convert: (String) -> T?) throws -> T? {
        try parse(at: position(of: column), type, convert)
    }

    private func parse<T>(at position: Int, _ type: String, _ convert: (String) -> T?) throws -> T? {
        guard let text = values[position] else { return nil }
        guard let value = convert(text) else {
            throw PostgresError(
                code: .decodingFailed, operation: "read column \"\(index.names[position])\"",
                message: "value \"\(text.prefix(80))\" is not a valid \(type)")
        }
        return value
    }

    public func string(_ column: String) -> String? { self[column] }

    /// numeric as exact Decimal (nil for NULL; throws for NaN/Infinity or non-numbers).
    public func decimal(_ column: String) throws -> Decimal? {
        try parse(column, "decimal", Row.parseDecimal)
    }

    public func int(_ column: String) throws -> Int? { try int(at: position(of: column)) }

    public func int(at position: Int) throws -> Int? {
        try parse(at: position, "integer") { Int($0) }
    }

    public func bool(_ column: String) throws -> Bool? { try bool(at: position(of: column)) }

    public func bool(at position: Int) throws -> Bool? {
        try parse(at: position, "boolean") { $0 == "t" ? true : ($0 == "f" ? false : nil) }
    }

    /// bytea (server hex output `\x…`) as bytes.
    public func bytes(_ column: String) throws -> [UInt8]? {
        try parse(column, "bytea hex", Row.parseByteaHex)
    }

    static func parseDecimal(_ text: String) -> Decimal? {
        // Only plain decimal text: Decimal(string:) would accept prefixes like "12abc".
        let allowed = Set("0123456789.-+eE")
        guard !text.isEmpty, text.allSatisfy({ allowed.contains($0) }) else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    static func parseByteaHex(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"), utf8.count % 2 == 0 else {
            return nil
        }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((utf8.count - 2) / 2)
        var i = 2
        while i < utf8.count {
            guard let high = nibble(utf8[i]), let low = nibble(utf8[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
            i += 2
        }
        return bytes
    }
}
