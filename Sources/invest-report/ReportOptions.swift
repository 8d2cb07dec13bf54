import ArgumentParser
import Foundation
import InvestmentQueries
import PostgresClient
import ReportRendering

/// Options every report shares (DESIGN §7).
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "libpq connection URI or keyword string (default: $DATABASE_URL, else libpq defaults).",
            valueName: "url"))
    var databaseURL: String?

    @Option(help: ArgumentHelp("Reporting month (January is reported with February as 1-2月).", valueName: "YYYY-MM"))
    var month: String

    @Option(help: ArgumentHelp("Indicator code: fai, industrial, private, manufacturing, infrastructure, real_estate.",
                               valueName: "code"))
    var indicator: String?

    @Option(help: ArgumentHelp("Region name, code or alias: that region and the regions directly under it.",
                               valueName: "name"))
    var region: String?

    @Option(help: "Breakdown: region, department or category (department and category: yoy only).")
    var by: Breakdown = .region

    /// The parsed month (valid after `validate()`).
    var reportMonth: ReportMonth { ReportMonth(parsing: month)! }

    mutating func validate() throws {
        guard ReportMonth(parsing: month) != nil else {
            throw ValidationError("--month must be YYYY-MM with a month 01-12, got \"\(month)\"")
        }
        if let region, region.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--region must not be empty")
        }
        if let indicator, indicator.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--indicator must not be empty")
        }
    }

    func connect() throws -> InvestmentQueries {
        InvestmentQueries(connection: try Connection.connect(databaseURL))
    }

    /// The indicator and region named on the command line, checked against the database.
    func resolve(_ queries: InvestmentQueries, defaultIndicator: String?) throws -> (IndicatorRef?, RegionRef?) {
        let indicatorRef = try (indicator ?? defaultIndicator).map { try queries.indicator(code: $0) }
        let regionRef = try region.map { try queries.region(named: $0) }
        return (indicatorRef, regionRef)
    }
}

extension Breakdown: ExpressibleByArgument {}

/// `--format` of the table reports.
struct FormatOption: ParsableArguments {
    @Option(help: "Output format: table, csv, json, markdown, html.")
    var format: ReportFormat = .table
}

extension ReportFormat: ExpressibleByArgument {}

/// Writes the rendered report to stdout, from the string's own UTF-8 (a 5 MB stalled list
/// was copied into a `Data` first).
func emit(_ text: String) {
    var text = text
    text.withUTF8(write)
}

/// Writes rendered bytes (`renderUTF8`) to stdout as they are.
func emit(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer(write)
}

private func write(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress else { return }
    FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count,
                                         deallocator: .none))
}
