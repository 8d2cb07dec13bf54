import Foundation
import Warehouse

/// The progress line on stderr for long loads (rows, MB, rows/s), redrawn at most four
/// times a second, and only when stderr is a terminal: logs and pipes get nothing.
final class ProgressLine {
    private let enabled: Bool
    private var lastDraw: UInt64 = 0
    private var started: UInt64 = 0
    private var currentFile = ""
    private var drawn = false

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    func update(_ progress: LoadProgress) {
        guard enabled else { return }
        let now = Self.now()
        if progress.file != currentFile {
            currentFile = progress.file
            started = now
        }
        guard now - lastDraw >= 250_000_000 else { return }
        lastDraw = now
        let seconds = max(Double(now - started) / 1e9, 0.001)
        let mb = Double(progress.bytesRead) / 1_048_576
        let total = Double(progress.totalBytes) / 1_048_576
        let name = (progress.file as NSString).lastPathComponent
        var text = "\(name): \(progress.phase)"
        if progress.rows > 0 {
            text += String(format: " %d rows, %.0f rows/s", progress.rows, Double(progress.rows) / seconds)
        }
        if progress.bytesRead > 0 { text += String(format: ", %.1f/%.1f MB", mb, total) }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        drawn = true
    }

    /// Clears the line before ordinary output.
    func clear() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
        lastDraw = 0
    }
}
