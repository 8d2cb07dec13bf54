import Foundation
import PostgresClient
import TestSupport
import Testing

@Suite struct CopyInTests {
    @Test func copies100kRowsAndReportsTheServerCount() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            try connection.execute("CREATE TABLE t (id int, name text, amount numeric)")
            var bytesWritten = 0
            let copied = try connection.copyIn("COPY \(.identifier("t")) (id, name, amount) FROM STDIN") { writer in
                for i in 1...100_000 {
                    try writer.writeRow([String(i), "项目\(i)\t第\(i % 7)行\n\\", i % 10 == 0 ? nil : "\(i).25"])
                }
                bytesWritten = writer.bytesWritten
                #expect(writer.rowsWritten == 100_000)
            }
            #expect(copied == 100_000)
            #expect(bytesWritten > 100_000 * 10)
            let summary = try #require(try connection.query("""
                SELECT count(*) AS n, count(amount) AS with_amount, sum(amount) AS total,
                       max(name) FILTER (WHERE id = 42) AS name42
                FROM t
                """).first)
            #expect(try summary.int("n") == 100_000)
            #expect(try summary.int("with_amount") == 90_000)
            // Sum of i + 0.25 over i not divisible by 10.
            let expected = (1...100_000).filter { $0 % 10 != 0 }.reduce(Decimal(0)) { $0 + Decimal($1) + Decimal(string: "0.25")! }
            #expect(try summary.decimal("total") == expected)
            #expect(summary["name42"] == "项目42\t第0行\n\\")
        }
    }

    @Test func aBadValueOnRow5000RollsBackAndNamesTheLine() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            try connection.execute("CREATE TABLE t (id int, amount numeric)")
            do {
                try connection.withTransaction {
                    try connection.execute("INSERT INTO t VALUES (0, 0)")
                    try connection.copyIn("COPY t (id, amount) FROM STDIN") { writer in
                        for i in 1...10_000 {
                            try writer.writeRow([String(i), i == 5000 ? "12,3x" : "1.5"])
                        }
                    }
                }
                Issue.record("COPY with a bad numeric should fail")
            } catch let error as PostgresError {
                #expect(error.code == .copyFailed)
                #expect(error.sqlState == "22P02")
                #expect(error.context?.contains("line 5000") == true, "context: \(error.context ?? "nil")")
                #expect(error.description.contains("line 5000"))
                #expect(error.description.contains("12,3x"))
            }
            #expect(try connection.query("SELECT count(*) AS n FROM t").first?.int("n") == 0)
            #expect(!connection.inTransaction)
        }
    }

    @Test func aThrowingBodyAbortsTheCopy() throws {
        struct Stop: Error {}
        try TestDatabase.withFreshDatabase { connection, _ in
            try connection.execute("CREATE TABLE t (v text)")
            #expect(throws: Stop.self) {
                try connection.copyIn("COPY t FROM STDIN") { writer in
                    for i in 1...3000 { try writer.writeRow(["row \(i)"]) }
                    throw Stop()
                }
            }
            #expect(try connection.query("SELECT count(*) AS n FROM t").first?.int("n") == 0)
            #expect(try connection.query("SELECT 1 AS one").first?["one"] == "1")
        }
    }

    @Test func copyRefusesBinds() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            let table = "t"
            #expect(throws: PostgresError.self) {
                try connection.copyIn("COPY t FROM STDIN WHERE v = \(table)") { _ in }
            }
            let one = try connection.query("SELECT 1 AS one").first?["one"]
            #expect(one == "1")
        }
    }

    @Test(arguments: [
        (String?.none, "\\N"),
        ("plain 文本", "plain 文本"),
        ("a\tb", "a\\tb"),
        ("line1\nline2\r\n", "line1\\nline2\\r\\n"),
        ("back\\slash", "back\\\\slash"),
        ("\\N", "\\\\N"),
    ])
    func copyTextEscaping(value: String?, expected: String) {
        #expect(CopyText.escape(value) == expected)
    }
}
