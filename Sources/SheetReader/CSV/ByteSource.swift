// Where the original bytes come from: a file read chunk by chunk, or an in-memory array.

import Glibc

protocol ByteSource: AnyObject {
    /// Appends up to `max` bytes to `buffer`; returns how many (0 at end of input).
    func read(into buffer: inout [UInt8], max: Int) throws(SheetError) -> Int
}

/// A file descriptor owned by exactly this object and closed once, in deinit.
final class FileByteSource: ByteSource {
    private let fd: Int32
    private let fileName: String
    private var scratch: [UInt8] = []

    init(path: String, fileName: String) throws(SheetError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw SheetError(code: .unreadable, file: fileName, message: "cannot open \(path): \(reason)")
        }
        self.fd = fd
        self.fileName = fileName
    }

    deinit { close(fd) }

    func read(into buffer: inout [UInt8], max: Int) throws(SheetError) -> Int {
        if scratch.count < max { scratch = [UInt8](repeating: 0, count: max) }
        while true {
            let n = scratch.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, max) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw SheetError(code: .unreadable, file: fileName, message: "read failed: \(reason)")
            }
            if n > 0 { buffer.append(contentsOf: scratch[0..<n]) }
            return n
        }
    }
}

final class ArrayByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: inout [UInt8], max: Int) throws(SheetError) -> Int {
        let n = min(max, bytes.count - position)
        if n > 0 { buffer.append(contentsOf: bytes[position..<position + n]) }
        position += n
        return n
    }
}
