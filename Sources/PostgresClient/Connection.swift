import CLibPQ
import Foundation
import Logging

/// One libpq connection. Owns its PGconn and calls `PQfinish` exactly once (also after a
/// failed connect). Blocking API; not Sendable: use a connection from one thread at a time.
public final class Connection {
    private var handle: OpaquePointer?
    private let noticeBox: NoticeBox
    /// Passwords present in the conninfo, redacted from every message this connection emits.
    private let secrets: [String]
    public let logger: Logger

    private init(handle: OpaquePointer, noticeBox: NoticeBox, secrets: [String], logger: Logger) {
        self.handle = handle
        self.noticeBox = noticeBox
        self.secrets = secrets
        self.logger = logger
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Connects using `url` (a libpq URI or keyword string, e.g. from `--database-url`);
    /// when nil, the `DATABASE_URL` environment variable; when unset or empty, libpq's own
    /// defaults (`PGHOST`, `PGDATABASE`, `.pgpass`, service files …).
    /// The client encoding is always UTF8.
    public static func connect(
        _ url: String? = nil, logger: Logger = Logger(label: "PostgresClient")
    ) throws -> Connection {
        let conninfo = url ?? ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""
        var secrets: [String] = []
        if !conninfo.isEmpty {
            // A string libpq cannot parse is a usage error, not an unavailable server.
            if let password = try ConnectionInfo.parse(conninfo)["password"] { secrets.append(password) }
        }
        let keywords = ["dbname", "client_encoding", "fallback_application_name"]
        let values = [conninfo, "UTF8", "investment-warehouse"]
        let pointer: OpaquePointer? = withCStringArray(keywords) { keywordPointers in
            withCStringArray(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let pointer else {
            throw PostgresError(code: .connectionFailed, operation: "connect", message: "out of memory in libpq")
        }
        guard PQstatus(pointer) == CONNECTION_OK else {
            let message = PQerrorMessage(pointer).map { String(cString: $0) } ?? "unknown libpq error"
            PQfinish(pointer)
            let target = conninfo.isEmpty ? "libpq defaults (PGHOST/PGDATABASE…)" : ConnectionInfo.redacted(conninfo)
            var error = PostgresError(
                code: .connectionFailed, operation: "connect to \(target)",
                message: ConnectionInfo.redactSecrets(in: message.trimmingTrailingNewlines(), knownSecrets: secrets))
            error.hint = "check --database-url / DATABASE_URL and that the server is running"
            throw error
        }
        let box = NoticeBox(logger: logger, secrets: secrets)
        PQsetNoticeReceiver(pointer, noticeReceiver, Unmanaged.passUnretained(box).toOpaque())
        let connection = Connection(handle: pointer, noticeBox: box, secrets: secrets, logger: logger)
        logger.debug("connected", metadata: ["server_version": "\(PQserverVersion(pointer))"])
        return connection
    }

    /// Closes the connection now (otherwise it closes when the value is released).
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    public var isOpen: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Server version as an integer, e.g. 150018.
    public var serverVersion: Int {
        guard let handle else { return 0 }
        return Int(PQserverVersion(handle))
    }

    func liveHandle(_ operation: String) throws -> OpaquePointer {
        guard let handle else {
            throw PostgresError(code: .connectionFailed, operation: operation, message: "connection is closed")
        }
        return handle
    }

    func redact(_ text: String) -> String {
        ConnectionInfo.redactSecrets(in: text, knownSecrets: secrets)
    }

    // MARK: - statements

    /// Runs a statement that returns rows.
    @discardableResult
    public func query(_ sql: SQL) throws -> QueryResult {
        try run(sql, operation: "query")
    }

    /// Runs a statement for its effect; returns the number of rows affected.
    @discardableResult
    public func execute(_ sql: SQL) throws -> Int {
        try run(sql, operation: "execute").rowsAffected
    }

    /// Runs a multi-statement script with no parameters (simple query protocol, `PQexec`),
    /// e.g. a migration file. Statements run in one implicit transaction unless inside one.
    public func simpleExecute(_ script: String) throws {
        let handle = try liveHandle("execute script")
        let result = PQexec(handle, script)
        try check(result, operation: "execute script", query: script)
    }

    /// Quotes an identifier with libpq (`PQescapeIdentifier`): `a"b` → `"a""b"`.
    public func escapeIdentifier(_ name: String) throws -> String {
        let handle = try liveHandle("escape identifier")
        let utf8 = Array(name.utf8)
        guard let escaped = PQescapeIdentifier(handle, name, utf8.count) else {
            throw PostgresError(
                code: .invalidArgument, operation: "escape identifier",
                message: PQerrorMessage(handle).map { String(cString: $0).trimmingTrailingNewlines() } ?? "invalid identifier")
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    /// Renders the statement text with identifiers quoted by libpq.
    public func render(_ sql: SQL) throws -> String {
        try sql.render(quoteIdentifier: escapeIdentifier)
    }

    private func run(_ sql: SQL, operation: String) throws -> QueryResult {
        let handle = try liveHandle(operation)
        let text = try render(sql)
        let binds = sql.binds
        let result: OpaquePointer? = withParameters(binds) { types, values, lengths, formats in
            PQexecParams(handle, text, Int32(binds.count), types, values, lengths, formats, 0)
        }
        let owned = try check(result, operation: operation, query: text)
        return owned.map(QueryResult.init(copying:)) ?? QueryResult.empty
    }

    /// Takes ownership of `result`, throws for an error status, returns the handle for reading.
    @discardableResult
    func check(_ result: OpaquePointer?, operation: String, query: String?) throws -> ResultHandle? {
        let handle = self.handle
        guard let result else {
            throw PostgresError.from(result: nil, connection: handle, code: .connectionFailed, operation: operation, query: query)
                .redacted(by: self)
        }
        let owned = ResultHandle(result)
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return owned
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            // Leave COPY state so the connection stays usable, then report the misuse.
            if let handle {
                if PQresultStatus(result) == PGRES_COPY_IN { PQputCopyEnd(handle, "COPY must use copyIn") }
                while let next = PQgetResult(handle) { PQclear(next) }
            }
            throw PostgresError(
                code: .invalidArgument, operation: operation,
                message: "COPY statements must go through copyIn(_:_:)", query: query)
        default:
            throw PostgresError.from(result: result, connection: handle, code: .serverError, operation: operation, query: query)
                .redacted(by: self)
        }
    }

    // MARK: - transactions and locks

    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it throws (the
    /// error is rethrown). Nested calls use a savepoint.
    public func withTransaction<T>(_ body: () throws -> T) throws -> T {
        let handle = try liveHandle("begin")
        let nested = PQtransactionStatus(handle) != PQTRANS_IDLE
        let savepoint = "pc_savepoint_\(savepointCounter)"
        savepointCounter += 1
        try execute(nested ? SQL(unsafeRaw: "SAVEPOINT \(savepoint)") : "BEGIN")
        let value: T
        do {
            value = try body()
        } catch {
            do {
                try execute(nested ? SQL(unsafeRaw: "ROLLBACK TO SAVEPOINT \(savepoint)") : "ROLLBACK")
            } catch let rollbackError {
                logger.warning("rollback failed", metadata: ["error": "\(rollbackError)"])
            }
            throw error
        }
        try execute(nested ? SQL(unsafeRaw: "RELEASE SAVEPOINT \(savepoint)") : "COMMIT")
        return value
    }
    private var savepointCounter = 0

    /// True while a transaction block is open on this connection.
    public var inTransaction: Bool {
        guard let handle else { return false }
        return PQtransactionStatus(handle) != PQTRANS_IDLE
    }

    /// Session-level advisory lock without waiting (`pg_try_advisory_lock`). True when acquired.
    public func tryAdvisoryLock(key: Int64) throws -> Bool {
        try query("SELECT pg_try_advisory_lock(\(key)) AS locked").first?.bool("locked") ?? false
    }

    /// Session-level advisory lock, waiting until it is free (`pg_advisory_lock`).
    public func advisoryLock(key: Int64) throws {
        try execute("SELECT pg_advisory_lock(\(key))")
    }

    /// Releases a session-level advisory lock; false if this session did not hold it.
    @discardableResult
    public func advisoryUnlock(key: Int64) throws -> Bool {
        try query("SELECT pg_advisory_unlock(\(key)) AS unlocked").first?.bool("unlocked") ?? false
    }
}

extension QueryResult {
    static let empty = QueryResult()
    private init() {
        columns = []
        rows = []
        rowsAffected = 0
        commandTag = ""
    }
}

extension PostgresError {
    func redacted(by connection: Connection) -> PostgresError {
        var copy = self
        copy.message = connection.redact(message)
        copy.detail = detail.map(connection.redact)
        copy.context = context.map(connection.redact)
        return copy
    }
}

// MARK: - notices

/// Lives as long as its connection; libpq calls `noticeReceiver` with a pointer to it.
final class NoticeBox {
    let logger: Logger
    let secrets: [String]
    init(logger: Logger, secrets: [String]) {
        self.logger = logger
        self.secrets = secrets
    }
}

private func noticeReceiver(_ argument: UnsafeMutableRawPointer?, _ result: OpaquePointer?) {
    guard let argument, let result else { return }
    let box = Unmanaged<NoticeBox>.fromOpaque(argument).takeUnretainedValue()
    func field(_ id: Int32) -> String? { PQresultErrorField(result, id).map { String(cString: $0) } }
    let severity = field(CLIBPQ_DIAG_SEVERITY) ?? "NOTICE"
    let message = ConnectionInfo.redactSecrets(
        in: field(CLIBPQ_DIAG_MESSAGE_PRIMARY) ?? "", knownSecrets: box.secrets)
    let level: Logger.Level
    switch severity {
    case "WARNING": level = .warning
    case "NOTICE": level = .notice
    case "INFO", "LOG": level = .info
    default: level = .debug
    }
    var metadata: Logger.Metadata = ["severity": "\(severity)"]
    if let code = field(CLIBPQ_DIAG_SQLSTATE) { metadata["sqlstate"] = "\(code)" }
    if let detail = field(CLIBPQ_DIAG_MESSAGE_DETAIL) { metadata["detail"] = "\(detail)" }
    box.logger.log(level: level, "server: \(message)", metadata: metadata)
}

// MARK: - C array helpers

/// Calls `body` with a NULL-terminated array of C strings that live for the call.
func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    var pointers: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) }
    pointers.append(nil)
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

/// Lays out binds as the four parallel arrays `PQexecParams` wants. Text values get a
/// terminating NUL (libpq ignores lengths for text); binary values pass their length.
func withParameters<R>(
    _ binds: [PostgresBind],
    _ body: (UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> R
) -> R {
    if binds.isEmpty { return body(nil, nil, nil, nil) }
    let types: [Oid] = binds.map { Oid($0.typeOID) }
    let lengths: [Int32] = binds.map { Int32($0.bytes?.count ?? 0) }
    let formats: [Int32] = binds.map { $0.format.rawValue }
    let storage: [UnsafeMutablePointer<CChar>?] = binds.map { bind in
        guard let bytes = bind.bytes else { return nil }
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress {
                UnsafeMutableRawPointer(buffer).copyMemory(from: base, byteCount: bytes.count)
            }
        }
        buffer[bytes.count] = 0
        return buffer
    }
    defer { storage.forEach { $0?.deallocate() } }
    let values: [UnsafePointer<CChar>?] = storage.map { UnsafePointer($0) }
    return types.withUnsafeBufferPointer { t in
        values.withUnsafeBufferPointer { v in
            lengths.withUnsafeBufferPointer { l in
                formats.withUnsafeBufferPointer { f in
                    body(t.baseAddress, v.baseAddress, l.baseAddress, f.baseAddress)
                }
            }
        }
    }
}
