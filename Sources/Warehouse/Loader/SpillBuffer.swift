import Foundation
import PostgresClient

/// COPY text lines held until the data COPY has finished (a connection runs one COPY at a
/// time). Skipped and rejected lines are usually few; a pathological file can reject millions,
/// so beyond `memoryLimit` bytes the buffer moves to an unlinked temporary file and memory
/// stays flat.
final class SpillBuffer {
    private var memory: [UInt8] = []
    private var file: FileHandle?
    private let memoryLimit: Int
    private(set) var count = 0

    init(memoryLimit: Int = 4 << 20) {
        self.memoryLimit = memoryLimit
    }

    deinit { try? file?.close() }

    func appendRow(_ fields: [String?]) throws {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "\t" }
            line += CopyText.escape(field.map(Self.withoutNUL))
        }
        line += "\n"
        memory.append(contentsOf: line.utf8)
        count += 1
        if memory.count >= memoryLimit { try spill() }
    }

    /// PostgreSQL text cannot hold NUL; a NUL in a bad file becomes U+FFFD in its reject.
    static func withoutNUL(_ text: String) -> String {
        text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }

    private func spill() throws {
        if file == nil {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("invest-etl-spill-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).copy").path
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let handle = FileHandle(forUpdatingAtPath: path) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            unlink(path)  // gone from the file system; the descriptor keeps it until closed
            file = handle
        }
        try file!.write(contentsOf: memory)
        memory.removeAll(keepingCapacity: true)
    }

    /// Writes everything buffered, in order, to a COPY in progress.
    func replay(into writer: CopyWriter) throws {
        if let file {
            try file.seek(toOffset: 0)
            while let chunk = try file.read(upToCount: 1 << 20), !chunk.isEmpty {
                try writer.write([UInt8](chunk))
            }
        }
        try writer.write(memory)
    }
}

/// Writes staging rows with NUL characters replaced (PostgreSQL text cannot hold them).
/// Bytes straight into one reused line buffer, one pass per field: the same COPY text as
/// `CopyWriter.writeRow(fields.map { $0.map(SpillBuffer.withoutNUL) })`, without the three
/// scans and two `String`s per cell that cost 12% of the loader's client time.
final class StagingWriter {
    let copy: CopyWriter
    private var line: [UInt8] = []

    init(_ copy: CopyWriter) {
        self.copy = copy
        line.reserveCapacity(1024)
    }

    func writeRow(_ fields: [String?]) throws {
        // A local buffer: `&self.line` inside the per-cell closure cost a dynamic exclusivity
        // check per cell (`swift_beginAccess`, ~3% of the main thread); one swap a row instead.
        var line: [UInt8] = []
        swap(&line, &self.line)
        defer { swap(&line, &self.line) }
        line.removeAll(keepingCapacity: true)
        Self.appendRow(fields, to: &line)
        try copy.write(line)
    }

    /// A row whose first field is `first` and whose other fields were encoded ahead of time by
    /// `appendRow` (tab-led, newline-ended: `StagingPreparer`): the same bytes as `writeRow`.
    func writeRow(first: Int, rest: some Collection<UInt8>) throws {
        try copy.write(String(first).utf8)
        try copy.write(rest)
    }

    /// The COPY text line of `fields` (tab-separated, `\N` for nil, newline at the end).
    static func appendRow(_ fields: some Sequence<String?>, to line: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(0x09) }
            guard var field else {
                line.append(0x5C); line.append(0x4E)  // \N
                continue
            }
            field.withUTF8 { bytes in Self.appendEscaped(bytes, to: &line) }
        }
        line.append(0x0A)
    }

    /// COPY text escaping of backslash, tab, newline and carriage return; NUL becomes U+FFFD.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to line: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case 0x00: line.append(0xEF); line.append(0xBF); line.append(0xBD)
            case 0x5C: line.append(0x5C); line.append(0x5C)
            case 0x09: line.append(0x5C); line.append(0x74)
            case 0x0A: line.append(0x5C); line.append(0x6E)
            case 0x0D: line.append(0x5C); line.append(0x72)
            default: line.append(byte)
            }
        }
    }
}
