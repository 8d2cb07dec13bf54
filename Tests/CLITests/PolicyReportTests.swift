import Foundation
import TestSupport
import Testing

/// invest-etl loads hand-made policy sheets; invest-report answers the issue-8 questions in
/// every format. Figures are hand-computed (see Tests/WarehouseTests/Loader/Policy/PolicyFixtures.swift).
@Suite("invest-report policy reports")
struct PolicyReportTests {
    static let sheets: [(String, String)] = [
        ("2022-09_全市_中央预算内投资.csv", """
            2022年1-9月钦州市中央预算内投资项目进展情况表
            序号,县区,项目名称,项目代码,计划下达时间,下达中央预算内投资（万元）,累计支付（万元）,开工时间
            1,钦南区,A路,2022-450702-48-01-000001,2022-03-10,10000,9000,2022-04-01
            2,灵山县,C水,2022-450721-48-01-000003,2022-05-20,12000,6000,
            """),
        ("2022-09_全市_专项债券.csv", """
            2022年1-9月钦州市政府专项债券项目资金使用情况
            序号,县区,项目名称,项目代码,发行批次,发行时间,发行金额,已使用金额,是否开工
            1,钦南区,A路,2022-450702-48-01-000001,2022年第一批,2022-03-18,10000,10000,已开工
            2,灵山县,C水,2022-450721-48-01-000003,2022年第一批,2022-03-18,4000,0,未开工
            """),
        ("2022-09_全市_基础设施项目储备.csv", """
            2022年9月钦州市基础设施项目储备库
            序号,项目名称,项目代码,县区,储备类别,总投资,拟争取上级资金
            1,园区一,2022-450702-48-01-100001,钦南区,产业园区,1000000,400000
            """),
        ("2022-06_钦南区_重大项目进度.csv", """
            钦南区2022年1-6月重大项目投资进度表
            项目名称,项目代码,1-6月完成投资,项目状态,停工原因,计划复工时间
            甲项目,2020-450702-36-01-000101,500,在建,,
            乙项目,2020-450702-36-01-000102,300,停工,资金不到位,2022年8月
            """),
        ("2022-09_钦南区_重大项目进度.csv", """
            钦南区2022年1-9月重大项目投资进度表
            项目名称,项目代码,1-9月完成投资,项目状态,停工原因,计划复工时间
            甲项目,2020-450702-36-01-000101,800,在建,,
            乙项目,2020-450702-36-01-000102,400,在建,,
            """),
    ]

    /// October: only 钦南区's central-budget sheet.
    static let october = ("2022-10_钦南区_中央预算内投资.csv", """
        钦南区2022年1-10月中央预算内投资项目进展情况表
        项目名称,项目代码,计划下达时间,下达中央预算内投资（万元）,累计支付（万元）,开工时间
        A路,2022-450702-48-01-000001,2022-03-10,10000,9500,2022-04-01
        """)

    func loaded(extra: [(String, String)] = [], _ body: (String) throws -> Void) throws {
        try TestDatabase.withFreshDatabase(migrated: true) { _, url in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("policy-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            for (name, text) in Self.sheets + extra { try Data((text + "\n").utf8).write(to: directory.appendingPathComponent(name)) }
            let load = try Subprocess.run(try Executables.url(of: "invest-etl"), ["load", directory.path],
                                          environment: ["DATABASE_URL": url])
            #expect(load.exitCode == 0, "\(load)")
            try body(url)
        }
    }

    func report(_ url: String, _ arguments: [String]) throws -> Subprocess.Output {
        try Subprocess.run(try Executables.url(of: "invest-report"), arguments, environment: ["DATABASE_URL": url])
    }

    func objects(_ output: Subprocess.Output) throws -> [[String: Any]] {
        let parsed = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        return try #require(parsed as? [[String: Any]], "not an array of objects: \(output)")
    }

    @Test("JSON answers with hand-computed numbers")
    func json() throws {
        try loaded { url in
            let central = try objects(try report(url, ["central-budget", "--month", "2022-09", "--format", "json"]))
            let total = try #require(central.last)
            #expect(total["region"] as? String == "钦州市合计")
            #expect(total["issued_this_year_wan"] as? Double == 22000)
            #expect(total["issued_completion_pct"] as? Double == 55)      // 22,000 / 40,000
            #expect(total["payment_pct"] as? Double == 68.18)             // 15,000 / 22,000
            #expect(total["late_start_count"] as? Int == 1)               // C水: issued 5-20, not started by 8-20

            let late = try objects(try report(url, ["central-budget", "--month", "2022-09", "--projects", "--late", "--format", "json"]))
            #expect(late.map { $0["project_name"] as? String } == ["C水"])
            #expect(late.first?["start_status"] as? String == "not_started_overdue")

            let batches = try objects(try report(url, ["special-bonds", "--month", "2022-09", "--format", "json"]))
            #expect(batches.count == 1)
            #expect(batches.first?["use_by_date"] as? String == "2022-08-31")
            #expect(batches.first?["usage_pct"] as? Double == 71.43)      // 10,000 / 14,000
            #expect(batches.first?["start_rate_pct"] as? Double == 50)
            // A county asks for the city-wide batch table: the city's figures, and a note saying so.
            let county = try report(url, ["special-bonds", "--month", "2022-09", "--region", "灵山县", "--format", "json"])
            let noted = county.exitCode == 0 && county.stderr.contains("bond batches are city-wide") && county.stderr.contains("--projects")
            #expect(noted, "\(county)")
            let countyPool = try report(url, ["reserve-pool", "--month", "2022-09", "--region", "灵山县"])
            let poolNote = countyPool.stderr.contains("city-wide") || countyPool.exitCode == 66
            #expect(poolNote, "\(countyPool)")
            let city = try report(url, ["special-bonds", "--month", "2022-09", "--region", "钦州市", "--format", "json"])
            let cityNoted = city.stderr.contains("city-wide")
            #expect(!cityNoted)
            let lagging = try objects(try report(url, ["special-bonds", "--month", "2022-09", "--projects", "--lagging", "--format", "json"]))
            #expect(lagging.map { $0["lagging_reason"] as? String } == ["not started"])

            let key = try objects(try report(url, ["key-projects", "--month", "2022-09", "--format", "json"]))
            #expect(key.map { "\($0["rank"]!) \($0["month"]!) \($0["since_as_of_wan"]!)" } == [
                "1 2022-06 0", "1 2022-09 300", "2 2022-06 0", "2 2022-09 100"])
            // --region narrows the city's list to the projects in that region (it was ignored).
            let regions = Set(key.compactMap { $0["region"] as? String })
            for region in regions {
                let narrowed = try objects(try report(url, ["key-projects", "--month", "2022-09", "--region", region, "--format", "json"]))
                #expect(narrowed.map { $0["region"] as? String } == key.filter { $0["region"] as? String == region }.map { $0["region"] as? String })
            }
            if !regions.contains("浦北县") {
                let elsewhere = try report(url, ["key-projects", "--month", "2022-09", "--region", "浦北县", "--format", "json"])
                #expect(elsewhere.exitCode == 66 || elsewhere.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(elsewhere)")
            }

            let stalled = try objects(try report(url, ["stalled", "--month", "2022-09", "--format", "json"]))
            #expect(stalled.count == 1)
            #expect(stalled.first?["restarted"] as? Bool == true && stalled.first?["listed_month"] as? String == "2022-06")
            let summary = try objects(try report(url, ["stalled", "--summary", "--month", "2022-09", "--format", "json"]))
            #expect(summary.last?["restarted_count"] as? Int == 1 && summary.last?["stalled_count"] as? Int == 0)

            let pool = try objects(try report(url, ["reserve-pool", "--month", "2022-09", "--format", "json"]))
            #expect(pool.count == 8)
            #expect(pool.first?["category"] as? String == "产业园区" && pool.first?["count_gap"] as? Int == 39)
            #expect(pool.first?["upper_funds_gap_wan"] as? Double == 500000)
        }
    }

    /// `--region` on the reports whose views carry `city_key`: a county keeps its own rows, the
    /// city keeps every region's (the clause is written once, `RegionRef.rowsOf`).
    @Test("--region narrows central-budget and stalled to the county, the city keeps all")
    func regionNarrowsPolicyReports() throws {
        try loaded { url in
            let projects = try objects(try report(url, ["central-budget", "--month", "2022-09", "--projects", "--format", "json"]))
            #expect(Set(projects.compactMap { $0["region"] as? String }) == ["钦南区", "灵山县"])
            let county = try objects(try report(url, ["central-budget", "--month", "2022-09", "--projects", "--region", "灵山县", "--format", "json"]))
            #expect(county.map { $0["project_name"] as? String } == ["C水"])
            let city = try objects(try report(url, ["central-budget", "--month", "2022-09", "--projects", "--region", "钦州市", "--format", "json"]))
            #expect(city.count == projects.count)
            let summary = try objects(try report(url, ["central-budget", "--month", "2022-09", "--region", "钦南区", "--format", "json"]))
            #expect(summary.compactMap { $0["region"] as? String }.allSatisfy { $0 == "钦南区" })
            #expect(summary.first?["issued_this_year_wan"] as? Double == 10000)

            let stalled = try objects(try report(url, ["stalled", "--month", "2022-09", "--region", "钦南区", "--format", "json"]))
            #expect(stalled.count == 1 && stalled.first?["region"] as? String == "钦南区")
            let elsewhere = try report(url, ["stalled", "--month", "2022-09", "--region", "灵山县", "--format", "json"])
            #expect(elsewhere.exitCode == 0 && elsewhere.stdout == "[]\n", "\(elsewhere)")
            let counts = try objects(try report(url, ["stalled", "--summary", "--month", "2022-09", "--region", "钦州市", "--format", "json"]))
            #expect(counts.last?["restarted_count"] as? Int == 1)
        }
    }

    /// October: only 钦南区 sends its central-budget sheet; 灵山县, 浦北县 and 钦北区 gave plans in
    /// September. The totals cover 钦南区 alone — the report says which regions did not report,
    /// on stderr and in the bulletin (the city's 本年下达 fell with no word).
    @Test("regions that reported a policy sheet earlier in the year but not this month are named")
    func regionsNotReportedAreNamed() throws {
        try loaded(extra: [Self.october]) { url in
            let out = try report(url, ["central-budget", "--month", "2022-10", "--format", "json"])
            #expect(out.exitCode == 0, "\(out)")
            let noted = out.stderr.contains("灵山县") && out.stderr.contains("but not for 2022-10")
            #expect(noted, "\(out)")
            let september = try report(url, ["central-budget", "--month", "2022-09", "--format", "json"])
            let quiet = !september.stderr.contains("note:")
            #expect(quiet, "\(september)")
        }
    }

    /// October has only a central-budget sheet (no statistics yet): the bulletin prints what
    /// there is and names the sections without data (it exited 66 "no YoY data"). A month with
    /// nothing at all is still 66.
    @Test("a month with only policy sheets has a bulletin; a month with nothing is 66")
    func bulletinOfPolicySheetsOnly() throws {
        try loaded(extra: [Self.october]) { url in
            let md = try report(url, ["bulletin", "--month", "2022-10", "--format", "markdown"])
            #expect(md.exitCode == 0, "\(md)")
            #expect(md.stdout.hasPrefix("# 钦州市扩大有效投资月度通报"), "\(md.stdout)")
            let note = try #require(md.stdout.split(separator: "\n").first { $0.hasPrefix("> 本月无数据的部分：") }, "\(md.stdout)")
            for heading in ["一、固定资产投资", "二、工业投资", "三、目标任务完成情况", "四、上级转移支付资金", "六、固定资产投资增速排名"] {
                #expect(note.contains(heading), "\(heading): \(note)")
            }
            #expect(!note.contains("七、中央预算内投资"), "\(note)")
            let central = try #require(md.stdout.components(separatedBy: "## 七、中央预算内投资").last)
            #expect(central.contains("9,500.00"), "\(central)")
            let html = try report(url, ["bulletin", "--month", "2022-10", "--format", "html"])
            #expect(html.exitCode == 0 && html.stdout.contains("<p class=\"bulletin-note\">本月无数据的部分："), "\(html)")

            let nothing = try report(url, ["bulletin", "--month", "2022-11", "--format", "markdown"])
            #expect(nothing.exitCode == 66 && nothing.stdout.isEmpty, "\(nothing)")
            #expect(nothing.stderr.contains("no bulletin data for 2022-11"), "\(nothing)")
        }
    }

    @Test("every format, the bulletin sections, and clear failures")
    func formatsAndFailures() throws {
        try loaded { url in
            for command in [["central-budget"], ["central-budget", "--projects"], ["special-bonds"], ["special-bonds", "--projects"],
                            ["key-projects"], ["stalled"], ["stalled", "--summary"], ["reserve-pool"]] {
                for format in ["table", "csv", "markdown", "json"] {
                    let out = try report(url, command + ["--month", "2022-09", "--format", format])
                    #expect(out.exitCode == 0 && !out.stdout.isEmpty, "\(command) \(format): \(out)")
                }
            }
            let csv = try report(url, ["special-bonds", "--month", "2022-09", "--format", "csv"])
            #expect(csv.stdout.hasPrefix("city,bond_batch,month,issue_date,use_by_date"))

            let html = try report(url, ["bulletin", "--month", "2022-09", "--format", "html"])
            #expect(html.exitCode == 0, "\(html)")
            for heading in ["七、中央预算内投资", "八、政府专项债券", "九、重点项目", "十、停工项目", "十一、基础设施项目储备"] {
                #expect(html.stdout.contains(heading), "\(heading)")
            }
            #expect(html.stdout.contains("C水"))   // the late-start list

            let noData = try report(url, ["central-budget", "--month", "2022-08"])
            #expect(noData.exitCode == 66 && noData.stderr.contains("2022-09"), "\(noData)")
            let badAsOf = try report(url, ["key-projects", "--month", "2022-06", "--as-of", "2022-09"])
            #expect(badAsOf.exitCode == 64, "\(badAsOf)")
            let lateAlone = try report(url, ["central-budget", "--month", "2022-09", "--late"])
            #expect(lateAlone.exitCode == 64, "\(lateAlone)")
        }
    }

    /// The bulletin names the first 50 still-stalled projects (in the list's order) and says how
    /// many more there are; `stalled` itself lists them all.
    @Test("the bulletin's stalled list is shortened, the report's is not")
    func bulletinShortensTheStalledList() throws {
        let stalled = (1...53).map { n in
            "北\(n)号项目,2020-450703-36-01-\(String(format: "%06d", n)),10,停工,资金不到位,2022年12月"
        }
        let sheet = ("2022-06_钦北区_重大项目进度.csv",
                     "钦北区2022年1-6月重大项目投资进度表\n项目名称,项目代码,1-6月完成投资,项目状态,停工原因,计划复工时间\n"
                         + stalled.joined(separator: "\n"))
        try loaded(extra: [sheet]) { url in
            let list = try objects(try report(url, ["stalled", "--month", "2022-06", "--format", "json"]))
            #expect(list.count == 54)   // 钦南区's 乙项目 and the 53 of 钦北区
            let out = try report(url, ["bulletin", "--month", "2022-06", "--format", "markdown"])
            #expect(out.exitCode == 0, "\(out)")
            let section = out.stdout.components(separatedBy: "## 十、停工项目").last ?? ""
            #expect(section.contains("**仍停工的项目（54）**"))
            let items = section.components(separatedBy: "\n## ").first!.split(separator: "\n").filter { $0.hasPrefix("- ") }
            #expect(items.count == 50)
            #expect(items.first?.hasPrefix("- 钦南区 乙项目") == true)
            #expect(items.last?.hasPrefix("- 钦北区 北49号项目") == true)
            #expect(section.contains("另有 4 个仍停工的项目未列出，完整清单：invest-report stalled --month 2022-06。"))
        }
    }
}
