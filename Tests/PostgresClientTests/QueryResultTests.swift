import PostgresClient
import TestSupport
import Testing

/// A result's values live in one buffer; every cell must read back as the server sent it.
@Suite struct QueryResultTests {
    @Test func valuesReadBackFromTheOneBuffer() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            let result = try connection.query("""
                SELECT * FROM (VALUES
                    (1, '钦南区'::text, NULL::text, ''::text, true, '-9223372036854775808'::bigint),
                    (2, NULL, '项目😀', 'a', false, 9223372036854775807),
                    (3, '', '', NULL, NULL, NULL)) v(i, a, b, c, f, n)
                ORDER BY i
                """)
            let rows = result.rows
            #expect(rows.count == 3)
            #expect(rows.map { $0.values } == [
                ["1", "钦南区", nil, "", "t", "-9223372036854775808"],
                ["2", nil, "项目😀", "a", "f", "9223372036854775807"],
                ["3", "", "", nil, nil, nil],
            ])
            let a = rows[0].position(of: "a"), c = rows[0].position(of: "c")
            #expect(rows[0].withUTF8(at: a) { Array($0) } == Array("钦南区".utf8))
            #expect(rows[1].withUTF8(at: a) { _ in true } == nil)  // NULL: body not called
            #expect(rows[0].withUTF8(at: c) { $0.count } == 0)      // empty text is not NULL
            #expect(try rows[0].int("n") == Int.min)
            #expect(try rows[1].int("n") == Int.max)
            #expect(try rows[2].int("n") == nil)
            #expect(try rows[0].bool("f") == true)
            #expect(try rows[1].bool("f") == false)
            #expect(try rows[2].bool("f") == nil)
        }
    }

    @Test func aValueThatIsNoIntegerIsADecodingErrorNamingTheColumn() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            let row = try #require(try connection.query("SELECT '12a'::text AS x, '99999999999999999999'::text AS big, 'yes'::text AS b").first)
            for column in ["x", "big"] {
                #expect {
                    _ = try row.int(column)
                } throws: { error in
                    let e = error as? PostgresError
                    return e?.code == .decodingFailed && e?.operation == "read column \"\(column)\""
                }
            }
            #expect(throws: PostgresError.self) { _ = try row.bool("b") }
        }
    }

    @Test func noRowsAndNoColumns() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            #expect(try connection.query("SELECT 1 AS x WHERE false").rows.isEmpty)
            try connection.execute("CREATE TABLE t (x int)")
            #expect(try connection.query("INSERT INTO t VALUES (1), (2)").rowsAffected == 2)
        }
    }
}
