/// PostgresClient: a small, safe wrapper over libpq.
///
/// Owns: connections (`Connection`), queries whose values always travel as `$n` binds (`SQL`),
/// copied-out results (`QueryResult`), COPY FROM STDIN (`CopyWriter`), transactions, advisory
/// locks, and the one error type (`PostgresError`).
/// Must not touch: schema, loading rules or report logic (those live in Warehouse and
/// InvestmentQueries). Nothing here may print or log a password.
///
/// Every C handle (PGconn, PGresult) is owned by exactly one value that frees it exactly once;
/// C strings are copied into Swift before the handle is freed. Handle types are not Sendable:
/// a connection belongs to one thread at a time.
enum PostgresClientModule {}
