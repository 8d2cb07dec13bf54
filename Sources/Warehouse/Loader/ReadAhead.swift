import Foundation
import Glibc
import SheetReader

/// Reads the files of a load ahead on a second thread, so the client's work (hashing, decoding,
/// parsing, classifying) overlaps the server's (the previous file's merge statements) and,
/// within a file, reading runs on one core while the main thread formats and sends the COPY rows.
///
/// The producer thread takes the files in order: it hashes one (`Loader.hashFile`), opens it
/// with the loader's `SheetOpener` and reads its `RowOutcome`s into one bounded queue shared by
/// all files, then goes on to the next. It blocks while the queue holds `maxOutcomes` outcomes
/// or `maxBytes` of input bytes, so memory stays flat whatever the file size (an outcome takes
/// about 1 KB: the default 8,192 about 8 MB, enough for the largest county file of the bench,
/// 6,500 rows, to be read whole while the previous one merges). The consumer side of a file is a
/// `SheetRowSource` whose `recordsRead`, `bytesRead` and `warnings` are the underlying reader's
/// at the consumer's point (snapshots travel with the outcomes) and which rethrows the reader's
/// error, or the opener's, at the point it was thrown. A `Loader` given a `ReadAheadFile`
/// therefore behaves exactly as with the file itself.
///
/// One consumer thread only. Taking the next file abandons the rest of the previous one (the
/// producer stops reading it); `stop()` (also run by `deinit`) cancels the producer, wakes it
/// when it waits for room, and joins its thread.
public final class ReadAhead {
    public let files: [URL]
    private let queue: ReadAheadQueue
    private let producer: ReadAheadProducer
    private var thread: pthread_t?
    private var nextIndex = 0
    private var threaded = true
    private var started = false

    /// The regions the producer builds project staging lines with (`StagingPreparer`); the
    /// loader uses those lines only when it resolves regions the same way for the file.
    public let regions: RegionResolver?

    /// `open` and `read` must be what the loader would use (`Loader.readAhead` passes its own).
    public init(files: [URL], read: ReadOptions, open: @escaping SheetOpener, regions: RegionResolver? = nil,
                maxOutcomes: Int = 8192, maxBytes: Int = 4 << 20) {
        self.files = files
        self.regions = regions
        queue = ReadAheadQueue(maxOutcomes: max(1, maxOutcomes), maxBytes: max(1, maxBytes))
        producer = ReadAheadProducer(files: files, read: read, open: open, regions: regions, queue: queue)
    }

    /// `threaded: false` runs the producer's steps on the consumer's thread when it needs items
    /// (what happens anyway if no thread can be started; tests run both ways).
    convenience init(files: [URL], read: ReadOptions, open: @escaping SheetOpener, regions: RegionResolver? = nil,
                     maxOutcomes: Int, maxBytes: Int, threaded: Bool) {
        self.init(files: files, read: read, open: open, regions: regions, maxOutcomes: maxOutcomes, maxBytes: maxBytes)
        self.threaded = threaded
    }

    deinit { stop() }

    /// The next file, in order; nil after the last. Abandons what is left of the previous one.
    public func next() -> ReadAheadFile? {
        guard nextIndex < files.count else { return nil }
        if !started { started = true; start() }
        queue.abandon(below: nextIndex)
        let file = ReadAheadFile(url: files[nextIndex], index: nextIndex, queue: queue, regions: regions)
        nextIndex += 1
        return file
    }

    /// Cancels the producer and waits for its thread to end. Idempotent.
    public func stop() {
        queue.stop()
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
    }

    private func start() {
        guard threaded else { return queue.runInline(producer) }
        var id = pthread_t()
        let context = Unmanaged.passRetained(producer).toOpaque()
        let status = pthread_create(&id, nil, { context in
            let producer = Unmanaged<ReadAheadProducer>.fromOpaque(context!).takeRetainedValue()
            producer.run()
            return nil
        }, context)
        if status == 0 {
            thread = id
        } else {
            // No second thread: read on this one instead (every file's items are produced when asked).
            Unmanaged<ReadAheadProducer>.fromOpaque(context).release()
            queue.runInline(producer)
        }
    }
}

/// One file of a `ReadAhead`: its hash and its reader, as the producer thread got them.
public final class ReadAheadFile {
    public let url: URL
    let index: Int
    private let queue: ReadAheadQueue
    let regions: RegionResolver?
    private var hashed: Result<(String, Int), any Error>?
    private var opened = false
    /// Items of this file taken out of the shared queue, not yet consumed.
    private var pending: [ReadAheadItem] = []
    private var pendingIndex = 0

    init(url: URL, index: Int, queue: ReadAheadQueue, regions: RegionResolver?) {
        self.url = url
        self.index = index
        self.queue = queue
        self.regions = regions
    }

    /// SHA-256 (lowercase hex) and size, or the error `Loader.hashFile` threw.
    public func hash() throws -> (String, Int) {
        if hashed == nil {
            guard case .hashed(let result) = try take().event else { throw ReadAheadError.outOfOrder(url.path) }
            hashed = result
        }
        return try hashed!.get()
    }

    /// The reader, or the opener's error. Once per file.
    func open() throws -> SheetRowSource {
        _ = try hash()
        guard !opened else { throw ReadAheadError.outOfOrder(url.path) }
        opened = true
        guard case .opened(let result, let snapshot) = try take().event else { throw ReadAheadError.outOfOrder(url.path) }
        return ReadAheadSource(file: self, info: try result.get(), snapshot: snapshot)
    }

    func take() throws -> ReadAheadItem {
        if pendingIndex == pending.count {
            pending = try queue.take(file: index, url: url)
            pendingIndex = 0
        }
        defer { pendingIndex += 1 }
        return pending[pendingIndex]
    }
}

/// Misuse of a `ReadAhead` (a bug, not the file's fault).
public enum ReadAheadError: Error, Sendable, CustomStringConvertible {
    /// A file's items were asked for after it was abandoned, or not in the order they come.
    case outOfOrder(String)
    /// The producer was stopped while a file was still being read.
    case stopped(String)

    public var description: String {
        switch self {
        case .outOfOrder(let file): return "\(file): internal error: read-ahead items taken out of order"
        case .stopped(let file): return "\(file): internal error: read-ahead stopped while the file was being read"
        }
    }
}

/// What the reader reported at one point: the consumer's `recordsRead`, `bytesRead`, `warnings`.
struct ReaderSnapshot: Sendable {
    var recordsRead: Int
    var bytesRead: Int?
    /// nil: unchanged since the previous snapshot (warnings only grow, so this saves copies).
    var warnings: [SheetWarning]?
}

enum ReadAheadEvent: Sendable {
    case hashed(Result<(String, Int), any Error>)
    case opened(Result<SheetInfo, any Error>, ReaderSnapshot)
    /// The outcome, and its staging line after the batch key when the producer prepared one.
    case row(RowOutcome, ReaderSnapshot, PreparedRow?)
    /// The end of the file, with what the producer's `StagingPreparer` staged of it.
    case end(ReaderSnapshot, ProjectLedger?)
    case failed(any Error, ReaderSnapshot)
}

struct ReadAheadItem: Sendable {
    var file: Int
    var event: ReadAheadEvent
    /// Input bytes this item stands for (its share of the `maxBytes` bound).
    var bytes: Int
}

/// The consumer side of one file: replays the reader's outcomes and its state at each one.
final class ReadAheadSource: SheetRowSource {
    let info: SheetInfo
    private let file: ReadAheadFile
    private(set) var recordsRead: Int
    private(set) var bytesRead: Int?
    private(set) var warnings: [SheetWarning]
    private var ended = false
    private var failure: (any Error)?
    /// The regions `staged` lines were built with (nil: none are).
    var preparedWith: RegionResolver? { file.regions }
    /// The staging line (after the batch key) of the outcome `next()` returned last, if prepared.
    private(set) var staged: PreparedRow?
    /// Once the file has ended: the ledger of the rows that came with staging lines.
    private(set) var preparedLedger: ProjectLedger?

    init(file: ReadAheadFile, info: SheetInfo, snapshot: ReaderSnapshot) {
        self.file = file
        self.info = info
        recordsRead = snapshot.recordsRead
        bytesRead = snapshot.bytesRead
        warnings = snapshot.warnings ?? []
    }

    func next() throws -> RowOutcome? {
        staged = nil
        if let failure { throw failure }
        if ended { return nil }
        switch try file.take().event {
        case .row(let outcome, let snapshot, let line):
            apply(snapshot)
            staged = line
            return outcome
        case .end(let snapshot, let ledger):
            apply(snapshot)
            preparedLedger = ledger
            ended = true
            return nil
        case .failed(let error, let snapshot):
            apply(snapshot)
            failure = error
            throw error
        case .hashed, .opened:
            throw ReadAheadError.outOfOrder(file.url.path)
        }
    }

    private func apply(_ snapshot: ReaderSnapshot) {
        recordsRead = snapshot.recordsRead
        bytesRead = snapshot.bytesRead
        if let changed = snapshot.warnings { warnings = changed }
    }
}

/// The bounded queue between the producer thread and the consumer.
///
/// `@unchecked Sendable`: shared by the two threads, and every stored `var` is read and
/// written only while `condition` is locked; the items themselves are `Sendable` values. The
/// one non-`Sendable` value, `inline`, exists only when there is no producer thread, and is
/// then used by the consumer's thread alone.
final class ReadAheadQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let maxOutcomes: Int
    private let maxBytes: Int
    /// The producer's batches as it put them (each of one file), moved out whole by the
    /// consumer: items are never copied one by one under the lock (copying 512 at a time and
    /// then removing them retained and released every string of every row, on the thread the
    /// server waits for, while the producer waited for the lock).
    private var batches: [Batch] = []
    /// Index of the first batch not yet taken.
    private var head = 0
    private var queuedOutcomes = 0
    private var queuedBytes = 0
    /// Files below this index are finished with: the producer stops reading them.
    private var abandonedBelow = 0
    private var stopped = false
    private var producerDone = false
    /// No producer thread: the consumer runs the producer's steps itself when the queue is empty.
    private var inline: ReadAheadProducer.Steps?

    private struct Batch {
        var file: Int
        var items: [ReadAheadItem]
        var outcomes: Int
        var bytes: Int
    }

    init(maxOutcomes: Int, maxBytes: Int) {
        self.maxOutcomes = maxOutcomes
        self.maxBytes = maxBytes
    }

    // MARK: producer

    /// Appends a batch, waiting for room first; false when the file was abandoned or the
    /// producer stopped (the batch is dropped: nobody will read it).
    func put(_ batch: [ReadAheadItem], file: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while inline == nil, !stopped, file >= abandonedBelow,
              queuedOutcomes >= maxOutcomes || queuedBytes >= maxBytes {
            condition.wait()
        }
        guard !stopped, file >= abandonedBelow else { return false }
        guard !batch.isEmpty else { return true }
        var outcomes = 0, bytes = 0
        for item in batch {
            if case .row = item.event { outcomes += 1 }
            bytes += item.bytes
        }
        queuedOutcomes += outcomes
        queuedBytes += bytes
        batches.append(Batch(file: file, items: batch, outcomes: outcomes, bytes: bytes))
        condition.broadcast()
        return true
    }

    /// Whether the producer should stop reading `file`.
    func shouldStop(file: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped || file < abandonedBelow
    }

    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    func producerFinished() {
        condition.lock()
        producerDone = true
        condition.broadcast()
        condition.unlock()
    }

    // MARK: consumer

    /// The next items of `file`, in order (waits for at least one). Items of abandoned
    /// earlier files still in the queue are dropped.
    func take(file: Int, url: URL) throws -> [ReadAheadItem] {
        condition.lock()
        defer { condition.unlock() }
        while true {
            while head < batches.count, batches[head].file < file { _ = removeHead() }
            if head < batches.count {
                guard batches[head].file == file else { throw ReadAheadError.outOfOrder(url.path) }
                return removeHead()
            }
            if stopped || producerDone { throw ReadAheadError.stopped(url.path) }
            if let steps = inline {
                // Run the producer here until it has put something (or is done).
                condition.unlock()
                steps.step()
                condition.lock()
            } else {
                condition.wait()
            }
        }
    }

    /// Moves the first batch out. The array is emptied when all is taken, else compacted once
    /// the taken part is the larger half (amortised O(1) per batch, never O(n)).
    private func removeHead() -> [ReadAheadItem] {
        var items: [ReadAheadItem] = []
        swap(&items, &batches[head].items)
        queuedOutcomes -= batches[head].outcomes
        queuedBytes -= batches[head].bytes
        head += 1
        if head == batches.count {
            batches.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64, head * 2 >= batches.count {
            batches.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return items
    }

    func abandon(below file: Int) {
        condition.lock()
        abandonedBelow = max(abandonedBelow, file)
        condition.broadcast()
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    func runInline(_ producer: ReadAheadProducer) {
        condition.lock()
        inline = producer.steps()
        condition.unlock()
    }
}

/// The producer's work: files in order, each hashed, opened and read into the queue. Its
/// state lives in `Steps`, created on the thread that runs it.
final class ReadAheadProducer: Sendable {
    let files: [URL]
    let read: ReadOptions
    let open: SheetOpener
    let regions: RegionResolver?
    let queue: ReadAheadQueue
    /// Outcomes put into the queue together (one lock round per batch, not per row).
    static let batchSize = 64

    init(files: [URL], read: ReadOptions, open: @escaping SheetOpener, regions: RegionResolver?, queue: ReadAheadQueue) {
        self.files = files
        self.read = read
        self.open = open
        self.regions = regions
        self.queue = queue
    }

    func run() {
        let steps = steps()
        while steps.step() {}
    }

    func steps() -> Steps { Steps(self) }

    /// The producer as a resumable loop: each `step()` reads one batch (or one file's
    /// opening) and puts it into the queue; false when there is nothing left to do.
    /// The reader (`SheetRowSource`, not `Sendable`) lives and dies inside it, on one thread.
    final class Steps {
        private let producer: ReadAheadProducer
        private var index = 0
        private var source: SheetRowSource?
        private var preparer: StagingPreparer?
        private var lastBytes = 0
        private var lastWarnings = 0
        private var done = false

        init(_ producer: ReadAheadProducer) { self.producer = producer }

        @discardableResult
        func step() -> Bool {
            guard !done else { return false }
            let queue = producer.queue
            if source == nil {
                guard index < producer.files.count, !queue.isStopped else { return finish() }
                if queue.shouldStop(file: index) { index += 1; return true }
                openNext()
                return true
            }
            let file = index
            var batch: [ReadAheadItem] = []
            batch.reserveCapacity(ReadAheadProducer.batchSize)
            var fileEnded = false
            while batch.count < ReadAheadProducer.batchSize {
                let reader = source!
                do {
                    guard let outcome = try reader.next() else {
                        batch.append(item(.end(snapshot(reader, final: true), preparer?.ledger), reader))
                        fileEnded = true
                        break
                    }
                    let prepared = preparer?.prepare(outcome)
                    batch.append(item(.row(prepared == nil ? outcome : StagingPreparer.slim(outcome), snapshot(reader, final: false),
                                           prepared), reader))
                } catch {
                    batch.append(item(.failed(error, snapshot(reader, final: true)), reader))
                    fileEnded = true
                    break
                }
            }
            let kept = queue.put(batch, file: file)
            if fileEnded || !kept { nextFile() }
            return true
        }

        private func openNext() {
            let queue = producer.queue
            let url = producer.files[index]
            let file = index
            let hashed = Result { try Loader.hashFile(url) { queue.shouldStop(file: file) } }
            guard queue.put([ReadAheadItem(file: file, event: .hashed(hashed), bytes: 0)], file: file),
                  case .success = hashed else { return nextFile() }
            let opened: Result<SheetRowSource, any Error> = Result { try producer.open(url, producer.read) }
            switch opened {
            case .success(let reader):
                lastBytes = reader.bytesRead ?? 0
                lastWarnings = reader.warnings.count
                let snapshot = ReaderSnapshot(recordsRead: reader.recordsRead, bytesRead: reader.bytesRead,
                                              warnings: reader.warnings)
                guard queue.put([ReadAheadItem(file: file, event: .opened(.success(reader.info), snapshot), bytes: 0)],
                                file: file) else { return nextFile() }
                source = reader
                preparer = producer.regions.flatMap { StagingPreparer(info: reader.info, regions: $0) }
            case .failure(let error):
                let snapshot = ReaderSnapshot(recordsRead: 0, bytesRead: nil, warnings: nil)
                _ = queue.put([ReadAheadItem(file: file, event: .opened(.failure(error), snapshot), bytes: 0)], file: file)
                nextFile()
            }
        }

        private func snapshot(_ reader: SheetRowSource, final: Bool) -> ReaderSnapshot {
            var snapshot = ReaderSnapshot(recordsRead: reader.recordsRead, bytesRead: reader.bytesRead, warnings: nil)
            let warnings = reader.warnings
            if final || warnings.count != lastWarnings {
                snapshot.warnings = warnings
                lastWarnings = warnings.count
            }
            return snapshot
        }

        private func item(_ event: ReadAheadEvent, _ reader: SheetRowSource) -> ReadAheadItem {
            let bytes = reader.bytesRead ?? lastBytes
            defer { lastBytes = bytes }
            return ReadAheadItem(file: index, event: event, bytes: max(0, bytes - lastBytes))
        }

        private func nextFile() {
            source = nil  // closes the reader's file now, on this thread
            preparer = nil
            lastBytes = 0
            lastWarnings = 0
            index += 1
        }

        private func finish() -> Bool {
            done = true
            source = nil
            preparer = nil
            producer.queue.producerFinished()
            return false
        }
    }
}
