import Foundation
import InvestmentQueries
import PostgresClient
import TestSupport
import Testing

/// Two connections reading one state (the bulletin's two halves): a load that commits after
/// the snapshot was exported is invisible to both.
@Suite struct SnapshotTests {
    @Test func importedSnapshotSeesTheExportersState() throws {
        try TestDatabase.withFreshDatabase(migrated: false) { db, url in
            try db.execute("CREATE TABLE loads (n integer)")
            try db.execute("INSERT INTO loads VALUES (1)")
            let first = InvestmentQueries(connection: try Connection.connect(url))
            let second = InvestmentQueries(connection: try Connection.connect(url))
            defer { first.connection.close(); second.connection.close() }

            let id = try first.exportSnapshot()
            try db.execute("INSERT INTO loads VALUES (2)")   // commits after the export
            try second.useSnapshot(id)
            for queries in [first, second] {
                #expect(try queries.connection.query("SELECT count(*) AS n FROM loads").first?.int("n") == 1)
            }
            #expect(try db.query("SELECT count(*) AS n FROM loads").first?.int("n") == 2)
        }
    }

    @Test(arguments: ["", "x'; DROP TABLE loads; --", "00000003-0000001B-1 "])
    func onlyASnapshotIdBecomesSQL(id: String) throws {
        try TestDatabase.withFreshDatabase(migrated: false) { _, url in
            let queries = InvestmentQueries(connection: try Connection.connect(url))
            defer { queries.connection.close() }
            #expect(throws: QueryError.self) { try queries.useSnapshot(id) }
        }
    }

    @Test func unknownSnapshotIsTheServersError() throws {
        try TestDatabase.withFreshDatabase(migrated: false) { _, url in
            let queries = InvestmentQueries(connection: try Connection.connect(url))
            defer { queries.connection.close() }
            #expect(throws: PostgresError.self) { try queries.useSnapshot("00000003-0000001B-1") }
        }
    }
}
