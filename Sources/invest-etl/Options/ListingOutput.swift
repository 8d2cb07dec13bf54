import ArgumentParser
import ReportRendering
import Warehouse

/// Output formats of the operator listings (`status`, `rejects`), drawn by the same renderers
/// as the reports so that Chinese text aligns and JSON numbers are numbers everywhere.
enum ListingFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json, markdown

    var reportFormat: ReportFormat {
        switch self {
        case .table: return .table
        case .csv: return .csv
        case .json: return .json
        case .markdown: return .markdown
        }
    }
}

extension Listing {
    func reportTable(title: String) -> ReportTable {
        let kinds = columns.map { numeric.contains($0) ? ReportColumnKind.integer : .text }
        return ReportTable(
            title: title,
            columns: zip(columns, kinds).map { ReportColumn(key: $0.0, title: $0.0, kind: $0.1) },
            rows: rows.map { row in
                zip(row, kinds).map { value, kind in
                    guard let value else { return .null }
                    if kind == .integer, let n = Int(value) { return .integer(n) }
                    return .text(value)
                }
            })
    }

    func render(_ format: ListingFormat, title: String) -> String {
        ReportRendering.render(reportTable(title: title), as: format.reportFormat)
    }
}
