import PostgresClient

/// One database state for reports read over several connections (the bulletin's sections run
/// on two at once): the first exports its snapshot, the others import it, so every section
/// sees the same committed loads even if a nightly file commits in between.
extension InvestmentQueries {
    /// Starts a read-only repeatable-read transaction on this connection and returns its
    /// snapshot's id. The transaction stays open (and the snapshot importable) until the
    /// connection closes.
    public func exportSnapshot() throws -> String {
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        guard let id = try connection.query("SELECT pg_export_snapshot() AS id").first?["id"] else {
            throw QueryError(.unsupported, "pg_export_snapshot() returned no snapshot")
        }
        return id
    }

    /// Starts a read-only transaction on this connection that reads the snapshot `id` exported
    /// by another (`exportSnapshot`), which must still be open.
    public func useSnapshot(_ id: String) throws {
        // SET TRANSACTION SNAPSHOT takes a literal, not a bind: the id is checked to be what
        // the server exports (hex digits and dashes) before it becomes SQL text.
        guard !id.isEmpty, id.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || ($0 < 128 && Character(Unicode.Scalar($0)).isHexDigit) }) else {
            throw QueryError(.unsupported, "not a snapshot id: \(id)")
        }
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try connection.execute("SET TRANSACTION SNAPSHOT '\(unsafeRaw: id)'")
    }
}
