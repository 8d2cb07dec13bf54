import PostgresClient

/// The one advisory lock every loading command holds (DESIGN §8): session-level, on the
/// coordinator connection, so two loaders never run at once. A crashed loader's lock goes
/// away with its session.
public enum LoadLock {
    /// "invest-ld" as an ASCII-ish bigint; distinct from `Migrator.lockKey`.
    public static let key: Int64 = 0x696E_7665_7374_6C64

    /// Takes the lock; when another session holds it, waits if `wait`, else throws `.lockHeld`.
    public static func acquire(on connection: Connection, wait: Bool) throws {
        // A killed loader's backend would otherwise finish its running statement (minutes for a
        // big merge) before noticing, holding the lock all that time (PostgreSQL 14+; older
        // servers do not know the setting, which is harmless).
        _ = try? connection.execute("SET client_connection_check_interval = '1s'")
        if try connection.tryAdvisoryLock(key: key) { return }
        guard wait else { throw LoaderError.lockHeld }
        try connection.advisoryLock(key: key)
    }

    public static func release(on connection: Connection) {
        _ = try? connection.advisoryUnlock(key: key)
    }
}
