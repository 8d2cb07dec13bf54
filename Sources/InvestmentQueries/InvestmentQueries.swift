/// InvestmentQueries: the monthly policy questions as typed rows.
///
/// Owns: reading the analyst views (`analyst.yoy_region`, `analyst.target_progress`,
/// `analyst.transfer_growth`, `analyst.region_alerts`, …) with `$n` binds for month, indicator
/// and region, checking that the month, region and indicator exist, and turning rows into
/// structs with exact `Decimal` values.
/// Must not touch: formulas (they live in sql/views so psql and the CLI always agree),
/// rendering (ReportRendering), loading (Warehouse). Never reads dw.fact_project_month.
import Foundation
import PostgresClient

/// Runs the report queries on one connection (not Sendable, like the connection).
public final class InvestmentQueries {
    public let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Runs a query, turning a missing analyst view into a hint to migrate.
    func rows(_ sql: SQL) throws -> [Row] {
        do {
            return try connection.query(sql).rows
        } catch let error as PostgresError where error.sqlState == "42P01" || error.sqlState == "3F000" {
            throw QueryError(
                .notMigrated,
                "the analyst views are missing (\(error.message)); run `invest-etl migrate` first")
        }
    }
}
