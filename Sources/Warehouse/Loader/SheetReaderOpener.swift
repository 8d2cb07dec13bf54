import Foundation
import SheetReader

/// The default `SheetOpener`: SheetReader's streaming reader over a `RecordStream` the
/// loader keeps a reference to, so the progress line can show bytes read.
enum SheetReaderOpener {
    @Sendable static func open(_ url: URL, _ options: ReadOptions) throws -> SheetRowSource {
        do {
            let stream = try RecordStream(url: url, encoding: options.encoding)
            let reading = try SheetReading(source: stream, fileName: stream.fileName, options: options)
            return ReaderRowSource(reading: reading, stream: stream)
        } catch let error as SheetError {
            throw error
        } catch {
            throw SheetError(code: .unreadable, file: url.lastPathComponent, message: "\(error)")
        }
    }
}

final class ReaderRowSource: SheetRowSource {
    let reading: SheetReading
    let stream: RecordStream

    init(reading: SheetReading, stream: RecordStream) {
        self.reading = reading
        self.stream = stream
    }

    var info: SheetInfo { reading.info }
    func next() throws -> RowOutcome? {
        do {
            return try reading.next()
        } catch let error as SheetError {
            throw error
        } catch {
            throw SheetError(code: .unreadable, file: reading.info.fileName, message: "\(error)")
        }
    }
    var warnings: [SheetWarning] { reading.warnings }
    var recordsRead: Int { reading.recordsRead }
    var bytesRead: Int? { stream.bytesRead }
}
