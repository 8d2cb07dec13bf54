import Foundation
import PostgresClient
import TestSupport
import Testing

@Suite struct BinaryCopyTests {
    @Test func encodesTheFormatsFixedParts() {
        #expect(BinaryCopyTuple.header == [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00,
                                          0, 0, 0, 0, 0, 0, 0, 0])
        #expect(BinaryCopyTuple.trailer == [0xFF, 0xFF])
        var tuple = BinaryCopyTuple(fieldCount: 4)
        tuple.append(int64: -2)
        tuple.append(int32: 0x0102_0304)
        tuple.appendNull()
        tuple.append(bytes: [0xAB])
        #expect(tuple.bytes == [0, 4,
                                0, 0, 0, 8, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
                                0, 0, 0, 4, 1, 2, 3, 4,
                                0xFF, 0xFF, 0xFF, 0xFF,
                                0, 0, 0, 1, 0xAB])
    }

    /// Every byte value, an empty value, a NULL, extreme integers and a large value written after
    /// its length (as the loader stores a file's bytes) come back from the server unchanged.
    @Test func roundTripsThroughTheServer() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            try connection.execute("CREATE TABLE t (k bigint, n integer, note text, data bytea)")
            let allBytes = (0...255).map { UInt8($0) }
            let large = (0..<(3 << 19)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
            let rows: [(Int64, Int32, [UInt8]?, String?)] = [
                (Int64.max, Int32.min, allBytes, "项目\t\\N\n"),
                (Int64.min, Int32.max, [], nil),
                (42, 0, nil, ""),
            ]
            let copied = try connection.copyIn("COPY t (k, n, note, data) FROM STDIN (FORMAT binary)") { writer in
                try writer.write(BinaryCopyTuple.header)
                for (k, n, data, note) in rows {
                    var tuple = BinaryCopyTuple(fieldCount: 4)
                    tuple.append(int64: k)
                    tuple.append(int32: n)
                    if let note { tuple.append(bytes: Array(note.utf8)) } else { tuple.appendNull() }
                    if let data { tuple.append(bytes: data) } else { tuple.appendNull() }
                    try writer.write(tuple.bytes)
                }
                var tuple = BinaryCopyTuple(fieldCount: 4)
                tuple.append(int64: 7)
                tuple.append(int32: 7)
                tuple.appendNull()
                tuple.appendLength(large.count)  // the value follows, written on its own
                try writer.write(tuple.bytes)
                try large.withUnsafeBytes { try writer.write($0) }
                try writer.write(BinaryCopyTuple.trailer)
            }
            #expect(copied == 4)
            let result = try connection.query("""
                SELECT k::text AS k, n::text AS n, encode(data, 'hex') AS data, note, length(note) AS note_length
                FROM t WHERE k <> 7 ORDER BY k
                """).rows
            #expect(result.count == 3)
            let digits = Array("0123456789abcdef".utf8)
            let hex = { (bytes: [UInt8]) in
                String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
            }
            #expect(result[0]["k"] == String(Int64.min) && result[0]["n"] == String(Int32.max))
            #expect(result[0]["data"] == "" && result[0]["note"] == nil)
            #expect(result[1]["k"] == "42" && result[1]["data"] == nil && result[1]["note"] == "" && result[1]["note_length"] == "0")
            #expect(result[2]["k"] == String(Int64.max) && result[2]["n"] == String(Int32.min))
            #expect(result[2]["data"] == hex(allBytes) && result[2]["note"] == "项目\t\\N\n")
            let big = try #require(try connection.query("SELECT encode(data, 'hex') AS data, note FROM t WHERE k = 7").first)
            #expect(big["note"] == nil)
            #expect(big["data"] == hex(large))
        }
    }

    @Test func aTupleWithTheWrongFieldCountIsRejectedByTheServer() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            try connection.execute("CREATE TABLE t (k bigint, n integer)")
            #expect(throws: PostgresError.self) {
                try connection.copyIn("COPY t (k, n) FROM STDIN (FORMAT binary)") { writer in
                    try writer.write(BinaryCopyTuple.header)
                    var tuple = BinaryCopyTuple(fieldCount: 1)
                    tuple.append(int64: 1)
                    try writer.write(tuple.bytes)
                    try writer.write(BinaryCopyTuple.trailer)
                }
            }
            #expect(try connection.query("SELECT count(*) AS n FROM t").first?.int("n") == 0)
        }
    }
}
