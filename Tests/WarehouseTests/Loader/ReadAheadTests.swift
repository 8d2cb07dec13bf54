import Foundation
import SheetReader
import Testing
@testable import Warehouse

/// `ReadAhead` without a database: a fake reader scripted by its file's text, read once
/// directly and once through the read-ahead; the consumer must see the same outcomes, the same
/// `recordsRead` / `bytesRead` / `warnings` at every point, the same error at the same point.
@Suite(.timeLimit(.minutes(1))) struct ReadAheadTests {

    /// Counts what fake readers did, across threads.
    final class Log: @unchecked Sendable {  // every field is guarded by `lock`
        private let lock = NSLock()
        private var produced: [String: Int] = [:]
        private var live = 0
        func outcome(_ file: String) { lock.withLock { produced[file, default: 0] += 1 } }
        func opened() { lock.withLock { live += 1 } }
        func closed() { lock.withLock { live -= 1 } }
        func producedCount(_ file: String) -> Int { lock.withLock { produced[file] ?? 0 } }
        var liveReaders: Int { lock.withLock { live } }
    }

    /// The script, one `key=value` a line: `rows` outcomes, a `SheetError` instead of outcome
    /// number `throwAt`, a warning every `warnEvery` outcomes, `openError=1` fails at open.
    final class FakeReader: SheetRowSource {
        let info: SheetInfo
        let rows: Int, throwAt: Int?, warnEvery: Int
        let name: String
        let log: Log
        private var produced = 0
        private(set) var recordsRead = 1
        private(set) var bytesRead: Int? = 40
        private(set) var warnings: [SheetWarning] = [SheetWarning(line: 1, message: "from the header")]

        init(url: URL, log: Log) throws {
            let text = try String(contentsOf: url, encoding: .utf8)
            var script: [String: Int] = [:]
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "=")
                script[String(parts[0])] = Int(parts[1])
            }
            name = url.lastPathComponent
            if script["openError"] == 1 {
                throw SheetError(code: .noHeader, file: name, line: 3, message: "no header in \(name)", seenHeaders: ["a", "b"])
            }
            rows = script["rows"] ?? 0
            throwAt = script["throwAt"]
            warnEvery = script["warnEvery"] ?? 0
            self.log = log
            info = SheetInfo(fileName: name, encoding: .gb18030, delimiter: 0x2C, layout: .projectProgress,
                             month: YearMonth(year: 2022, month: 6), region: "灵山县", unit: .wan, headerLines: [1],
                             headers: ["项目代码"], columns: ["project_code": 0], titles: [])
            log.opened()
        }

        deinit { log.closed() }

        func next() throws -> RowOutcome? {
            produced += 1
            if produced == throwAt {
                recordsRead += 1
                bytesRead! += 7
                throw SheetError(code: .invalidEncoding, file: name, line: recordsRead, column: 2,
                                 byteOffset: bytesRead, message: "bad bytes at outcome \(produced)")
            }
            if produced > rows {
                if produced == rows + 1 { warnings.append(SheetWarning(line: nil, message: "at the end")) }
                return nil
            }
            log.outcome(name)
            // Not every outcome is a new record (a queued skip), and byte counts move unevenly.
            if produced % 5 != 0 { recordsRead += 1 }
            bytesRead! += produced % 3 == 0 ? 0 : 100 + produced % 17
            if warnEvery > 0, produced % warnEvery == 0 {
                warnings.append(SheetWarning(line: recordsRead, message: "warning \(produced)"))
            }
            let line = recordsRead
            if produced % 4 == 0 {
                return .rejected(RejectedRow(line: line, column: 2, columnName: "金额", raw: "r\(produced)", reason: "bad \(produced)"))
            }
            return .skipped(SkippedRow(line: line, kind: .blank, reason: "row \(produced) of \(name)"))
        }
    }

    /// What a consumer saw: each step's outcome (or error) and the reader's state after it.
    struct Step: Equatable {
        var outcome: RowOutcome?
        var error: SheetError?
        var recordsRead: Int
        var bytesRead: Int?
        var warnings: [SheetWarning]
    }

    struct Seen: Equatable {
        var hash: String?
        var openError: SheetError?
        var steps: [Step] = []
    }

    static func read(_ source: SheetRowSource, limit: Int = .max) -> [Step] {
        var steps: [Step] = []
        while steps.count < limit {
            do {
                let outcome = try source.next()
                steps.append(Step(outcome: outcome, error: nil, recordsRead: source.recordsRead,
                                  bytesRead: source.bytesRead, warnings: source.warnings))
                if outcome == nil { break }
            } catch {
                steps.append(Step(outcome: nil, error: error as? SheetError, recordsRead: source.recordsRead,
                                  bytesRead: source.bytesRead, warnings: source.warnings))
                break
            }
        }
        return steps
    }

    static func files(_ scripts: [String]) throws -> (URL, [URL]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("read-ahead-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let urls = try scripts.enumerated().map { index, script in
            let url = folder.appendingPathComponent("f\(index).csv")
            try Data(script.utf8).write(to: url)
            return url
        }
        return (folder, urls)
    }

    static let scripts = [
        "rows=1000\nwarnEvery=37",
        "rows=0",
        "openError=1",
        "rows=500\nthrowAt=301\nwarnEvery=50",
        "rows=3",
        "rows=20000\nwarnEvery=1000",
    ]

    /// The reference: each file hashed and read directly, one after the other.
    static func direct(_ urls: [URL], log: Log) -> [Seen] {
        urls.map { url in
            var seen = Seen(hash: try? Loader.hashFile(url).0)
            do {
                seen.steps = read(try FakeReader(url: url, log: log))
            } catch {
                seen.openError = error as? SheetError
            }
            return seen
        }
    }

    static func ahead(_ urls: [URL], log: Log, maxOutcomes: Int, maxBytes: Int, threaded: Bool) -> ReadAhead {
        ReadAhead(files: urls, read: ReadOptions(), open: { url, _ in try FakeReader(url: url, log: log) },
                  maxOutcomes: maxOutcomes, maxBytes: maxBytes, threaded: threaded)
    }

    @Test(arguments: [(1, 1 << 20, true), (3, 1 << 20, true), (64, 1 << 20, true), (100_000, 1 << 30, true),
                      (4096, 500, true), (10, 1 << 20, false), (4096, 4 << 20, false)])
    func replaysWhatTheReaderReportedAtEveryPoint(maxOutcomes: Int, maxBytes: Int, threaded: Bool) throws {
        let (folder, urls) = try Self.files(Self.scripts)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = Log()
        let expected = Self.direct(urls, log: log)
        #expect(expected[3].steps.last?.error?.message == "bad bytes at outcome 301")
        #expect(expected[2].openError?.code == .noHeader)

        let ahead = Self.ahead(urls, log: log, maxOutcomes: maxOutcomes, maxBytes: maxBytes, threaded: threaded)
        var seen: [Seen] = []
        while let file = ahead.next() {
            var one = Seen(hash: try? file.hash().0)
            do {
                let source = try file.open()
                #expect(source.info.fileName == file.url.lastPathComponent)
                one.steps = Self.read(source)
                // After the end (or the error) it stays there.
                if let last = one.steps.last {
                    if let error = last.error {
                        #expect(throws: error) { try source.next() }
                    } else {
                        #expect(try source.next() == nil)
                    }
                }
            } catch {
                one.openError = error as? SheetError
            }
            seen.append(one)
        }
        #expect(seen.count == urls.count)
        for (index, pair) in zip(expected, seen).enumerated() {
            #expect(pair.0.hash == pair.1.hash, "file \(index)")
            #expect(pair.0.openError == pair.1.openError, "file \(index)")
            #expect(pair.0.steps.count == pair.1.steps.count, "file \(index)")
            let mismatch = zip(pair.0.steps, pair.1.steps).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(mismatch == nil, "file \(index), step \(mismatch?.offset ?? -1)")
        }
        ahead.stop()
        #expect(log.liveReaders == 0)
    }

    @Test(arguments: [true, false])
    func anUnreadableFileIsAHashErrorAndTheNextFileStillReads(threaded: Bool) throws {
        let (folder, urls) = try Self.files(["rows=10", "rows=10"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: urls[0])
        let log = Log()
        let ahead = Self.ahead(urls, log: log, maxOutcomes: 4, maxBytes: 1 << 20, threaded: threaded)
        let first = try #require(ahead.next())
        #expect(throws: (any Error).self) { try first.hash() }
        #expect(throws: (any Error).self) { try first.open() }  // never opened: the hash's error again
        let second = try #require(ahead.next())
        #expect(try second.hash().1 == 7)
        #expect(Self.read(try second.open()).count == 11)
        #expect(ahead.next() == nil)
    }

    /// The loader leaves a file unread (already loaded, a bad month, …): the producer stops
    /// reading it and goes on; a consumer that stops early stops the producer and its thread.
    @Test(arguments: [true, false])
    func abandoningAFileStopsReadingIt(threaded: Bool) throws {
        let (folder, urls) = try Self.files(["rows=1000000", "rows=1000000", "rows=50"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = Log()
        let ahead = Self.ahead(urls, log: log, maxOutcomes: 100, maxBytes: 1 << 20, threaded: threaded)
        let first = try #require(ahead.next())
        _ = try first.hash()
        #expect(Self.read(try first.open(), limit: 10).count == 10)
        let second = try #require(ahead.next())   // first abandoned after 10 outcomes
        _ = try second.hash()                      // second abandoned unopened
        let third = try #require(ahead.next())
        let steps = Self.read(try third.open())
        #expect(steps.count == 51)
        #expect(steps.last?.outcome == nil && steps.last?.error == nil)
        // Bounded: the outcomes queued (100), one batch, what the consumer took (≤ 512).
        #expect(log.producedCount("f0.csv") < 1000)
        #expect(log.producedCount("f1.csv") < 1000)
        #expect(log.producedCount("f2.csv") == 50)
        ahead.stop()
        #expect(log.liveReaders == 0)
    }

    /// An error on the consumer's side (a database failure mid-file): `stop()` wakes the
    /// producer waiting for room in the full queue and joins it; `deinit` does the same.
    @Test(arguments: [false, true])
    func stopJoinsAProducerBlockedOnAFullQueue(byDeinit: Bool) throws {
        let (folder, urls) = try Self.files(["rows=1000000", "rows=1000000"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = Log()
        var ahead: ReadAhead? = Self.ahead(urls, log: log, maxOutcomes: 50, maxBytes: 1 << 20, threaded: true)
        let file = try #require(ahead?.next())
        _ = try file.hash()
        let source = try file.open()
        #expect(Self.read(source, limit: 3).count == 3)
        // Let the producer fill the queue and block.
        var waited = 0
        while log.producedCount("f0.csv") < 50, waited < 5_000 { usleep(1_000); waited += 1 }
        usleep(20_000)
        #expect(log.liveReaders == 1)
        if byDeinit { ahead = nil } else { ahead?.stop() }
        // Joined: the producer's reader is gone and it read nothing more.
        #expect(log.liveReaders == 0)
        let produced = log.producedCount("f0.csv")
        usleep(20_000)
        #expect(log.producedCount("f0.csv") == produced)
        #expect(produced < 50 + 64 + 512 + 3)
        #expect(log.producedCount("f1.csv") == 0)
        // What was queued can still be read; then the stop shows.
        var drained = 0
        do {
            while try source.next() != nil { drained += 1 }
            Issue.record("the stream of a stopped read-ahead ended as if the file had")
        } catch let error as ReadAheadError {
            guard case .stopped = error else { Issue.record("\(error)"); return }
        }
        #expect(drained <= produced - 3)
    }
}
