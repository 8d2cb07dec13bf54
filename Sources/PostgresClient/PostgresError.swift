import Foundation
import CLibPQ

/// The single error type of PostgresClient, modelled on postgres-nio's PSQLError:
/// a `code` saying what kind of failure, plus the server's fields and what we were doing.
///
/// `description` is safe to print and log: every text that could echo a connection string is
/// redacted, and the query text appears only in `debugDescription`.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// Could not connect, or the connection broke.
        case connectionFailed
        /// The server answered with an error (see `sqlState`).
        case serverError
        /// A COPY FROM STDIN failed (client side or server side).
        case copyFailed
        /// libpq or the server did something this client did not expect.
        case protocolError
        /// A value in a result could not be read as the asked type.
        case decodingFailed
        /// The caller asked for something invalid (e.g. binds in a COPY statement).
        case invalidArgument
    }

    public var code: Code
    /// What the client was doing, e.g. "connect", "query", "COPY".
    public var operation: String
    /// Primary message (server's, or libpq's), already redacted.
    public var message: String
    public var sqlState: String?
    public var severity: String?
    public var detail: String?
    public var hint: String?
    /// 1-based character position in the query (server field `P`).
    public var position: Int?
    /// Server CONTEXT field, e.g. `COPY t, line 5000, column v: "x"`.
    public var context: String?
    public var schemaName: String?
    public var tableName: String?
    public var columnName: String?
    public var constraintName: String?
    /// The query text: only ever shown by `debugDescription`.
    public var query: String?

    public init(
        code: Code, operation: String, message: String, sqlState: String? = nil,
        detail: String? = nil, hint: String? = nil, context: String? = nil, query: String? = nil
    ) {
        self.code = code
        self.operation = operation
        self.message = ConnectionInfo.redactSecrets(in: message)
        self.sqlState = sqlState
        self.detail = detail.map { ConnectionInfo.redactSecrets(in: $0) }
        self.hint = hint
        self.context = context.map { ConnectionInfo.redactSecrets(in: $0) }
        self.query = query
    }

    /// True when the database could not be reached or went away: SQLSTATE class 08,
    /// 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, or a failed connect.
    /// CLIs map this to exit 69 (EX_UNAVAILABLE).
    public var isConnectionFailure: Bool {
        if code == .connectionFailed { return true }
        guard let state = sqlState else { return false }
        return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
    }

    public var description: String {
        var text = "\(operation) failed: \(message)"
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let detail, !detail.isEmpty { text += "\nDETAIL: \(detail)" }
        if let hint, !hint.isEmpty { text += "\nHINT: \(hint)" }
        if let context, !context.isEmpty { text += "\nCONTEXT: \(context)" }
        return text
    }

    public var debugDescription: String {
        var text = "PostgresError(code: \(code.rawValue), " + description
        if let position { text += "\nPOSITION: \(position)" }
        if let query { text += "\nQUERY: \(query)" }
        return text + ")"
    }
}

extension PostgresError {
    /// Builds an error from a failed PGresult (fields copied out; the caller still owns `result`).
    static func from(
        result: OpaquePointer?, connection: OpaquePointer?, code: Code, operation: String, query: String?
    ) -> PostgresError {
        func field(_ id: Int32) -> String? {
            guard let result, let pointer = PQresultErrorField(result, id) else { return nil }
            return String(cString: pointer)
        }
        let primary = field(CLIBPQ_DIAG_MESSAGE_PRIMARY)
        let fallback: String = {
            if let result, let text = PQresultErrorMessage(result), text.pointee != 0 {
                return String(cString: text)
            }
            if let connection, let text = PQerrorMessage(connection), text.pointee != 0 {
                return String(cString: text)
            }
            return "no result from server"
        }()
        let sqlState = field(CLIBPQ_DIAG_SQLSTATE)
        var finalCode = code
        if let connection, PQstatus(connection) == CONNECTION_BAD { finalCode = .connectionFailed }
        var error = PostgresError(
            code: finalCode, operation: operation,
            message: (primary ?? fallback).trimmingTrailingNewlines(),
            sqlState: sqlState, detail: field(CLIBPQ_DIAG_MESSAGE_DETAIL),
            hint: field(CLIBPQ_DIAG_MESSAGE_HINT), context: field(CLIBPQ_DIAG_CONTEXT), query: query)
        error.severity = field(CLIBPQ_DIAG_SEVERITY)
        error.position = field(CLIBPQ_DIAG_STATEMENT_POSITION).flatMap { Int($0) }
        error.schemaName = field(CLIBPQ_DIAG_SCHEMA_NAME)
        error.tableName = field(CLIBPQ_DIAG_TABLE_NAME)
        error.columnName = field(CLIBPQ_DIAG_COLUMN_NAME)
        error.constraintName = field(CLIBPQ_DIAG_CONSTRAINT_NAME)
        return error
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while let last = text.last, last == "\n" || last == "\r" || last == " " { text = text.dropLast() }
        return String(text)
    }
}
