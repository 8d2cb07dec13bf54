import PostgresClient
import TestSupport
import Testing

@Suite struct TransactionTests {
    struct Boom: Error {}

    @Test func rollsBackOnThrowAndCommitsOnReturn() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            try connection.execute("CREATE TABLE t (v int)")
            #expect(throws: Boom.self) {
                try connection.withTransaction {
                    try connection.execute("INSERT INTO t VALUES (1)")
                    throw Boom()
                }
            }
            #expect(!connection.inTransaction)
            #expect(try connection.query("SELECT count(*) AS n FROM t").first?.int("n") == 0)

            let value = try connection.withTransaction {
                try connection.execute("INSERT INTO t VALUES (2)")
                return 42
            }
            #expect(value == 42)
            #expect(try connection.query("SELECT count(*) AS n FROM t").first?.int("n") == 1)
        }
    }

    @Test func nestedTransactionRollsBackOnlyItsSavepoint() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            try connection.execute("CREATE TABLE t (v int)")
            try connection.withTransaction {
                try connection.execute("INSERT INTO t VALUES (1)")
                #expect(throws: Boom.self) {
                    try connection.withTransaction {
                        try connection.execute("INSERT INTO t VALUES (2)")
                        throw Boom()
                    }
                }
                try connection.execute("INSERT INTO t VALUES (3)")
            }
            #expect(try connection.query("SELECT string_agg(v::text, ',' ORDER BY v) AS s FROM t").first?["s"] == "1,3")
        }
    }

    @Test func aServerErrorInsideRollsBackEverything() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            try connection.execute("CREATE TABLE t (v int PRIMARY KEY)")
            #expect(throws: PostgresError.self) {
                try connection.withTransaction {
                    try connection.execute("INSERT INTO t VALUES (1)")
                    try connection.execute("INSERT INTO t VALUES (1)")
                }
            }
            #expect(try connection.query("SELECT count(*) AS n FROM t").first?.int("n") == 0)
        }
    }
}
