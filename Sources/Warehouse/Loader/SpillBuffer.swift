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
struct StagingWriter {
    let copy: CopyWriter
    init(_ copy: CopyWriter) { self.copy = copy }

    func writeRow(_ fields: [String?]) throws {
        try copy.writeRow(fields.map { $0.map(SpillBuffer.withoutNUL) })
    }
}
