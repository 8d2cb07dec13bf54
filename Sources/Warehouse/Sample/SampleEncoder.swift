import Foundation
import Glibc

/// The encodings sample files are written in, as Excel/WPS on Chinese Windows produce them.
public enum SampleEncoding: String, Sendable {
    case utf8, utf8BOM, gb18030, utf16le
}

/// Whole-buffer conversion through glibc iconv (UTF-8 → GB18030 / UTF-16LE for the sample
/// files; the reverse in tests). Owns its iconv handle, closed once; not Sendable.
final class IconvConverter {
    private let handle: iconv_t
    let source: String
    let target: String

    init(from source: String = "UTF-8", to target: String) throws {
        let h = iconv_open(target, source)
        guard let h, h != iconv_t(bitPattern: -1) else {
            throw SampleError("iconv cannot convert \(source) to \(target) on this system")
        }
        handle = h
        self.source = source
        self.target = target
    }

    deinit { iconv_close(handle) }

    /// Converts whole characters (the caller passes complete rows).
    func convert(_ input: [UInt8]) throws -> [UInt8] {
        guard !input.isEmpty else { return [] }
        var output = [UInt8](repeating: 0, count: input.count * 3 + 16)
        var inputCopy = input
        var produced = 0
        try inputCopy.withUnsafeMutableBufferPointer { src in
            try output.withUnsafeMutableBufferPointer { dst in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = src.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(dst.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = dst.count
                if iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft) == -1 {
                    throw SampleError("iconv \(source) → \(target) failed (errno \(errno)) at byte \(src.count - inLeft)")
                }
                produced = dst.count - outLeft
            }
        }
        output.removeSubrange(produced...)
        return output
    }
}

public struct SampleError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Writes CSV rows to a file in one encoding, through a 256 KiB buffer of whole rows
/// (memory stays flat however large the file).
final class SampleFileWriter {
    private let handle: FileHandle
    private let encoder: IconvConverter?
    private let delimiter: Character
    private let lineEnding: String
    private var buffer: [UInt8] = []
    private(set) var bytesWritten = 0
    let url: URL

    init(url: URL, encoding: SampleEncoding, delimiter: Character = ",", lineEnding: String = "\r\n") throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: url.path) else {
            throw SampleError("cannot create \(url.path)")
        }
        self.url = url
        self.handle = handle
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        switch encoding {
        case .utf8: encoder = nil
        case .utf8BOM:
            encoder = nil
            try write(raw: [0xEF, 0xBB, 0xBF])
        case .gb18030: encoder = try IconvConverter(to: "GB18030")
        case .utf16le:
            encoder = try IconvConverter(to: "UTF-16LE")
            try write(raw: [0xFF, 0xFE])
        }
        buffer.reserveCapacity(1 << 18)
    }

    private func write(raw: [UInt8]) throws {
        try handle.write(contentsOf: raw)
        bytesWritten += raw.count
    }

    /// One record; cells with the delimiter, quotes or line breaks are quoted (RFC 4180).
    func row(_ cells: [String]) throws {
        var line = ""
        for (i, cell) in cells.enumerated() {
            if i > 0 { line.append(delimiter) }
            if cell.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                line += "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                line += cell
            }
        }
        line += lineEnding
        buffer.append(contentsOf: line.utf8)
        if buffer.count >= 1 << 18 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try write(raw: encoder.map { try $0.convert(buffer) } ?? buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try handle.close()
    }
}
