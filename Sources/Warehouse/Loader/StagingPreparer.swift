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
        return Self.prepared(fields, region: region.key, ledgerOverflowed: ledger.overflowed)
    }

    /// A prepared project row's outcome as the loader still reads it — line, code, name, region
    /// cells and department (repeats, `--dry-run`) — without the texts its staging line already
    /// holds: fewer strings to keep in the read-ahead queue and to retain and release on the
    /// loader's thread, which the server waits for.
    static func slim(_ outcome: RowOutcome) -> RowOutcome {
        guard case .data(.project(let row)) = outcome else { return outcome }
        return .data(.project(ProjectProgressRow(
            line: row.line, projectCode: row.projectCode, projectName: row.projectName, region: row.region,
            department: row.department, totalInvestment: row.totalInvestment, annualPlan: row.annualPlan,
            ytdCompleted: row.ytdCompleted, monthCompleted: row.monthCompleted, regionAbove: row.regionAbove)))
    }

    /// A project row's staging fields (`StagingRows.project`; the batch key, first, left out) as
    /// the loader stages them or, for a project `ProjectCache` knows, copies them as a fact.
    static func prepared(_ fields: [String?], region: Int, ledgerOverflowed: Bool) -> PreparedRow {
        var line: [UInt8] = [0x09]
        line.reserveCapacity(384)
        StagingWriter.appendRow(fields.dropFirst(), to: &line)
        return PreparedRow(region: region, line: line, code: fields[4] ?? "", attributes: attributes(line: line),
                           ledgerOverflowed: ledgerOverflowed)
    }

    /// A hash of what the row would write to the project's `dim_project` row (`ProjectCache`):
    /// the staging line's bytes from project_name to total_investment_wan (the department by its
    /// normalised and raw names), then start_date — what `Merge.upsertProjects` reads. Within one
    /// process, equal attributes give equal hashes. Bytes, not `String`s: `String` hashing
    /// normalises to NFC first (1.5% of the loader's CPU).
    static func attributes(line: [UInt8]) -> Int {
        // Field i of the line after its batch key starts after its i-th tab (the line starts with one).
        var tabs = 0, nameStart = 0, planStart = 0, startDateStart = 0, startDateEnd = 0
        for (index, byte) in line.enumerated() where byte == 0x09 || byte == 0x0A {
            tabs += 1
            switch tabs {
            case 5: nameStart = index + 1          // after region, line_no, month_key, project_code
            case 18: planStart = index + 1         // annual_plan_wan follows total_investment_wan
            case 23: startDateStart = index + 1
            case 24: startDateEnd = index
            default: break
            }
        }
        var hasher = Hasher()
        line.withUnsafeBytes { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: bytes[nameStart ..< planStart]))
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: bytes[startDateStart ..< startDateEnd]))
        }
        return hasher.finalize()
    }
}

/// A project row's staging line after its batch key and its region's key; or, for a row
/// repeating a project above it, that row's line (`repeatOf`) and no staging line.
struct PreparedRow: Sendable, Equatable {
    var region: Int
    var line: [UInt8]
    var repeatOf: Int?
    /// The project code as staged (trimmed).
    var code = ""
    /// `StagingPreparer.attributes` of the row.
    var attributes = 0
    /// The file's `ProjectLedger` had forgotten its keys by this row: repeats are the server's to find.
    var ledgerOverflowed = false

    init(region: Int, line: [UInt8], repeatOf: Int? = nil, code: String = "", attributes: Int = 0,
         ledgerOverflowed: Bool = false) {
        self.region = region
        self.line = line
        self.repeatOf = repeatOf
        self.code = code
        self.attributes = attributes
        self.ledgerOverflowed = ledgerOverflowed
    }
}
