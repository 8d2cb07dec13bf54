import SheetReader

/// Staging COPY bytes of a file's project rows, built on the read-ahead thread (`ReadAhead`)
/// while the main thread waits for the server: formatting and escaping the rows was ~4.9 s of
/// the main thread's CPU over the large corpus, during which the server's staging COPY sat idle.
///
/// Everything but the batch key, which exists only once the file's transaction has begun: the
/// loader writes it in front (`StagingWriter.writeRow(first:rest:)`), so the line is the one
/// `StagingRows.project` + `StagingWriter.writeRow` would give. A row it cannot place (its
/// region is unknown) gets nil and takes the loader's own path, which rejects it with the reason.
/// One per file, used on one thread (the classifier's memo is not shared).
final class StagingPreparer {
    let regions: RegionResolver
    private let sheetRegion: RegionRef?
    private let month: Int
    private let classifier = ProjectClassifier.Memo()
    /// The rows prepared so far, as the loader's own ledger would have them: kept here so that
    /// its hashing runs on this thread, not on the one feeding the server.
    private(set) var ledger = ProjectLedger()

    /// nil for layouts it does not prepare (only project progress is large).
    init?(info: SheetInfo, regions: RegionResolver) {
        guard info.layout == .projectProgress else { return nil }
        self.regions = regions
        sheetRegion = regions.sheetRegion(info)
        month = info.month.key
    }

    /// The staging line of a project row after its batch key (`\t` + fields + `\n`), and the
    /// region it was placed in (the loader's `ProjectLedger` keys rows by it).
    func prepare(_ outcome: RowOutcome) -> PreparedRow? {
        guard case .data(.project(let row)) = outcome,
              let region = regions.projectRegion(regionText: StagingRows.clean(row.region), projectCode: row.projectCode,
                                                 sheetRegion: sheetRegion, regionAbove: row.regionAbove) else { return nil }
        if let first = ledger.stage(line: row.line, region: region.key, month: month, code: row.projectCode,
                                    department: row.department) {
            return PreparedRow(region: region.key, line: [], repeatOf: first)
        }
        let fields = StagingRows.project(row, batch: 0, region: region.key, month: month, classifier: classifier)
        var line: [UInt8] = [0x09]
        line.reserveCapacity(384)
        StagingWriter.appendRow(fields.dropFirst(), to: &line)
        return PreparedRow(region: region.key, line: line)
    }
}

/// A project row's staging line after its batch key and its region's key; or, for a row
/// repeating a project above it, that row's line (`repeatOf`) and no staging line.
struct PreparedRow: Sendable, Equatable {
    var region: Int
    var line: [UInt8]
    var repeatOf: Int?
}
