import Foundation
import PostgresClient
import TestSupport
import Testing

/// Runs the built invest-report against a fresh migrated database with a few hand-made facts.
@Suite("invest-report CLI")
struct InvestReportTests {
    /// 钦南 2000 → 2300 (+15%), 钦北 1000 → 900 (−10%); transfers 钦南 1000 → 1060 (+6%).
    func seed(_ db: Connection) throws {
        let file = try db.query("""
            INSERT INTO etl.source_file (sha256, file_name, size_bytes)
            VALUES (\(String(repeating: "cd", count: 32)), 'cli.csv', 0) RETURNING source_file_key
            """).first!.int("source_file_key")!
        let batch = try db.query("""
            INSERT INTO etl.load_batch (source_file_key, layout, month_key, scope, status)
            VALUES (\(file), 'indicator-summary', 202206, 'cli', 'loading') RETURNING batch_key
            """).first!.int("batch_key")!
        try db.execute("""
            INSERT INTO dw.fact_region_indicator_month (region_key, indicator_key, month_key, ytd_value_wan, batch_key, line_no)
            SELECT r.region_key, i.indicator_key, v.m, v.ytd, \(batch), 1
            FROM (VALUES ('450702', 202106, 2000), ('450702', 202206, 2300), ('450702', 202112, 4000),
                         ('450703', 202106, 1000), ('450703', 202206, 900)) AS v(code, m, ytd)
            JOIN dw.dim_region r ON r.region_code = v.code
            JOIN dw.dim_indicator i ON i.indicator_code = 'fai'
            """)
        // as the loader would leave them: the YTD series of those months refreshed
        try db.execute("SELECT dw.refresh_ytd_summary(m) FROM (VALUES (202106), (202206), (202112)) AS v(m)")
        try db.execute("""
            INSERT INTO dw.fact_transfer_payment_month (region_key, month_key, ytd_amount_wan, batch_key, line_no)
            SELECT r.region_key, v.m, v.amount, \(batch), 1
            FROM (VALUES (202106, 1000), (202206, 1060)) AS v(m, amount)
            JOIN dw.dim_region r ON r.region_code = '450702'
            """)
    }

    /// A targets sheet's annual fai growth rate for 钦南 (the others keep the default 15%).
    func setQinnanRate(_ db: Connection, _ rate: Int) throws {
        try db.execute("""
            INSERT INTO dw.fact_target (region_key, indicator_key, year, month_no, rate_pct, batch_key, line_no)
            SELECT r.region_key, i.indicator_key, 2022, 0, \(rate), b.batch_key, 1
            FROM dw.dim_region r, dw.dim_indicator i, (SELECT max(batch_key) AS batch_key FROM etl.load_batch) b
            WHERE r.region_code = '450702' AND i.indicator_code = 'fai'
            """)
    }

    func run(_ url: String, _ arguments: [String]) throws -> Subprocess.Output {
        try Subprocess.run(try Executables.url(of: "invest-report"), arguments, environment: ["DATABASE_URL": url])
    }

    func objects(_ output: Subprocess.Output) throws -> [[String: Any]] {
        let parsed = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        return try #require(parsed as? [[String: Any]], "not an array of objects: \(output)")
    }

    @Test("JSON reports carry the contract keys and the right numbers")
    func jsonReports() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, url in
            try seed(db)
            let yoy = try run(url, ["yoy", "--month", "2022-06", "--format", "json"])
            #expect(yoy.exitCode == 0, "\(yoy)")
            let rows = try objects(yoy)
            for key in ["region", "region_code", "indicator", "month", "ytd_value_wan", "prior_ytd_value_wan",
                        "yoy_pct", "reported_yoy_pct", "official_yoy_pct", "rank"] {
                #expect(rows.allSatisfy { $0.keys.contains(key) }, "yoy key \(key)")
            }
            let qinnan = try #require(rows.first { $0["region_code"] as? String == "450702" })
            #expect(qinnan["yoy_pct"] as? Double == 15)
            #expect(qinnan["month"] as? String == "2022-06")
            #expect(qinnan["indicator"] as? String == "fai")
            #expect(qinnan["rank"] as? Int == 1)
            #expect(qinnan["reported_yoy_pct"] is NSNull)

            let targets = try objects(try run(url, ["targets", "--month", "2022-06", "--indicator", "fai", "--format", "json"]))
            for key in ["region", "indicator", "month", "rate_pct", "annual_target_wan", "ytd_target_wan", "ytd_value_wan",
                        "progress_pct", "annual_completion_pct", "time_progress_pct", "ahead_of_time_pp", "gap_wan",
                        "required_monthly_wan"] {
                #expect(targets.allSatisfy { $0.keys.contains(key) }, "targets key \(key)")
            }
            let t = try #require(targets.first { $0["region"] as? String == "钦南区" })
            #expect(t["annual_target_wan"] as? Double == 4600)   // 4000 × 1.15
            #expect(t["ytd_target_wan"] as? Double == 2300)      // 4600 × 2000 / 4000

            let transfers = try objects(try run(url, ["transfers", "--month", "2022-06", "--format", "json"]))
            for key in ["unit", "month", "ytd_amount_wan", "prior_ytd_amount_wan", "yoy_pct", "target_pct", "meets_target"] {
                #expect(transfers.allSatisfy { $0.keys.contains(key) }, "transfers key \(key)")
            }
            #expect(transfers.first?["meets_target"] as? Bool == true)

            let alerts = try objects(try run(url, ["alerts", "--month", "2022-06", "--format", "json"]))
            for key in ["region", "month", "indicator", "official_yoy_pct", "rank", "action"] {
                #expect(alerts.allSatisfy { $0.keys.contains(key) }, "alerts key \(key)")
            }
            // 钦北 −10%: 25 pp below 15%, a reminder (no earlier month, so no interview).
            #expect(alerts.first { $0["region"] as? String == "钦北区" }?["action"] as? String == "reminder")
        }
    }

    @Test("table, csv, markdown and the bulletin render")
    func otherFormats() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, url in
            try seed(db)
            let table = try run(url, ["yoy", "--month", "2022-06"])
            #expect(table.exitCode == 0)
            #expect(table.stdout.contains("钦南区") && table.stdout.contains("2,300.00") && table.stdout.contains("15.0%"))
            let csv = try run(url, ["yoy", "--month", "2022-06", "--format", "csv"])
            #expect(csv.stdout.hasPrefix("region,region_code,indicator,"))
            let markdown = try run(url, ["targets", "--month", "2022-06", "--format", "markdown"])
            #expect(markdown.stdout.contains("| 地区 |") || markdown.stdout.contains("|地区|") || markdown.stdout.contains("地区"))
            let html = try run(url, ["bulletin", "--month", "2022-06", "--format", "html"])
            #expect(html.exitCode == 0, "\(html)")
            #expect(html.stdout.contains("<svg"))
            #expect(!html.stdout.contains("<script"))
            let md = try run(url, ["bulletin", "--month", "2022-06", "--format", "markdown"])
            #expect(md.exitCode == 0)
            #expect(md.stdout.contains("钦北区"))
        }
    }

    /// A month with data, asked for an indicator it has none of: the indicator is the mistake
    /// (64, saying why), not the month (66 said "no data for 2022-06 … available: 2022-06").
    @Test("an indicator without data in a month with data is a usage error")
    func indicatorWithoutData() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, url in
            try seed(db)
            let transfers = try run(url, ["yoy", "--month", "2022-06", "--indicator", "transfer_payment"])
            #expect(transfers.exitCode == 64, "\(transfers)")
            #expect(transfers.stderr.contains("invest-report transfers"), "\(transfers)")
            let privateTargets = try run(url, ["targets", "--month", "2022-06", "--indicator", "private"])
            #expect(privateTargets.exitCode == 64, "\(privateTargets)")
            #expect(privateTargets.stderr.contains("growth target"), "\(privateTargets)")
            let emptyMonth = try run(url, ["yoy", "--month", "2022-05"])
            #expect(emptyMonth.exitCode == 66, "\(emptyMonth)")
        }
    }

    /// Three counties tied for last (0%, equal YTD) with reminders in May and June: each is
    /// interviewed, and the bulletin says they share last place (it said 排名第2/4).
    @Test("the bulletin names a shared last place")
    func bulletinTiedLast() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, url in
            let file = try db.query("""
                INSERT INTO etl.source_file (sha256, file_name, size_bytes)
                VALUES (\(String(repeating: "ef", count: 32)), 'ties.csv', 0) RETURNING source_file_key
                """).first!.int("source_file_key")!
            let batch = try db.query("""
                INSERT INTO etl.load_batch (source_file_key, layout, month_key, scope, status)
                VALUES (\(file), 'indicator-summary', 202206, 'ties', 'loading') RETURNING batch_key
                """).first!.int("batch_key")!
            try db.execute("""
                INSERT INTO dw.fact_region_indicator_month (region_key, indicator_key, month_key, ytd_value_wan, batch_key, line_no)
                SELECT r.region_key, i.indicator_key, v.m, v.ytd, \(batch), 1
                FROM (VALUES ('450702', 1000, 1200), ('450703', 1000, 1000), ('450721', 1000, 1000), ('450722', 1000, 1000)) AS c(code, last, now)
                CROSS JOIN LATERAL (VALUES (202105, c.last), (202106, c.last * 2), (202112, c.last * 4),
                                           (202205, c.now), (202206, c.now * 2)) AS v(m, ytd)
                JOIN dw.dim_region r ON r.region_code = c.code
                JOIN dw.dim_indicator i ON i.indicator_code = 'fai'
                """)
            try db.execute("SELECT dw.refresh_ytd_summary(m) FROM (VALUES (202105), (202106), (202112), (202205), (202206)) AS v(m)")
            let md = try run(url, ["bulletin", "--month", "2022-06", "--format", "markdown"])
            #expect(md.exitCode == 0, "\(md)")
            #expect(md.stdout.contains("钦北区（固定资产投资同比 0.0%，目标 15.0%，并列末位（第2/4））"), "\(md.stdout)")
            #expect(!md.stdout.contains("排名第2/4"))
        }
    }

    /// No prior-year transfers: the city total has no growth, and the bulletin gives no verdict
    /// either (it said 未达到目标 beside a table of dashes).
    @Test("the bulletin gives no transfer verdict without a growth rate")
    func bulletinTransfersWithoutPrior() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, url in
            try seed(db)
            try db.execute("DELETE FROM dw.fact_transfer_payment_month WHERE month_key = 202106")
            let md = try run(url, ["bulletin", "--month", "2022-06", "--format", "markdown"])
            #expect(md.exitCode == 0, "\(md)")
            #expect(md.stdout.contains("同比增长 无数据，目标 6.0%，无法判断是否达到目标（无上年同期数）。"), "\(md.stdout)")
            #expect(!md.stdout.contains("未达到目标"))
        }
    }

    /// A targets sheet gave 钦南 a 16% rate (钦北 keeps the default 15%): the bulletin judges each
    /// county by its own rate, lists them, and draws no single target line.
    @Test("the bulletin judges each region by its own target rate")
    func bulletinPerRegionRates() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, url in
            try seed(db)
            try setQinnanRate(db, 16)
            let md = try run(url, ["bulletin", "--month", "2022-06", "--format", "markdown"])
            #expect(md.exitCode == 0, "\(md)")
            #expect(md.stdout.contains("达到各自目标增速的有：无。"), "\(md.stdout)")   // 钦南 +15% < 16%
            #expect(md.stdout.contains("各地目标增速：钦南区 16.0%、钦北区 15.0%。") || md.stdout.contains("各地目标增速：钦北区 15.0%、钦南区 16.0%。"))
            #expect(!md.stdout.contains("达到 15.0% 目标的有：钦南区"))
        }
    }

    /// 钦南 at a 10% rate: YTD target 4,400 × 2,000 / 4,000 = 2,200, completed 2,300, 差额 −100 —
    /// ahead of the target, which the HTML showed in red like a deficit. And the city, which has
    /// no peers, was given 排名 1 in the YoY table.
    @Test("the bulletin colours a gap by its meaning and ranks no region without peers")
    func bulletinGapColourAndLoneRank() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, url in
            try seed(db)
            try setQinnanRate(db, 10)
            let html = try run(url, ["bulletin", "--month", "2022-06", "--format", "html"])
            #expect(html.exitCode == 0, "\(html)")
            #expect(html.stdout.contains("<td class=\"num good\">-100.00</td>"), "\(html.stdout)")
            #expect(!html.stdout.contains("<td class=\"num neg\">-100.00</td>"))

            let md = try run(url, ["bulletin", "--month", "2022-06", "--format", "markdown"])
            let yoy = try #require(md.stdout.components(separatedBy: "## 二、").first)
            let city = try #require(yoy.split(separator: "\n").first { $0.hasPrefix("| 钦州市 |") }, "\(md.stdout)")
            #expect(city.hasSuffix("| - |"), "\(city)")   // 排名: none
            let qinnan = try #require(yoy.split(separator: "\n").first { $0.hasPrefix("| 钦南区 |") })
            #expect(qinnan.hasSuffix("| 1 |"), "\(qinnan)")
            // The yoy report itself keeps its contract (rank of every region as the view gives it).
            let rows = try objects(try run(url, ["yoy", "--month", "2022-06", "--format", "json"]))
            #expect(rows.first { $0["region"] as? String == "钦州市" }?["rank"] as? Int == 1)
        }
    }

    /// Counties and zones are ranked among their own kind (DESIGN §6): one table each.
    @Test("the bulletin ranks counties and zones in separate tables")
    func bulletinRanksPeerGroupsApart() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, url in
            try seed(db)
            try db.execute("""
                INSERT INTO dw.fact_region_indicator_month (region_key, indicator_key, month_key, ytd_value_wan, batch_key, line_no)
                SELECT r.region_key, i.indicator_key, v.m, v.ytd, (SELECT max(batch_key) FROM etl.load_batch), 1
                FROM (VALUES (202106, 500), (202206, 650)) AS v(m, ytd)
                JOIN dw.dim_region r ON r.region_code = '450700Z03'
                JOIN dw.dim_indicator i ON i.indicator_code = 'fai'
                """)
            try db.execute("SELECT dw.refresh_ytd_summary(m) FROM (VALUES (202106), (202206)) AS v(m)")
            let md = try run(url, ["bulletin", "--month", "2022-06", "--format", "markdown"])
            #expect(md.exitCode == 0, "\(md)")
            let start = try #require(md.stdout.range(of: "六、固定资产投资增速排名"))
            let section = String(md.stdout[start.lowerBound...])
            let counties = try #require(section.range(of: "县区排名"))
            let zones = try #require(section.range(of: "园区（开发区）排名"))
            #expect(counties.lowerBound < zones.lowerBound)
            let countyTable = String(section[counties.upperBound..<zones.lowerBound])
            #expect(countyTable.contains("钦南区") && !countyTable.contains("钦州高新区"))
        }
    }

    @Test("exit codes: unknown region 64, bad month 64, empty month 66, January 66, no server 69")
    func exitCodes() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, url in
            try seed(db)
            let region = try run(url, ["yoy", "--month", "2022-06", "--region", "火星县"])
            #expect(region.exitCode == 64)
            #expect(region.stderr.contains("unknown region") && region.stderr.contains("钦南区"))
            let indicator = try run(url, ["yoy", "--month", "2022-06", "--indicator", "gdp"])
            #expect(indicator.exitCode == 64)
            #expect(indicator.stderr.contains("industrial"))
            #expect(try run(url, ["yoy", "--month", "2022-6x"]).exitCode == 64)
            let empty = try run(url, ["yoy", "--month", "2022-09"])
            #expect(empty.exitCode == 66)
            #expect(empty.stderr.contains("no YoY data for 2022-09") && empty.stderr.contains("2022-06"))
            let january = try run(url, ["yoy", "--month", "2022-01"])
            #expect(january.exitCode == 66)
            #expect(january.stderr.contains("2022-02"))
            let down = try run(url, ["yoy", "--month", "2022-06", "--database-url",
                                     "postgresql://nobody@/none?host=/nonexistent-dir&port=1"])
            #expect(down.exitCode == 69)
        }
    }
}
