import PostgresClient

/// The rows of a project file whose project `ProjectCache` knows unchanged: held while the file
/// stages, then copied straight into `dw.fact_project_month` with their project keys (one
/// `COPY`, no staging, no `dim_project` probe per row; issue 6). What they would have staged is
/// kept, so that they can still take the staging path (`drain`) when the file turns out too
/// large for the client to find its repeats. At most one `ProjectLedger.keyLimit` of rows.
struct DirectFacts {
    static let columns = """
        region_key, project_key, month_key, ytd_completed_wan, month_completed_wan, annual_plan_wan, status,
        stall_reason, planned_restart, batch_key, line_no
        """

    /// The rows' staging lines end to end (one allocation, not one per row), their ends, their keys.
    private var staged: [UInt8] = []
    private var ends: [Int] = []
    private var keys: [Int] = []

    var isEmpty: Bool { keys.isEmpty }
    var count: Int { keys.count }

    mutating func append(key: Int, staged line: [UInt8]) {
        staged.append(contentsOf: line)
        ends.append(staged.count)
        keys.append(key)
    }

    private func forEachRow(_ body: (Int, ArraySlice<UInt8>) throws -> Void) rethrows {
        var start = 0
        for (index, end) in ends.enumerated() {
            try body(keys[index], staged[start ..< end])
            start = end
        }
    }

    /// Writes the held rows to the staging COPY instead, and forgets them.
    mutating func drain(into writer: StagingWriter, batch: Int) throws {
        try forEachRow { _, line in try writer.writeRow(first: batch, rest: line) }
        self = DirectFacts()
    }

    /// COPYs the held rows into `dw.fact_project_month`.
    func copy(_ connection: Connection, batch: Int) throws {
        guard !isEmpty else { return }
        let batchText = Array(String(batch).utf8)
        try connection.copyIn("COPY dw.fact_project_month (\(unsafeRaw: Self.columns)) FROM STDIN") { copy in
            var line: [UInt8] = []
            line.reserveCapacity(256)
            try forEachRow { key, staged in
                line.removeAll(keepingCapacity: true)
                Self.appendFact(staged: staged, key: key, batch: batchText, to: &line)
                try copy.write(line)
            }
        }
    }

    /// The fact's COPY line (`columns`) from the row's staging line after its batch key
    /// (`\t` region `\t` line_no `\t` month `\t` … as `StagingRows.projectColumns`): the fields are
    /// already COPY text, so they are moved as bytes.
    static func appendFact(staged: ArraySlice<UInt8>, key: Int, batch: [UInt8], to line: inout [UInt8]) {
        // Field i (0: region_key … 23: planned_restart) spans starts[i] ..< starts[i + 1] - 1.
        var starts: [Int] = []
        starts.reserveCapacity(25)
        for index in staged.indices where staged[index] == 0x09 || staged[index] == 0x0A {
            starts.append(index + 1)
        }
        func field(_ i: Int) -> ArraySlice<UInt8> { staged[starts[i] ..< starts[i + 1] - 1] }
        line.append(contentsOf: field(Staged.region)); line.append(0x09)
        line.append(contentsOf: String(key).utf8); line.append(0x09)
        for i in Staged.middle {
            line.append(contentsOf: field(i)); line.append(0x09)
        }
        line.append(contentsOf: batch); line.append(0x09)
        line.append(contentsOf: field(Staged.lineNo)); line.append(0x0A)
    }

    /// Positions in a staging line after its batch key (`StagingRows.projectColumns` less one).
    private enum Staged {
        static let region = 0, lineNo = 1, month = 2, annualPlan = 17, ytd = 18, monthCompleted = 19
        static let status = 20, stallReason = 21, plannedRestart = 23
        /// Between the project key and the batch key, in `columns` order.
        static let middle = [month, ytd, monthCompleted, annualPlan, status, stallReason, plannedRestart]
    }
}

/// What the staging of a project file did with its placed rows, for the merge and the cache.
struct StagedProjects {
    /// The region whose rows may be copied as facts (`DirectFacts`); nil: none.
    var directRegion: Int?
    var direct = DirectFacts()
    /// Staged rows by line: their project's code and attributes, cached with the key the merge gives.
    var misses: [Int: (code: String, attributes: Int)] = [:]
    /// False once the file's `ProjectLedger` overflowed: rows no longer bypass staging, nor are cached.
    private(set) var keepsKeys = true
    /// Regions of staged rows where the warehouse has projects under temporary codes, which a
    /// unified code in this file may replace (`Merge.relinkTemporaryCodes`).
    var relinkRegions: Set<Int> = []
    /// Regions of rows that came with a temporary (not unified) code.
    var temporaryCodeRegions: Set<Int> = []

    mutating func reset() {
        direct = DirectFacts()
        misses = [:]
        keepsKeys = true
        relinkRegions = []
        temporaryCodeRegions = []
    }

    mutating func stopKeepingKeys() {
        keepsKeys = false
        directRegion = nil
        misses = [:]
    }
}
