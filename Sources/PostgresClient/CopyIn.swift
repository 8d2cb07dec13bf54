import CLibPQ
import Foundation

extension Connection {
    /// Runs `COPY … FROM STDIN` and streams what `body` writes. Returns the row count the
    /// server reports. When `body` throws, the COPY is aborted (the server discards the rows)
    /// and the body's error is rethrown. A server-side failure (e.g. a bad value on some row)
    /// throws `.copyFailed` carrying the server's CONTEXT, which names the line
    /// (`COPY t, line 5000, column v: "x"`).
    ///
    /// COPY takes no parameters: `sql` may use identifiers but no interpolated values.
    @discardableResult
    public func copyIn(_ sql: SQL, _ body: (CopyWriter) throws -> Void) throws -> Int {
        guard sql.binds.isEmpty else {
            throw PostgresError(
                code: .invalidArgument, operation: "COPY",
                message: "COPY cannot take $n parameters; put values in the data stream")
        }
        let handle = try liveHandle("COPY")
        let text = try render(sql)
        guard let start = PQexec(handle, text) else {
            throw PostgresError.from(result: nil, connection: handle, code: .copyFailed, operation: "COPY", query: text)
                .redacted(by: self)
        }
        let startOwned = ResultHandle(start)
        guard PQresultStatus(startOwned.pointer) == PGRES_COPY_IN else {
            if PQresultStatus(startOwned.pointer) == PGRES_FATAL_ERROR {
                throw PostgresError.from(
                    result: startOwned.pointer, connection: handle, code: .copyFailed, operation: "COPY", query: text)
                    .redacted(by: self)
            }
            // Some other statement: consume whatever it started so the connection stays usable.
            if PQresultStatus(startOwned.pointer) == PGRES_COPY_OUT {
                var data: UnsafeMutablePointer<CChar>? = nil
                while PQgetCopyData(handle, &data, 0) >= 0 { if let data { PQfreemem(data) } }
            }
            while let next = PQgetResult(handle) { PQclear(next) }
            throw PostgresError(
                code: .invalidArgument, operation: "COPY",
                message: "copyIn needs a COPY … FROM STDIN statement", query: text)
        }

        let writer = CopyWriter(connection: handle)
        var firstError: PostgresError?
        var bodyError: Error?
        do {
            try body(writer)
            try writer.flush()
        } catch {
            if let error = error as? PostgresError { firstError = error } else { bodyError = error }
        }

        let abortMessage: String? = (firstError ?? bodyError).map { "aborted by client: \($0)" }
        if PQputCopyEnd(handle, abortMessage) != 1, firstError == nil, bodyError == nil {
            firstError = PostgresError(
                code: PQstatus(handle) == CONNECTION_BAD ? .connectionFailed : .copyFailed, operation: "COPY end",
                message: PQerrorMessage(handle).map { String(cString: $0).trimmingTrailingNewlines() } ?? "PQputCopyEnd failed",
                query: text)
        }

        // Drain every result until NULL, keeping the first error.
        var rows = 0
        while let next = PQgetResult(handle) {
            let owned = ResultHandle(next)
            switch PQresultStatus(next) {
            case PGRES_COMMAND_OK:
                rows = PQcmdTuples(next).map { Int(String(cString: $0)) ?? 0 } ?? 0
            case PGRES_COPY_IN:
                // Still in COPY state after the end request: force it to end.
                PQputCopyEnd(handle, "client ended COPY")
            default:
                if firstError == nil {
                    firstError = PostgresError.from(
                        result: owned.pointer, connection: handle, code: .copyFailed, operation: "COPY", query: text)
                }
            }
        }
        if let bodyError { throw bodyError }
        if let firstError { throw firstError.redacted(by: self) }
        return rows
    }
}

/// Buffers COPY data and sends it in large chunks (1 MiB) with `PQputCopyData`.
/// Data is COPY text format unless the statement says otherwise; `writeRow` escapes fields.
public final class CopyWriter {
    private let handle: OpaquePointer
    private var buffer: [UInt8] = []
    public let chunkSize: Int
    /// Bytes handed to libpq so far (sent or queued), plus what is buffered.
    public private(set) var bytesWritten = 0
    /// Rows written with `writeRow`.
    public private(set) var rowsWritten = 0

    init(connection: OpaquePointer, chunkSize: Int = 1 << 20) {
        self.handle = connection
        self.chunkSize = chunkSize
        buffer.reserveCapacity(chunkSize + 4096)
    }

    public func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        bytesWritten += bytes.count
        if buffer.count >= chunkSize { try flush() }
    }

    public func write(_ text: String) throws {
        try write(text.utf8)
    }

    /// One row in COPY text format: fields escaped, tab-separated, newline-terminated; nil is NULL.
    public func writeRow(_ fields: [String?]) throws {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "\t" }
            line += CopyText.escape(field)
        }
        line += "\n"
        rowsWritten += 1
        try write(line.utf8)
    }

    /// Sends the buffered bytes. Checks `PQputCopyData`: 1 sent, 0 would block (wait for
    /// the socket and retry), -1 failed (the server's error is collected after the COPY).
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        while true {
            let status = buffer.withUnsafeBufferPointer { bytes in
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    PQputCopyData(handle, $0, Int32(bytes.count))
                }
            }
            switch status {
            case 1:
                buffer.removeAll(keepingCapacity: true)
                return
            case 0:
                waitUntilWritable()
            default:
                // A connection that broke mid-COPY is a connection failure (exit 69), not a bad row.
                throw PostgresError(
                    code: PQstatus(handle) == CONNECTION_BAD ? .connectionFailed : .copyFailed, operation: "COPY data",
                    message: PQerrorMessage(handle).map { String(cString: $0).trimmingTrailingNewlines() }
                        ?? "PQputCopyData failed")
            }
        }
    }

    private func waitUntilWritable() {
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLOUT), revents: 0)
        _ = poll(&descriptor, 1, 1000)
        _ = PQflush(handle)
    }
}

/// COPY text format encoding (the default `FORMAT text`, tab delimiter).
public enum CopyText {
    /// `nil` → `\N`; backslash, tab, newline and carriage return are backslash-escaped.
    public static func escape(_ value: String?) -> String {
        guard let value else { return "\\N" }
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
            return value
        }
        var out = ""
        out.reserveCapacity(value.utf8.count + 8)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
