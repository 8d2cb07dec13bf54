import Foundation
import Logging

/// A swift-log handler that keeps messages in memory, for asserting on what was logged.
public final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(level: Logger.Level, message: String)] = []

    public init() {}

    public var messages: [(level: Logger.Level, message: String)] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }

    func append(_ level: Logger.Level, _ message: String) {
        lock.lock()
        entries.append((level, message))
        lock.unlock()
    }

    /// A logger (trace level) whose output lands in this capture.
    public func logger(label: String = "test") -> Logger {
        var logger = Logger(label: label) { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            capture.append(event.level, event.message.description)
        }
    }
}
