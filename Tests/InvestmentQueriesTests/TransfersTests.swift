import Foundation
import InvestmentQueries
import PostgresClient
import TestSupport
import Testing

@Suite("Transfer payments (DESIGN §6)")
struct TransfersTests {
    @Test("per unit against the 6% target, reported prior preferred, fund categories summed, city total")
    func transfers() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            try f.transfer(qinnan, 202106, ytd: 1000)
            try f.transfer(qinnan, 202206, ytd: 1060)                         // exactly 6.00%: meets
            try f.transfer(qinbei, 202206, ytd: 1050, prior: 1000)           // 5.00%: does not
            try f.transfer(qinzhou, department: "市财政局", category: "一般性转移支付", 202106, ytd: 400)
            try f.transfer(qinzhou, department: "市财政局", category: "一般性转移支付", 202206, ytd: 300)
            try f.transfer(qinzhou, department: "市财政局", category: "专项转移支付", 202206, ytd: 200)  // 500 vs 400: 25%
            try f.transfer(lingshan, 202206, ytd: 10)                         // no prior: null, not counted in the prior total

            let rows = try f.queries.transfers(month: month("2022-06"))
            let by = Dictionary(uniqueKeysWithValues: rows.map { ($0.unit, $0) })
            #expect(by["钦南区"]?.yoyPct == 6)
            #expect(by["钦南区"]?.meetsTarget == true)
            #expect(by["钦南区"]?.targetPct == 6)
            #expect(by["钦北区"]?.yoyPct == 5)
            #expect(by["钦北区"]?.priorSource == "reported comparable")
            #expect(by["钦北区"]?.meetsTarget == false)
            #expect(by["市财政局"]?.ytdAmount == 500)
            #expect(by["市财政局"]?.priorYTDAmount == 400)
            #expect(by["市财政局"]?.yoyPct == 25)
            #expect(by["市财政局"]?.unitKind == "department")
            #expect(by["灵山县"]?.yoyPct == nil)
            #expect(by["灵山县"]?.yoyNullReason == "no prior-year value")
            #expect(by["灵山县"]?.meetsTarget == nil)

            let total = try #require(rows.last)
            #expect(total.isTotal)
            #expect(total.unit == "钦州市合计")
            #expect(total.ytdAmount == 2620)    // 1060 + 1050 + 500 + 10
            #expect(total.priorYTDAmount == 2400)    // 1000 + 1000 + 400
            #expect(total.yoyPct == dec("9.17"))                  // 220 / 2400 = 9.1666…
            #expect(total.meetsTarget == true)
        }
    }

    /// The city total counts each unit once and compares like with like: a county's own row,
    /// not again its departments; last year's units with no row this year (renamed, gone:
    /// 市教育局, 市商务局) in the prior, so they cannot inflate the growth.
    @Test("city total: a county once, last year's units without a row this year in the prior")
    func cityTotalCountsEachUnitOnce() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            try f.transfer(qinnan, 202103, ytd: 500)
            try f.transfer(qinzhou, department: "市教育局", 202103, ytd: 100)
            try f.transfer(qinzhou, department: "市商务局", 202103, ytd: 150)
            try f.transfer(lingshan, 202103, ytd: 280)
            try f.transfer(qinnan, 202203, ytd: 530)
            try f.transfer(qinzhou, department: "市统计局", 202203, ytd: 160)           // new this year: no prior of its own
            try db.execute("INSERT INTO dw.dim_department (name) VALUES ('县教育局')")
            try f.transfer(lingshan, 202203, ytd: 300)
            try f.transfer(lingshan, department: "县教育局", 202203, ytd: 200)          // within 灵山县's 300

            let rows = try f.queries.transfers(month: month("2022-03"))
            #expect(rows.filter { !$0.isTotal }.map(\.unit).sorted() == ["市统计局", "灵山县", "灵山县·县教育局", "钦南区"].sorted())
            let total = try #require(rows.last)
            #expect(total.isTotal)
            #expect(total.ytdAmount == 990)              // 530 + 160 + 300
            #expect(total.priorYTDAmount == 1030)        // 500 + 280 + 100 + 150
            #expect(total.yoyPct == dec("-3.88"))        // −40 / 1030
            #expect(total.meetsTarget == false)
        }
    }

    /// The city's own part (市本级 or 市直部门 in the finance bureau's sheet of the counties) is the
    /// sum of its departments, whose own sheet lists them one by one: the total counts it once,
    /// as it counts a county's own row and not again its departments.
    @Test("city total: the city's own part, not again its departments")
    func cityOwnPartCountedOnce() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            try f.transfer(qinnan, 202206, ytd: 1000)
            let alias = try db.query("""
                SELECT r.region_code FROM dw.dim_region_alias a JOIN dw.dim_region r USING (region_key)
                WHERE a.alias_normalized = '市直部门'
                """).first?["region_code"]
            #expect(alias == qinzhou)                                                       // V024: the city itself
            try f.transfer(qinzhou, 202206, ytd: 700)
            try f.transfer(qinzhou, department: "市教育局", 202206, ytd: 300)
            try f.transfer(qinzhou, department: "市财政局", 202206, ytd: 400)
            let rows = try f.queries.transfers(month: month("2022-06"))
            #expect(rows.contains { $0.unit == "钦州市" && $0.unitKind == "region" && $0.ytdAmount == 700 })
            #expect(rows.last?.isTotal == true && rows.last?.ytdAmount == 1700)          // 1000 + 700, not + 300 + 400
        }
    }
}
