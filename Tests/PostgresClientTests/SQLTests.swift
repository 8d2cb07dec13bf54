import Foundation
import PostgresClient
import Testing

@Suite struct SQLTests {
    @Test func interpolatedValuesBecomeNumberedBinds() {
        let name = "x'; DROP TABLE t; --"
        let amount = Decimal(string: "1.5")!
        let missing: Int? = nil
        let sql: SQL = "SELECT * FROM t WHERE name = \(name) AND amount > \(amount) OR id = \(missing)"
        #expect(sql.description == "SELECT * FROM t WHERE name = $1 AND amount > $2 OR id = $3")
        #expect(sql.binds.count == 3)
        #expect(sql.binds[0].bytes == Array(name.utf8))
        #expect(sql.binds[1].bytes == Array("1.5".utf8))
        #expect(sql.binds[1].typeOID == 1700)
        #expect(sql.binds[2].bytes == nil)
        #expect(sql.binds[2].typeOID == 20)
    }

    @Test func embeddedFragmentsRenumberBinds() {
        let a: SQL = "a = \(1)"
        let b: SQL = "b = \(2) AND c = \(3)"
        let sql: SQL = "SELECT 1 WHERE \(a) AND \(b) AND d = \(4)"
        #expect(sql.description == "SELECT 1 WHERE a = $1 AND b = $2 AND c = $3 AND d = $4")
        #expect(sql.binds.map { $0.bytes.map { String(decoding: $0, as: UTF8.self) } } == ["1", "2", "3", "4"])
        let joined = SQL.joined([a, b], separator: " OR ")
        #expect(joined.description == "a = $1 OR b = $2 AND c = $3")
    }

    @Test func identifiersAreNotBinds() {
        let sql: SQL = "SELECT count(*) FROM \(.identifier("dw", "fact \"x\"")) WHERE v = \(true)"
        #expect(sql.description == "SELECT count(*) FROM \"dw\".\"fact \"\"x\"\"\" WHERE v = $1")
        #expect(sql.binds.count == 1)
    }

    @Test func bytesAreBinaryBytea() {
        let data: [UInt8] = [0, 1, 0xff]
        let sql: SQL = "SELECT \(data)"
        #expect(sql.binds[0].format == .binary)
        #expect(sql.binds[0].typeOID == 17)
        #expect(sql.binds[0].bytes == data)
    }

    @Test(arguments: [
        (Decimal(string: "12345678901234.5678")!, "12345678901234.5678"),
        (Decimal(string: "-0.0001")!, "-0.0001"),
        (Decimal(0), "0"),
        (Decimal(string: "99999999999999999999.999999")!, "99999999999999999999.999999"),
    ])
    func decimalsBindAsExactText(value: Decimal, text: String) {
        #expect(value.postgresBind.bytes == Array(text.utf8))
    }
}
