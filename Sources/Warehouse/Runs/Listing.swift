/// The rows of an operator listing (status, rejects) as the database gave them. Rendering is
/// not the warehouse's job: the CLI turns a listing into a `ReportTable`.
public struct Listing: Sendable {
    public var columns: [String]
    public var rows: [[String?]]
    /// Columns whose values are whole numbers (JSON numbers, right-aligned).
    public var numeric: Set<String>

    public init(columns: [String], rows: [[String?]], numeric: Set<String> = []) {
        self.columns = columns
        self.rows = rows
        self.numeric = numeric
    }
}
