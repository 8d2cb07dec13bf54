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
        let values = ResultValues(copying: result, index: ColumnIndex(names: names), rows: rowCount)
        self.columns = names
        self.rows = (0..<rowCount).map { Row(storage: values, row: $0) }
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

/// Every value of a result, copied out of libpq into one byte buffer: a month's stalled list
/// at ten million facts is 200,000 values, and a `String` each was 200,000 allocations made
/// and freed again before the report was written (benchmarks.md §15). Values become `String`s
/// only when read.
final class ResultValues: Sendable {
    let index: ColumnIndex
    /// The UTF-8 of every non-NULL value, row by row, column by column.
    let bytes: [UInt8]
    /// Cell `i` (row × columns + column) is `bytes[bounds[i] ..< bounds[i + 1]]`.
    let bounds: [Int]
    let isNull: [Bool]

    init(copying result: OpaquePointer, index: ColumnIndex, rows: Int) {
        let columns = index.names.count
        var bounds: [Int] = []
        bounds.reserveCapacity(rows * columns + 1)
        bounds.append(0)
        var isNull: [Bool] = []
        isNull.reserveCapacity(rows * columns)
        var size = 0
        for r in 0..<Int32(rows) {
            for c in 0..<Int32(columns) {
                let null = PQgetisnull(result, r, c) == 1
                isNull.append(null)
                if !null { size += Int(PQgetlength(result, r, c)) }
                bounds.append(size)
            }
        }
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            for r in 0..<rows {
                for c in 0..<columns {
                    let cell = r * columns + c
                    let length = bounds[cell + 1] - bounds[cell]
                    guard length > 0, let value = PQgetvalue(result, Int32(r), Int32(c)) else { continue }
                    value.withMemoryRebound(to: UInt8.self, capacity: length) { source in
                        (buffer.baseAddress! + bounds[cell]).update(from: source, count: length)
                    }
                }
            }
            count = size
        }
        self.index = index
        self.bytes = bytes
        self.bounds = bounds
        self.isNull = isNull
    }
}

/// One result row. Values are the server's text output; NULL is `nil`.
public struct Row: Sendable {
    let storage: ResultValues
    let row: Int

    var index: ColumnIndex { storage.index }

    public var columns: [String] { index.names }

    /// Every value as text, NULL as `nil`.
    public var values: [String?] { (0..<index.names.count).map { self[$0] } }

    public subscript(position: Int) -> String? {
        withUTF8(at: position) { String(decoding: $0, as: UTF8.self) }
    }

    /// The value's UTF-8 bytes, valid only inside `body`; nil for NULL (and `body` not called).
    public func withUTF8<R>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        precondition(position >= 0 && position < index.names.count, "column position \(position) out of range")
        let cell = row * index.names.count + position
        if storage.isNull[cell] { return nil }
        let from = storage.bounds[cell], to = storage.bounds[cell + 1]
        return try storage.bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[from..<to])) }
    }

    /// The value of a named column. Asking for a column the query does not return is a
    /// programming error and traps with the column names available.
    public subscript(column: String) -> String? {
        self[position(of: column)]
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
        guard let text = self[position] else { return nil }
        guard let value = convert(text) else { throw invalid(text, at: position, type) }
        return value
    }

    private func invalid(_ text: String, at position: Int, _ type: String) -> PostgresError {
        PostgresError(
            code: .decodingFailed, operation: "read column \"\(index.names[position])\"",
            message: "value \"\(text.prefix(80))\" is not a valid \(type)")
    }

    public func string(_ column: String) -> String? { self[column] }

    /// numeric as exact Decimal (nil for NULL; throws for NaN/Infinity or non-numbers).
    public func decimal(_ column: String) throws -> Decimal? {
        try parse(column, "decimal", Row.parseDecimal)
    }

    public func int(_ column: String) throws -> Int? { try int(at: position(of: column)) }

    /// Read from the bytes: the server's integer output is ASCII digits with an optional sign.
    public func int(at position: Int) throws -> Int? {
        let value: Int?? = withUTF8(at: position) { Row.parseInt($0) }
        guard let value else { return nil }
        guard let value else { throw invalid(self[position] ?? "", at: position, "integer") }
        return value
    }

    public func bool(_ column: String) throws -> Bool? { try bool(at: position(of: column)) }

    public func bool(at position: Int) throws -> Bool? {
        let value: Bool?? = withUTF8(at: position) { text -> Bool? in
            guard text.count == 1 else { return nil }
            return text[0] == UInt8(ascii: "t") ? true : (text[0] == UInt8(ascii: "f") ? false : nil)
        }
        guard let value else { return nil }
        guard let value else { throw invalid(self[position] ?? "", at: position, "boolean") }
        return value
    }

    /// bytea (server hex output `\x…`) as bytes.
    public func bytes(_ column: String) throws -> [UInt8]? {
        try parse(column, "bytea hex", Row.parseByteaHex)
    }

    /// Decimal digits with an optional sign, as `Int(_:)` reads them (nil on overflow).
    static func parseInt(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        var negative = false
        if let sign = text.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            i = 1
        }
        guard i < text.count else { return nil }
        var value = 0
        while i < text.count {
            let digit = Int(text[i]) - 48
            guard digit >= 0 && digit <= 9 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !o1 && !o2 else { return nil }
            value = next
            i += 1
        }
        return value
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
