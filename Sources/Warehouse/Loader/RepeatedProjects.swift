import SheetReader

/// The loader's repeat rule for `invest-etl read`, which has no database: a project row that
/// repeats a project above it in the same file (same region cell — or none — and code) is
/// rejected when loaded, with this reason (`ProjectLedger`). Regions are told apart by their
/// text here, not by the warehouse's aliases: `灵山` and `灵山县` count as two.
public struct RepeatedProjects: Sendable {
    private var ledger = ProjectLedger()
    private var regionNumbers: [String: Int] = [:]

    public init() {}

    /// The reason the loader rejects `row` with, when it repeats a project above it; nil otherwise.
    public mutating func check(_ row: ProjectProgressRow, month: Int) -> String? {
        let region = StagingRows.clean(row.region) ?? StagingRows.clean(row.regionAbove) ?? ""
        let number: Int
        if let known = regionNumbers[region] {
            number = known
        } else {
            number = regionNumbers.count
            regionNumbers[region] = number
        }
        guard let first = ledger.stage(line: row.line, region: number, month: month, code: row.projectCode,
                                       department: nil) else { return nil }
        return ProjectLedger.duplicateReason(firstLine: first, code: row.projectCode, name: row.projectName)
    }
}
