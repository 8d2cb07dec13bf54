import Foundation

/// One parameter value as libpq receives it.
public struct PostgresBind: Sendable, Hashable {
    public enum Format: Int32, Sendable { case text = 0, binary = 1 }
    /// nil is SQL NULL.
    public var bytes: [UInt8]?
    public var format: Format
    /// Type OID sent to the server; 0 lets the server infer it from context (like a literal).
    public var typeOID: UInt32

    public init(bytes: [UInt8]?, format: Format = .text, typeOID: UInt32 = 0) {
        self.bytes = bytes
        self.format = format
        self.typeOID = typeOID
    }

    public static func text(_ value: String, typeOID: UInt32 = 0) -> PostgresBind {
        PostgresBind(bytes: Array(value.utf8), format: .text, typeOID: typeOID)
    }
}

/// A Swift value that can be sent as a `$n` parameter.
public protocol PostgresBindable {
    /// Type OID used for this type, also when the value is `nil` (0 = let the server infer).
    static var postgresTypeOID: UInt32 { get }
    var postgresBind: PostgresBind { get }
}

/// A SQL statement whose interpolated values become `$n` parameters, so a value can never
/// become SQL text. Identifiers go through `\(.identifier("name"))` (escaped by libpq with
/// `PQescapeIdentifier` when the statement runs); trusted SQL fragments through
/// `\(unsafeRaw: "...")`; other `SQL` values can be embedded with `\(fragment)`.
///
///     let sql: SQL = "INSERT INTO \(.identifier("dw", "t")) (name, amount) VALUES (\(name), \(amount))"
public struct SQL: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    enum Piece: Sendable, Hashable {
        case text(String)
        case bind(Int)
        case identifier([String])
    }

    var pieces: [Piece]
    public private(set) var binds: [PostgresBind]

    public init(stringLiteral value: String) {
        pieces = [.text(value)]
        binds = []
    }

    /// Trusted SQL text (e.g. a migration script or a fixed fragment). Never pass user input.
    public init(unsafeRaw text: String) {
        pieces = [.text(text)]
        binds = []
    }

    public init(stringInterpolation: StringInterpolation) {
        pieces = stringInterpolation.pieces
        binds = stringInterpolation.binds
    }

    /// The statement with `$n` placeholders and identifiers quoted by `quote`.
    func render(quoteIdentifier quote: (String) throws -> String) rethrows -> String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let fragment): text += fragment
            case .bind(let index): text += "$\(index + 1)"
            case .identifier(let parts): text += try parts.map(quote).joined(separator: ".")
            }
        }
        return text
    }

    /// Rendering with a plain double-quote escape, for messages only (not for execution).
    public var description: String {
        render { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    }

    /// Appends another statement fragment, renumbering its binds.
    public mutating func append(_ other: SQL) {
        let offset = binds.count
        for piece in other.pieces {
            if case .bind(let index) = piece { pieces.append(.bind(index + offset)) } else { pieces.append(piece) }
        }
        binds.append(contentsOf: other.binds)
    }

    public static func + (lhs: SQL, rhs: SQL) -> SQL {
        var result = lhs
        result.append(rhs)
        return result
    }

    /// Fragments joined by a trusted separator (e.g. ", ").
    public static func joined(_ parts: [SQL], separator: String) -> SQL {
        var result = SQL(unsafeRaw: "")
        for (index, part) in parts.enumerated() {
            if index > 0 { result.append(SQL(unsafeRaw: separator)) }
            result.append(part)
        }
        return result
    }

    /// A quoted identifier, optionally qualified: `.identifier("dw", "fact_x")` → `"dw"."fact_x"`.
    public struct Identifier: Sendable, Hashable {
        let parts: [String]
        public static func identifier(_ parts: String...) -> Identifier { Identifier(parts: parts) }
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var pieces: [Piece] = []
        var binds: [PostgresBind] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            pieces.append(.text(literal))
        }

        /// A value, sent as the next `$n` parameter.
        public mutating func appendInterpolation<Value: PostgresBindable>(_ value: Value) {
            pieces.append(.bind(binds.count))
            binds.append(value.postgresBind)
        }

        /// An optional value: `nil` is sent as NULL.
        public mutating func appendInterpolation<Value: PostgresBindable>(_ value: Value?) {
            pieces.append(.bind(binds.count))
            binds.append(value?.postgresBind ?? PostgresBind(bytes: nil, typeOID: Value.postgresTypeOID))
        }

        /// An identifier, quoted by libpq: `\(.identifier("schema", "table"))`.
        public mutating func appendInterpolation(_ identifier: Identifier) {
            pieces.append(.identifier(identifier.parts))
        }

        /// Trusted SQL text inserted verbatim. Never pass user input.
        public mutating func appendInterpolation(unsafeRaw text: String) {
            pieces.append(.text(text))
        }

        /// Another statement fragment; its binds are renumbered.
        public mutating func appendInterpolation(_ fragment: SQL) {
            let offset = binds.count
            for piece in fragment.pieces {
                if case .bind(let index) = piece { pieces.append(.bind(index + offset)) } else { pieces.append(piece) }
            }
            binds.append(contentsOf: fragment.binds)
        }
    }
}

// MARK: - bindable types

extension String: PostgresBindable {
    public static var postgresTypeOID: UInt32 { 0 }
    public var postgresBind: PostgresBind { .text(self) }
}

extension Substring: PostgresBindable {
    public static var postgresTypeOID: UInt32 { 0 }
    public var postgresBind: PostgresBind { .text(String(self)) }
}

extension Int: PostgresBindable {
    public static var postgresTypeOID: UInt32 { 20 }  // int8
    public var postgresBind: PostgresBind { .text(String(self), typeOID: Self.postgresTypeOID) }
}

extension Int64: PostgresBindable {
    public static var postgresTypeOID: UInt32 { 20 }  // int8
    public var postgresBind: PostgresBind { .text(String(self), typeOID: Self.postgresTypeOID) }
}

extension Int32: PostgresBindable {
    public static var postgresTypeOID: UInt32 { 23 }  // int4
    public var postgresBind: PostgresBind { .text(String(self), typeOID: Self.postgresTypeOID) }
}

extension Bool: PostgresBindable {
    public static var postgresTypeOID: UInt32 { 16 }  // bool
    public var postgresBind: PostgresBind { .text(self ? "t" : "f", typeOID: Self.postgresTypeOID) }
}

extension Decimal: PostgresBindable {
    public static var postgresTypeOID: UInt32 { 1700 }  // numeric
    /// Exact decimal text (Decimal's description is locale-independent: digits and '.').
    public var postgresBind: PostgresBind {
        if isNaN { return .text("NaN", typeOID: Self.postgresTypeOID) }
        return .text(description, typeOID: Self.postgresTypeOID)
    }
}

extension Date: PostgresBindable {
    public static var postgresTypeOID: UInt32 { 1184 }  // timestamptz
    /// ISO 8601 in UTC with microseconds, which timestamptz reads exactly.
    public var postgresBind: PostgresBind {
        let seconds = timeIntervalSince1970
        var whole = seconds.rounded(.down)
        var micros = Int(((seconds - whole) * 1_000_000).rounded())
        if micros == 1_000_000 { whole += 1; micros = 0 }
        var time = time_t(whole)
        var parts = tm()
        gmtime_r(&time, &parts)
        let text = String(
            format: "%04d-%02d-%02d %02d:%02d:%02d.%06d+00", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), micros)
        return .text(text, typeOID: Self.postgresTypeOID)
    }
}

extension Array: PostgresBindable where Element == UInt8 {
    public static var postgresTypeOID: UInt32 { 17 }  // bytea
    public var postgresBind: PostgresBind { PostgresBind(bytes: self, format: .binary, typeOID: 17) }
}

extension Data: PostgresBindable {
    public static var postgresTypeOID: UInt32 { 17 }  // bytea
    public var postgresBind: PostgresBind { PostgresBind(bytes: [UInt8](self), format: .binary, typeOID: 17) }
}
