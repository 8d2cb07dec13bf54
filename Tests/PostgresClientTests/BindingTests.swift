import Foundation
import PostgresClient
import TestSupport
import Testing

@Suite struct BindingTests {
    @Test func roundTripsChineseTextNullsAndExactNumerics() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            try connection.execute("""
                CREATE TABLE t (name text, amount numeric, n bigint, small int, flag boolean, at timestamptz, raw bytea)
                """)
            let name = "钦州市 · 灵山县（自贸区钦州港片区）😀"
            let amount = Decimal(string: "12345678901234.5678")!
            let raw: [UInt8] = [0, 1, 2, 0x5c, 0x27, 0xff]
            let at = Date(timeIntervalSince1970: 1_656_547_200.25)  // 2022-06-30 00:00:00.25 UTC
            let inserted = try connection.execute("""
                INSERT INTO t VALUES (\(name), \(amount), \(Int64.max), \(Int32(-7)), \(true), \(at), \(raw)),
                                     (\(String?.none), \(Decimal?.none), \(Int?.none), \(Int32?.none), \(Bool?.none), \(Date?.none), \([UInt8]?.none))
                """)
            #expect(inserted == 2)
            let rows = try connection.query("SELECT * FROM t ORDER BY name NULLS LAST").rows
            #expect(rows.count == 2)
            #expect(rows[0]["name"] == name)
            #expect(try rows[0].decimal("amount") == amount)
            #expect(rows[0]["amount"] == "12345678901234.5678")
            #expect(try rows[0].int("n") == Int(Int64.max))
            #expect(try rows[0].int("small") == -7)
            #expect(try rows[0].bool("flag") == true)
            #expect(try rows[0].bytes("raw") == raw)
            #expect(try connection.query("SELECT extract(epoch FROM at)::numeric AS e FROM t WHERE at IS NOT NULL")
                .first?.decimal("e") == Decimal(string: "1656547200.25")!)
            for column in rows[1].columns {
                #expect(rows[1][column] == nil, "column \(column) should be NULL")
            }
            // Parameters compare exactly on the server too.
            let match = try connection.query("SELECT count(*) AS n FROM t WHERE amount = \(amount) AND name = \(name)")
            #expect(try match.first?.int("n") == 1)
        }
    }

    @Test(arguments: ["0.0001", "-98765432109876543210.123456789", "100", "3.14159265358979323846"])
    func numericTextSurvivesExactly(text: String) throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            let value = Decimal(string: text)!
            let row = try connection.query("SELECT \(value)::numeric AS v, (\(value)::numeric = \(text)::numeric) AS same").first
            #expect(try row?.decimal("v") == value)
            #expect(try row?.bool("same") == true)
        }
    }

    @Test func injectionAttemptIsStoredVerbatim() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            try connection.execute("CREATE TABLE t (v text)")
            let attacks = ["'); DROP TABLE t; --", "\\'; DROP TABLE t; --", "$1); DROP TABLE t; --"]
            for attack in attacks {
                try connection.execute("INSERT INTO t (v) VALUES (\(attack))")
            }
            let stored = try connection.query("SELECT v FROM t ORDER BY v").rows.map { $0["v"] }
            #expect(stored == attacks.sorted().map { Optional($0) })
            #expect(try connection.query("SELECT to_regclass('public.t') IS NOT NULL AS exists").first?.bool("exists") == true)
        }
    }

    @Test func rowsAffectedCountsUpdates() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            try connection.execute("CREATE TABLE t (v int)")
            try connection.execute("INSERT INTO t SELECT generate_series(1, 10)")
            #expect(try connection.execute("UPDATE t SET v = v + 1 WHERE v > \(5)") == 5)
            #expect(try connection.execute("DELETE FROM t WHERE v < \(Int32(3))") == 2)
        }
    }

    @Test func readingAWrongTypeIsADecodingError() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            let row = try #require(try connection.query("SELECT 'abc' AS v, 'NaN'::numeric AS n").first)
            #expect(throws: PostgresError.self) { try row.int("v") }
            #expect(throws: PostgresError.self) { try row.decimal("n") }
        }
    }
}
