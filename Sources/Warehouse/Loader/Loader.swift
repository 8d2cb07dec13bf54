import Foundation
import Logging
import PostgresClient
import SheetReader

/// Options for loading files (the `invest-etl load` flags).
public struct LoaderOptions: Sendable {
    public var read: ReadOptions
    /// A file with more rejected rows than this loads nothing (nil: no limit).
    public var maxRejects: Int?
    public var dryRun: Bool
    /// The `etl.load_run` the batches belong to.
    public var runKey: Int?

    public init(read: ReadOptions = ReadOptions(), maxRejects: Int? = nil, dryRun: Bool = false, runKey: Int? = nil) {
        self.read = read
        self.maxRejects = maxRejects
        self.dryRun = dryRun
        self.runKey = runKey
    }
}

/// Loads county files into the warehouse, one transaction per file (DESIGN §8):
/// source bytes kept in chunks, a batch row, staging by COPY, one set-based merge,
/// supersede of the earlier batch of the same scope, summaries refreshed, counts checked.
///
/// The caller holds `LoadLock` (see `LoadLock.acquire`); the loader does not take it itself
/// so that a nightly run can load many files under one lock.
public final class Loader {
    public let connection: Connection
    public let logger: Logger
    let open: SheetOpener
    /// Called every few thousand rows and at phase changes (the CLI throttles the display).
    public var onProgress: ((LoadProgress) -> Void)?
    private var synonymCache: (files: [URL], text: String)?
    /// The projects merged so far by this loader, whose unchanged restatements skip staging.
    let projectCache = ProjectCache()
    /// Regions with projects under temporary codes (`ProjectCodes.isUnified` false), read once
    /// per run and grown by committed files: only their files look for a unified code replacing one.
    private var temporaryCodeRegions: Set<Int>?
    private var pendingTemporaryCodeRegions: Set<Int> = []

    /// Bytes per `etl.source_file_chunk` row (bytea values must stay well below 1 GB).
    public static let chunkSize = 1 << 20

    public init(connection: Connection, logger: Logger = Logger(label: "Warehouse.Loader"), open: SheetOpener? = nil) {
        self.connection = connection
        self.logger = logger
        self.open = open ?? SheetReaderOpener.open
    }

    // MARK: - one file

    public func load(file url: URL, options: LoaderOptions = LoaderOptions()) throws -> FileLoadResult {
        try load(url, options: options, hash: { try Self.hashFile(url) }, open: open)
    }

    /// Loads a file a `ReadAhead` (from `readAhead(_:read:)`, with the same `options.read`) has
    /// read ahead: the same steps, results and database contents as `load(file:options:)`.
    public func load(_ file: ReadAheadFile, options: LoaderOptions = LoaderOptions()) throws -> FileLoadResult {
        try load(file.url, options: options, hash: file.hash, open: { _, _ in try file.open() })
    }

    /// Reads `files` ahead on a second thread for `load(_:options:)`; the caller takes them in
    /// order with `next()` and stops it (or lets it go) when done or on an error. The thread
    /// also formats the project rows' staging lines with the regions as they are now (call it
    /// outside a transaction: if that read fails, the rows are formatted while loading instead).
    public func readAhead(_ files: [URL], read: ReadOptions) -> ReadAhead {
        ReadAhead(files: files, read: read, open: open, regions: try? RegionResolver.load(from: connection))
    }

    private func load(_ url: URL, options: LoaderOptions, hash: () throws -> (String, Int),
                      open: @escaping (URL, ReadOptions) throws -> SheetRowSource) throws -> FileLoadResult {
        let name = url.path
        var result = FileLoadResult(file: name, outcome: .loaded)
        do {
            let (digest, size) = try hash()
            result.sha256 = digest
            result.bytes = size
        } catch {
            result.outcome = .unreadable
            result.message = "cannot read the file: \(error.localizedDescription)"
            return result
        }

        // Same bytes already merged (loaded, or later superseded): nothing to do. A rejected or
        // reverted batch does not count: loading its bytes again makes a new batch.
        let known = try connection.query("""
            SELECT f.source_file_key, b.batch_key, b.status
            FROM etl.source_file f
            LEFT JOIN etl.load_batch b ON b.source_file_key = f.source_file_key AND b.status NOT IN ('rejected', 'reverted')
            WHERE f.sha256 = \(result.sha256)
            ORDER BY b.batch_key DESC NULLS LAST LIMIT 1
            """).first
        let knownFile = try known?.int("source_file_key")
        if let earlier = try known?.int("batch_key") {
            result.outcome = .alreadyLoaded
            result.earlierBatchKey = earlier
            result.earlierBatchStatus = known?["status"]
            return result
        }

        let regions = try RegionResolver.load(from: connection)
        if options.dryRun {
            return try dryRun(url: url, options: options, regions: regions, result: result, open: open)
        }

        projectCache.discardPending()
        defer { projectCache.discardPending() }
        let loaded = try connection.withTransaction {
            let fileKey = try knownFile ?? storeSourceFile(url: url, sha256: result.sha256, size: result.bytes)
            FaultPoint.reach(.stored, file: url.path)
            let loaded = try loadRows(url: url, fileKey: fileKey, options: options, regions: regions, result: result,
                                      open: open)
            FaultPoint.reach(.commit, file: url.path)
            return loaded
        }
        // Committed: what the file merged into dim_project is now the server's.
        if loaded.outcome == .loaded {
            projectCache.commit()
            temporaryCodeRegions?.formUnion(pendingTemporaryCodeRegions)
        }
        pendingTemporaryCodeRegions = []
        return loaded
    }

    /// Streams the file once for its SHA-256 and size (flat memory). `stop` is asked between
    /// chunks (`ReadAhead` cancelled: throws `CancellationError`).
    static func hashFile(_ url: URL, stop: () -> Bool = { false }) throws -> (String, Int) {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
            if stop() { throw CancellationError() }
            hasher.update([UInt8](chunk))
            size += chunk.count
        }
        return (SHA256.hex(hasher.finalize()), size)
    }

    /// Inserts `etl.source_file` and COPYs the bytes into `etl.source_file_chunk`, 1 MiB a row.
    private func storeSourceFile(url: URL, sha256: String, size: Int) throws -> Int {
        guard let key = try connection.query("""
            INSERT INTO etl.source_file (sha256, file_name, size_bytes)
            VALUES (\(sha256), \(url.lastPathComponent), \(size)) RETURNING source_file_key
            """).first?.int("source_file_key") else {
            throw LoaderError.schema("INSERT INTO etl.source_file returned no key")
        }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var stored = 0
        // Binary COPY: the bytes go as they are (text COPY needed them hex-encoded here and
        // decoded by the server, about 2–3 s of the large corpus).
        try connection.copyIn("COPY etl.source_file_chunk (source_file_key, chunk_no, data) FROM STDIN (FORMAT binary)") { writer in
            try writer.write(BinaryCopyTuple.header)
            var chunkNo: Int32 = 0
            while let chunk = try handle.read(upToCount: Self.chunkSize), !chunk.isEmpty {
                var tuple = BinaryCopyTuple(fieldCount: 3)
                tuple.append(int64: Int64(key))
                tuple.append(int32: chunkNo)
                tuple.appendLength(chunk.count)
                try writer.write(tuple.bytes)
                try chunk.withUnsafeBytes { try writer.write($0) }
                chunkNo += 1
                stored += chunk.count
                onProgress?(LoadProgress(file: url.path, rows: 0, bytesRead: stored, totalBytes: size, phase: "storing"))
            }
            try writer.write(BinaryCopyTuple.trailer)
        }
        return key
    }

    // MARK: - rows

    /// `reuseBatch`: re-derive an existing batch from its stored bytes (`BatchRevert`); then any
    /// whole-file rejection is thrown instead of recorded, so the caller's transaction rolls back.
    func loadRows(url: URL, fileKey: Int, options: LoaderOptions, regions: RegionResolver,
                  result initial: FileLoadResult, reuseBatch: Int? = nil,
                  open: ((URL, ReadOptions) throws -> SheetRowSource)? = nil) throws -> FileLoadResult {
        var result = initial
        var sheet: SheetRowSource
        do {
            sheet = try (open ?? self.open)(url, options.read)
            // Read ahead with other regions than the file's own read of the table (an alias added
            // meanwhile): its project rows came slimmed for lines that cannot be used. Read the
            // file again here; the read-ahead drops the rest of it.
            if let ahead = sheet as? ReadAheadSource, let prepared = ahead.preparedWith, prepared != regions {
                sheet = try self.open(url, options.read)
            }
            try ReportingMonthCheck.check(sheet.info)
        } catch let error as SheetError {
            if reuseBatch != nil { throw error }
            let batch = try insertBatch(fileKey: fileKey, url: url, layout: nil, region: nil, month: nil,
                                        scope: "rejected", encoding: nil, status: "rejected", options: options)
            try rejectWholeFile(batch: batch, error: error, linesRead: 0)
            result.outcome = .rejected
            result.batchKey = batch
            result.message = error.description
            return result
        }

        let info = sheet.info
        let sheetRegion = regions.sheetRegion(info)
        let city = regions.city(for: sheetRegion)
        let scope = Self.scope(layout: info.layout, region: sheetRegion, month: info.month, fileName: url.lastPathComponent)
        result.layout = info.layout
        result.region = sheetRegion?.name ?? info.region
        result.month = info.month
        let sender = BatchSender.from(titles: info.titles)
        let batch = try reuseBatch.map { try reopenBatch($0) }
            ?? insertBatch(fileKey: fileKey, url: url, layout: info.layout, region: sheetRegion?.key,
                           month: info.month.key, scope: scope, encoding: info.encoding.rawValue,
                           status: "loading", options: options, sender: sender)
        result.batchKey = batch
        let merge = Merge(connection: connection, batch: batch, layout: info.layout)

        // Stage inside a savepoint: a file that turns out unreadable halfway (bad bytes at
        // line 90,000) leaves no staged rows, and the batch records why.
        let skipped = SpillBuffer()
        let rejected = SpillBuffer()
        var ledger = ProjectLedger()
        var projects = StagedProjects()
        var placeLike = PlaceLikeUnits()
        try merge.clearStaging()
        // Rows of projects the cache knows unchanged are copied as facts, not staged: only in
        // the sheet's own region, and only for a month it has no facts of yet (nothing to replace).
        if info.layout == .projectProgress, reuseBatch == nil, !projectCache.isEmpty, let region = sheetRegion?.key,
           try merge.noProjectFactsYet([RegionMonth(region: region, month: info.month.key)]) {
            projects.directRegion = region
        }
        // An older month's file (re-sent, or loaded late) may state attributes the projects have
        // since lost: nothing of it is cached (nor copied past the merge).
        let olderMonth = try info.layout == .projectProgress && reuseBatch == nil && merge.laterMonthLoaded(than: info.month.key)
        if olderMonth { projects.directRegion = nil }
        do {
            try connection.withTransaction {
                ledger = ProjectLedger()
                placeLike = PlaceLikeUnits()
                projects.reset()
                if olderMonth { projects.stopKeepingKeys() }
                try stage(sheet: sheet, info: info, batch: batch, regions: regions, sheetRegion: sheetRegion,
                          city: city, skipped: skipped, rejected: rejected, ledger: &ledger, projects: &projects,
                          placeLike: &placeLike, url: url, totalBytes: result.bytes)
            }
        } catch let error as SheetError {
            if reuseBatch != nil { throw error }
            try rejectWholeFile(batch: batch, error: error, linesRead: sheet.recordsRead)
            result.outcome = .rejected
            result.message = error.description
            result.linesRead = sheet.recordsRead
            return result
        }
        try connection.copyIn("COPY etl.skipped_row (batch_key, line_no, kind, reason) FROM STDIN") { try skipped.replay(into: $0) }
        try connection.copyIn("""
            COPY etl.rejected_row (batch_key, line_no, column_no, column_name, raw_text, reason) FROM STDIN
            """) { try rejected.replay(into: $0) }

        onProgress?(LoadProgress(file: url.path, rows: sheet.recordsRead, bytesRead: result.bytes,
                                 totalBytes: result.bytes, phase: "merging"))
        if sheet.recordsRead >= 10_000 { try merge.analyzeStaging() }
        // A project file's repeated rows were rejected while staging (`ProjectLedger`), unless
        // it had too many projects to keep.
        let ledgerKnows = info.layout == .projectProgress && !ledger.overflowed
        if !ledgerKnows {
            let keyColumn = info.columns[Self.keyField(info.layout)]
            try merge.rejectInvalid(keyColumn: keyColumn.map { $0 + 1 }, keyColumnName: keyColumn.flatMap { index in
                index < info.headers.count ? info.headers[index] : nil
            })
        }

        let indicators = try merge.stagedIndicators()
        if let indicators {
            try connection.execute("UPDATE etl.load_batch SET indicators = \(indicators)::text[] WHERE batch_key = \(batch)")
        }

        result.linesRead = sheet.recordsRead
        result.warnings = sheet.warnings
            + placeLike.warnings(regions: regions, bookedUnder: (sheetRegion ?? city)?.name ?? "")
        // A row without a value (only a rate) never replaces a stored fact that has one; its line
        // is skipped (kind 'kept') unless another of its figures loads: counted before the lines.
        let keptValues = try merge.keepStoredValues()
        result.warnings += keptValues.warnings
        result.rowsLoaded = ledgerKnows ? ledger.lines : try merge.stagedLines()
        result.factsCopied = projects.direct.count
        let counts = try connection.query("""
            SELECT (SELECT count(*) FROM etl.skipped_row WHERE batch_key = \(batch)) AS skipped,
                   (SELECT count(*) FROM etl.rejected_row WHERE batch_key = \(batch)) AS rejected
            """).first
        result.rowsSkipped = try counts?.int("skipped") ?? 0
        result.rowsRejected = try counts?.int("rejected") ?? 0
        guard result.accountsForEveryLine else {
            throw LoaderError.accounting(file: url.path, linesRead: result.linesRead, loaded: result.rowsLoaded,
                                         skipped: result.rowsSkipped, rejected: result.rowsRejected)
        }
        let warningsJSON = try Self.warningsJSON(result.warnings)

        // A file with no row to load (only a header, every row rejected) must not supersede
        // an earlier batch that has rows: that would delete a month of facts for an empty
        // export. (With nothing to replace, an empty sheet is a valid "nothing this month".)
        if result.rowsLoaded == 0, let earlier = try connection.query("""
            SELECT batch_key, rows_loaded FROM etl.load_batch
            WHERE scope = \(scope) AND status = 'loaded' AND batch_key <> \(batch) AND rows_loaded > 0
              AND \(Merge.coveredBy(indicators))
            ORDER BY batch_key DESC LIMIT 1
            """).first {
            try merge.discardStaging()
            result.outcome = .rejected
            result.message = "no data row to load (\(result.linesRead) lines: \(result.rowsSkipped) skipped, "
                + "\(result.rowsRejected) rejected) but batch \(earlier["batch_key"] ?? "?") of \(scope) has "
                + "\(earlier["rows_loaded"] ?? "?") rows: rejected as a whole instead of replacing them with nothing "
                + "(to remove that batch on purpose: invest-etl batch revert \(earlier["batch_key"] ?? "ID"))"
            try finishBatch(batch, status: "rejected", result: result, warnings: warningsJSON, message: result.message)
            return result
        }

        if let limit = options.maxRejects, result.rowsRejected > limit {
            try merge.discardStaging()
            result.outcome = .tooManyRejects
            result.message = "\(result.rowsRejected) rejected rows exceed --max-rejects \(limit)"
            try finishBatch(batch, status: "rejected", result: result, warnings: warningsJSON, message: result.message)
            return result
        }

        FaultPoint.reach(.merge, file: url.path)
        if ledgerKnows {
            try merge.createDepartments(ledger.departments)
        } else {
            try merge.createDepartments()
        }
        var touched = ledger.pairs
        // Figures another scope's file gave (a city's sheet restating a county's own): latest
        // wins, and the batch says whose figures it replaced; also a target rate the annual
        // target proves a fraction (`0.15` among whole percents).
        let replaced = try merge.replacedElsewhere(scope: scope) + merge.provenFractionRates() + merge.implausibleJumps()
        result.warnings += replaced
        let unrelated = try merge.unrelatedBatches(scope: scope, sender: sender)
        result.warnings += unrelated.map { old in
            if let office = old.otherSender {
                return SheetWarning(line: nil, message: "与批次 \(old.batch)（\(old.file)）同一范围，但报送单位不同（\(office)）且只重报其 "
                                    + "\(old.shared)/\(old.units) 个\(old.what)：两份都保留 / restates \(old.shared) of the \(old.units) "
                                    + "\(old.whatEnglish) of batch \(old.batch) (\(old.file)), which \(office) sent: another office's sheet "
                                    + "of the same region and month, so it does not replace it: both are kept; if this file does "
                                    + "replace it, invest-etl batch revert \(old.batch)")
            }
            return SheetWarning(line: nil, message: "与批次 \(old.batch)（\(old.file)）同一范围，但未重报其大部分\(old.what)：两份都保留 / restates "
                         + "\(old.shared) of the \(old.units) \(old.whatEnglish) of batch \(old.batch) (\(old.file)) of the same "
                         + "region and month, so it does not replace it (another bureau's or department's sheet?): both are "
                         + "kept; if this file does replace it, invest-etl batch revert \(old.batch)")
        }
        var replacedKept = 0
        if info.layout == .projectProgress {
            pendingTemporaryCodeRegions = projects.temporaryCodeRegions
            for relinked in try merge.relinkTemporaryCodes(regions: projects.relinkRegions) {
                projectCache.forget(region: relinked.region, code: relinked.old)
                result.warnings.append(SheetWarning(line: relinked.line, message:
                    "项目“\(relinked.name)”的代码由 \(relinked.old) 改为统一项目代码 \(relinked.new)，沿用原项目 / the project "
                    + "\(relinked.name) had the temporary code \(relinked.old) and now its unified code \(relinked.new): "
                    + "the same project, its months kept"))
            }
            if ledger.lines > projects.direct.count { replacedKept = try merge.keepReplacedFacts() }
            let keys = try merge.upsertProjectFacts(pairs: ledger.pairs, staged: ledger.lines > projects.direct.count,
                                                    direct: projects.direct, returnKeys: ledgerKnows && !projects.misses.isEmpty)
            for key in keys {
                if let miss = projects.misses[key.line] {
                    projectCache.stage(region: key.region, code: miss.code, key: key.key, attributes: miss.attributes)
                }
            }
        } else {
            try merge.keepReplacedFacts()
            try merge.upsertFacts()
        }
        FaultPoint.reach(.supersede, file: url.path)
        let superseded = try merge.supersede(scope: scope, indicators: indicators, keep: unrelated.map(\.batch),
                                             keptFacts: keptValues.kept)
        touched.formUnion(superseded.pairs)
        result.warnings += try merge.unitsMixingFiles() + merge.projectsSharedWithOtherFiles(kept: replacedKept)
        try merge.refreshAggregates(touched)
        try merge.discardStaging()
        result.supersededBatches = superseded.batches
        try finishBatch(batch, status: "loaded", result: result,
                        warnings: try Self.warningsJSON(result.warnings),
                        message: nil)
        result.outcome = .loaded
        return result
    }

    /// Streams the reader's outcomes: data rows to the layout's staging table in one COPY,
    /// skipped and rejected rows to spill buffers copied afterwards.
    private func stage(sheet: SheetRowSource, info: SheetInfo, batch: Int, regions: RegionResolver,
                       sheetRegion: RegionRef?, city: RegionRef?, skipped: SpillBuffer, rejected: SpillBuffer,
                       ledger: inout ProjectLedger, projects: inout StagedProjects, placeLike: inout PlaceLikeUnits,
                       url: URL, totalBytes: Int) throws {
        let (table, columns) = Self.staging(info.layout)
        let month = info.month.key
        let regionColumn = info.columns["region"].map { $0 + 1 }
        let codeColumn = info.columns["project_code"].map { $0 + 1 }
        let unitColumn = info.columns["unit"].map { $0 + 1 }
        var lastReport = 0

        func reject(_ line: Int, column: Int?, columnName: String?, raw: String, reason: String) throws {
            try rejected.appendRow([String(batch), String(line), column.map(String.init), columnName, raw, reason])
        }
        func columnName(_ column: Int?) -> String? {
            guard let column, column - 1 < info.headers.count else { return nil }
            return info.headers[column - 1]
        }

        let classifier = ProjectClassifier.Memo()
        // Rows the read-ahead thread already turned into staging bytes with these same regions.
        let prepared = sheet as? ReadAheadSource  // its lines were prepared with these regions (loadRows)
        // Read before the COPY starts: the connection runs one statement at a time.
        let relinkable = info.layout == .projectProgress ? try temporaryCodeRegionsOfRun() : []
        try connection.copyIn("COPY \(unsafeRaw: table) (\(unsafeRaw: columns)) FROM STDIN") { copy in
            let writer = StagingWriter(copy)
            /// A project row placed: copied as a fact later if the cache knows its project unchanged, else staged.
            func stageProject(_ row: PreparedRow, line: Int) throws {
                if ProjectCodes.isUnified(row.code) {
                    if relinkable.contains(row.region) { projects.relinkRegions.insert(row.region) }
                } else {
                    projects.temporaryCodeRegions.insert(row.region)
                }
                if row.ledgerOverflowed, projects.keepsKeys {
                    // Too many projects to find repeats on the client: every row to the server.
                    try projects.direct.drain(into: writer, batch: batch)
                    projects.stopKeepingKeys()
                }
                if row.region == projects.directRegion,
                   let known = projectCache.entry(region: row.region, code: row.code), known.attributes == row.attributes {
                    projects.direct.append(key: known.key, staged: row.line)
                    return
                }
                if projects.keepsKeys { projects.misses[line] = (row.code, row.attributes) }
                try writer.writeRow(first: batch, rest: row.line)
            }
            while let outcome = try sheet.next() {
                switch outcome {
                case .skipped(let row):
                    try skipped.appendRow([String(batch), String(row.line), row.kind.rawValue, row.reason])
                case .rejected(let row):
                    try reject(row.line, column: row.column, columnName: row.columnName, raw: row.raw, reason: row.reason)
                case .data(let data):
                    switch data {
                    case .project(let row):
                        func rejectRepeat(of first: Int) throws {
                            try reject(row.line, column: codeColumn, columnName: columnName(codeColumn),
                                       raw: ProjectLedger.duplicateRaw(code: row.projectCode, name: row.projectName),
                                       reason: ProjectLedger.duplicateReason(firstLine: first, code: row.projectCode,
                                                                             name: row.projectName))
                        }
                        func repeated(region: Int) throws -> Bool {
                            guard let first = ledger.stage(line: row.line, region: region, month: month,
                                                           code: row.projectCode, department: row.department) else { return false }
                            try rejectRepeat(of: first)
                            return true
                        }
                        // Prepared on the read-ahead thread, repeats found there too (its ledger
                        // replaces this one at the end of the file).
                        if let prepared, let staged = prepared.staged {
                            if let first = staged.repeatOf {
                                try rejectRepeat(of: first)
                                continue
                            }
                            try stageProject(staged, line: row.line)
                            break
                        }
                        let regionText = StagingRows.clean(row.region)
                        // No region column: a county project's unified code names its county even
                        // in a city-wide sheet.
                        let region = regions.projectRegion(regionText: regionText, projectCode: row.projectCode,
                                                           sheetRegion: sheetRegion, regionAbove: row.regionAbove)
                        guard let region else {
                            let name = regionText ?? StagingRows.clean(row.regionAbove) ?? info.region
                            let reason = name.map { regions.unknownRegionReason($0, city: city) }
                                ?? "无法确定地区：文件名、标题和本行都没有县区 / no region: neither the file name, the title nor the row names one; use --region"
                            try reject(row.line, column: regionText == nil ? nil : regionColumn,
                                       columnName: regionText == nil ? nil : columnName(regionColumn),
                                       raw: [row.projectCode, row.projectName, regionText ?? ""].joined(separator: ","),
                                       reason: reason)
                            continue
                        }
                        if try repeated(region: region.key) { continue }
                        let fields = StagingRows.project(row, batch: batch, region: region.key, month: month,
                                                         classifier: classifier)
                        try stageProject(StagingPreparer.prepared(fields, region: region.key,
                                                                  ledgerOverflowed: ledger.overflowed), line: row.line)
                    case .indicator(let rows):
                        guard let first = rows.first else {
                            try skipped.appendRow([String(batch), String(data.line), SkipKind.blank.rawValue,
                                                   "数据行无数值 / a data row without any value"])
                            continue
                        }
                        guard let region = regions.resolve(first.region) else {
                            try reject(first.line, column: regionColumn, columnName: columnName(regionColumn),
                                       raw: first.region, reason: regions.unknownRegionReason(first.region, city: city))
                            continue
                        }
                        for row in rows {
                            try writer.writeRow(StagingRows.indicator(row, batch: batch, region: region.key, month: month))
                        }
                    case .transfer(let rows):
                        // A unit that is a region receives in its own name; any other unit is a
                        // department (created on first sight) receiving in the name of the sheet's
                        // region — a county finance bureau's 区教育局 is the county's — else the city's.
                        guard let first = rows.first else { continue }
                        if let region = regions.resolve(first.unit) {
                            for row in rows {
                                try writer.writeRow(StagingRows.transfer(row, batch: batch, region: region.key, department: nil, month: month))
                            }
                        } else if let owner = sheetRegion ?? city {
                            placeLike.note(first.unit, line: first.line, regions: regions)
                            for row in rows {
                                try writer.writeRow(StagingRows.transfer(row, batch: batch, region: owner.key, department: row.unit,
                                                                         owner: owner.name, month: month))
                            }
                        } else {
                            try reject(first.line, column: unitColumn, columnName: columnName(unitColumn), raw: first.unit,
                                       reason: "没有可记入的市 / no city to book a department's transfer under")
                        }
                    case .target(let rows):
                        guard let first = rows.first else {
                            try skipped.appendRow([String(batch), String(data.line), SkipKind.blank.rawValue,
                                                   "数据行无数值 / a data row without any value"])
                            continue
                        }
                        let staged: [[String?]]
                        if let region = regions.resolve(first.unit) {
                            staged = rows.flatMap { StagingRows.targets($0, batch: batch, region: region.key, department: nil) }
                        } else if let owner = sheetRegion ?? city {
                            placeLike.note(first.unit, line: first.line, regions: regions)
                            staged = rows.flatMap {
                                StagingRows.targets($0, batch: batch, region: owner.key, department: $0.unit, owner: owner.name)
                            }
                        } else {
                            staged = []
                        }
                        if staged.isEmpty {
                            try skipped.appendRow([String(batch), String(first.line), SkipKind.blank.rawValue,
                                                   "目标行无数值 / a target row without any value"])
                        }
                        for row in staged { try writer.writeRow(row) }
                    case .centralBudget, .specialBond, .reserveProject:
                        // Projects of the policy sheets: the row's region, else the sheet's (Loader/Policy).
                        let project = PolicyStaging.project(data)!
                        let regionText = StagingRows.clean(project.region)
                        guard let region = regionText.map({ regions.resolve($0) }) ?? sheetRegion else {
                            let reason = (regionText ?? info.region).map { regions.unknownRegionReason($0, city: city) }
                                ?? "无法确定地区：文件名、标题和本行都没有县区 / no region: neither the file name, the title nor the row names one; use --region"
                            try reject(data.line, column: regionText == nil ? nil : regionColumn,
                                       columnName: regionText == nil ? nil : columnName(regionColumn),
                                       raw: [project.code, project.name, regionText ?? ""].joined(separator: ","), reason: reason)
                            continue
                        }
                        try writer.writeRow(PolicyStaging.row(data, batch: batch, region: region.key, month: month)!)
                        // Its merge renames the project (latest name wins): the cache's hash no longer holds.
                        projectCache.forget(region: region.key, code: project.code)
                    }
                }
                let read = sheet.recordsRead
                if read - lastReport >= 4096 {
                    if lastReport == 0 { FaultPoint.reach(.staging, file: url.path) }
                    lastReport = read
                    onProgress?(LoadProgress(file: url.path, rows: read, bytesRead: sheet.bytesRead ?? 0,
                                             totalBytes: totalBytes, phase: "reading"))
                }
            }
        }
        // Every staged project row came prepared (a row the read-ahead could not place is
        // rejected above): the read-ahead's ledger is the file's.
        if let preparedLedger = prepared?.preparedLedger, ledger.lines == 0 { ledger = preparedLedger }
    }

    /// `temporaryCodeRegions`, read from the warehouse on first use.
    private func temporaryCodeRegionsOfRun() throws -> Set<Int> {
        if let known = temporaryCodeRegions { return known }
        var regions = Set<Int>()
        for row in try connection.query(SQL(unsafeRaw: """
            SELECT DISTINCT region_key FROM dw.dim_project WHERE project_code !~ '\(ProjectCodes.unifiedPattern)'
            """)).rows {
            if let key = try row.int("region_key") { regions.insert(key) }
        }
        temporaryCodeRegions = regions
        return regions
    }

    // MARK: - dry run

    private func dryRun(url: URL, options: LoaderOptions, regions: RegionResolver, result initial: FileLoadResult,
                        open: @escaping (URL, ReadOptions) throws -> SheetRowSource) throws -> FileLoadResult {
        var result = initial
        result.outcome = .validated
        let sheet: SheetRowSource
        do {
            sheet = try open(url, options.read)
            try ReportingMonthCheck.check(sheet.info)
        } catch let error as SheetError {
            result.outcome = .rejected
            result.message = error.description
            return result
        }
        let info = sheet.info
        let sheetRegion = regions.sheetRegion(info)
        let city = regions.city(for: sheetRegion)
        result.layout = info.layout
        result.region = sheetRegion?.name ?? info.region
        result.month = info.month
        var rejectedLines: [String] = []
        var ledger = ProjectLedger()  // repeated projects, rejected as the load would
        do {
            while let outcome = try sheet.next() {
                switch outcome {
                case .skipped: result.rowsSkipped += 1
                case .rejected(let row):
                    result.rowsRejected += 1
                    if rejectedLines.count < 20 { rejectedLines.append("line \(row.line): \(row.reason)") }
                case .data(let data):
                    var unknown: String?
                    switch data {
                    case .project(let row):
                        let text = StagingRows.clean(row.region)
                        if let region = regions.projectRegion(regionText: text, projectCode: row.projectCode,
                                                              sheetRegion: sheetRegion, regionAbove: row.regionAbove) {
                            if let first = ledger.stage(line: row.line, region: region.key, month: info.month.key,
                                                        code: row.projectCode, department: row.department) {
                                result.rowsRejected += 1
                                if rejectedLines.count < 20 {
                                    rejectedLines.append("line \(row.line): " + ProjectLedger.duplicateReason(
                                        firstLine: first, code: row.projectCode, name: row.projectName))
                                }
                                continue
                            }
                        } else {
                            unknown = text ?? StagingRows.clean(row.regionAbove) ?? info.region ?? ""
                        }
                    case .indicator(let rows):
                        if let first = rows.first, regions.resolve(first.region) == nil { unknown = first.region }
                    case .transfer, .target:
                        break  // a unit that is not a region is a department
                    case .centralBudget, .specialBond, .reserveProject:
                        let text = StagingRows.clean(PolicyStaging.project(data)?.region)
                        if (text.map { regions.resolve($0) } ?? sheetRegion) == nil { unknown = text ?? info.region ?? "" }
                    }
                    if let unknown {
                        result.rowsRejected += 1
                        if rejectedLines.count < 20 {
                            rejectedLines.append("line \(data.line): " + regions.unknownRegionReason(unknown, city: city))
                        }
                    } else {
                        result.rowsLoaded += 1
                    }
                }
            }
        } catch let error as SheetError {
            result.outcome = .rejected
            result.message = error.description
        }
        result.linesRead = sheet.recordsRead
        result.warnings = sheet.warnings
        if let limit = options.maxRejects, result.rowsRejected > limit, result.outcome == .validated {
            result.outcome = .tooManyRejects
            result.message = "\(result.rowsRejected) rejected rows exceed --max-rejects \(limit)"
        }
        if !rejectedLines.isEmpty, result.message == nil { result.message = rejectedLines.joined(separator: "\n") }
        return result
    }

    // MARK: - batch bookkeeping

    private func insertBatch(fileKey: Int, url: URL, layout: SheetLayout?, region: Int?, month: Int?, scope: String,
                             encoding: String?, status: String, options: LoaderOptions, sender: String? = nil) throws -> Int {
        let synonyms = try synonymText(options.read.synonymFiles)
        guard let key = try connection.query("""
            INSERT INTO etl.load_batch (source_file_key, run_key, layout, region_key, month_key, scope, status, encoding,
                                        file_name, synonyms, sender)
            VALUES (\(fileKey), \(options.runKey), \(layout?.rawValue), \(region), \(month), \(scope), \(status), \(encoding),
                    \(url.path), \(synonyms), \(sender))
            RETURNING batch_key
            """).first?.int("batch_key") else {
            throw LoaderError.schema("INSERT INTO etl.load_batch returned no key")
        }
        return key
    }

    /// The operator synonym files' text as the batch records it (V015), so `batch revert` can
    /// read the bytes again as they were read; nil without files. Read once per list of files.
    private func synonymText(_ files: [URL]) throws -> String? {
        guard !files.isEmpty else { return nil }
        if let cached = synonymCache, cached.files == files { return cached.text }
        let text = try files.map { try String(contentsOf: $0, encoding: .utf8) }
            .map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined()
        synonymCache = (files, text)
        return text
    }

    private func rejectWholeFile(batch: Int, error: SheetError, linesRead: Int) throws {
        try connection.execute("""
            INSERT INTO etl.rejected_row (batch_key, line_no, column_no, column_name, raw_text, reason)
            VALUES (\(batch), \(error.line ?? 0), \(error.column), NULL, \(error.seenHeaders.joined(separator: " | ")),
                    \("整份文件被拒收 / whole file rejected: " + error.description))
            """)
        try connection.execute("""
            UPDATE etl.load_batch SET status = 'rejected', lines_read = \(linesRead), rows_rejected = 1,
                   message = \(error.description), finished_at = now()
            WHERE batch_key = \(batch)
            """)
    }

    private func finishBatch(_ batch: Int, status: String, result: FileLoadResult, warnings: String, message: String?) throws {
        try connection.execute("""
            UPDATE etl.load_batch SET status = \(status), lines_read = \(result.linesRead),
                   rows_loaded = \(status == "loaded" ? result.rowsLoaded : 0), rows_skipped = \(result.rowsSkipped),
                   rows_rejected = \(result.rowsRejected), warnings = \(warnings)::jsonb, message = \(message),
                   finished_at = now()
            WHERE batch_key = \(batch)
            """)
    }

    static func warningsJSON(_ warnings: [SheetWarning]) throws -> String {
        let data = try JSONEncoder().encode(warnings)
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: - naming

    /// The supersede scope: a later file with the same layout, region and month replaces this one.
    /// A project sheet whose region is unknown (its rows placed by their own 县区 cells or codes)
    /// replaces only a file of the same name: two such sheets of different zones superseded each
    /// other, deleting the first zone's month.
    public static func scope(layout: SheetLayout, region: RegionRef?, month: YearMonth, fileName: String = "") -> String {
        if region == nil, layout == .projectProgress, !fileName.isEmpty {
            return "\(layout.rawValue)/-/\(month.key)/\(fileName)"
        }
        return "\(layout.rawValue)/\(region?.code ?? "-")/\(month.key)"
    }

    static func keyField(_ layout: SheetLayout) -> String {
        switch layout {
        case .projectProgress: return "project_code"
        case .indicatorSummary: return "region"
        case .transferPayments: return "unit"
        case .targets: return "unit"
        case .centralBudget, .specialBonds, .reservePool: return "project_code"
        }
    }

    static func staging(_ layout: SheetLayout) -> (table: String, columns: String) {
        switch layout {
        case .projectProgress: return ("etl.stage_project", StagingRows.projectColumns)
        case .indicatorSummary: return ("etl.stage_indicator", StagingRows.indicatorColumns)
        case .transferPayments: return ("etl.stage_transfer", StagingRows.transferColumns)
        case .targets: return ("etl.stage_target", StagingRows.targetColumns)
        case .centralBudget, .specialBonds, .reservePool: return PolicyStaging.table(layout)!
        }
    }
}
