import Foundation

/// The one error type of InvestmentQueries: a code saying what went wrong and a message that
/// is safe to print (it names what exists when the input names something that does not).
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The month is not a month of the warehouse calendar.
        case unknownMonth
        /// January is reported together with February (1-2月) and has no report of its own.
        case januaryMerged
        /// The month exists but holds no data for the report.
        case noData
        /// The month holds data for the report, but none for the indicator asked (a usage error
        /// where a person named the indicator; a missing part where a report asked for it).
        case noDataForIndicator
        case unknownRegion
        case unknownIndicator
        /// The report cannot be broken down that way (e.g. transfers by category).
        case unsupported
        /// The analyst views are missing: the database is not migrated.
        case notMigrated
    }

    public var code: Code
    public var message: String
    /// What exists instead (month list, region names, indicator codes), for the message.
    public var available: [String]

    public init(_ code: Code, _ message: String, available: [String] = []) {
        self.code = code
        self.message = message
        self.available = available
    }

    /// Nothing to show for what was asked: the month's, or the indicator's within it.
    public var isNoData: Bool { code == .noData || code == .noDataForIndicator }

    public var description: String {
        guard !available.isEmpty else { return message }
        return message + "\navailable: " + available.joined(separator: ", ")
    }
}
