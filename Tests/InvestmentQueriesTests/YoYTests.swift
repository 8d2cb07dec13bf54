import Foundation
import InvestmentQueries
import PostgresClient
import TestSupport
import Testing

@Suite("YoY growth (DESIGN §6)")
struct YoYTests {
    @Test("computed, reported, prior = 0, missing prior, flag over 0.1 pp, official rate and ranking")
    func yoyByRegion() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            try f.summary(qinnan, 202106, ytd: 2000)
            try f.summary(qinnan, 202206, ytd: 2300)                                             // (2300−2000)/2000 = 15.00
            try f.summary(qinbei, 202106, ytd: 5000)                                             // ignored: reported prior wins
            try f.summary(qinbei, 202206, ytd: 1050, prior: 980, reportedYoY: dec("7.3"))       // 70/980 = 7.142857 → 7.14
            try f.summary(lingshan, 202206, ytd: 900, prior: 0)                                   // prior = 0
            try f.summary(pubei, 202206, ytd: 800)                                                // no prior at all
            try f.summary(port, 202206, ytd: 1071, prior: 1000, reportedYoY: dec("7.15"))        // 7.10 vs 7.15: within 0.1

            let rows = try f.queries.yoy(month: month("2022-06"), indicator: try f.queries.indicator(code: "fai"))
            let by = Dictionary(uniqueKeysWithValues: rows.map { ($0.regionCode, $0) })

            #expect(by[qinnan]?.yoyPct == dec("15.00"))
            #expect(by[qinnan]?.priorYTDValue == 2000)
            #expect(by[qinnan]?.priorSource == "last year")
            #expect(by[qinnan]?.officialYoYPct == 15)
            #expect(by[qinnan]?.officialSource == "computed")

            #expect(by[qinbei]?.priorYTDValue == 980)
            #expect(by[qinbei]?.priorSource == "reported comparable")
            #expect(by[qinbei]?.yoyPct == dec("7.14"))
            #expect(by[qinbei]?.reportedYoYPct == dec("7.3"))
            #expect(by[qinbei]?.yoyDiffFlag == true)
            #expect(by[qinbei]?.yoyDiffPP == dec("-0.16"))
            #expect(by[qinbei]?.officialYoYPct == dec("7.3"))

            #expect(by[lingshan]?.yoyPct == nil)
            #expect(by[lingshan]?.yoyNullReason == "prior-year value is zero")
            #expect(by[lingshan]?.officialYoYPct == nil)
            #expect(by[lingshan]?.rank == nil)

            #expect(by[pubei]?.yoyPct == nil)
            #expect(by[pubei]?.yoyNullReason == "no prior-year value")

            #expect(by[port]?.yoyPct == dec("7.1"))
            #expect(by[port]?.yoyDiffFlag == false)
            #expect(by[port]?.rank == 1)          // zones are ranked among zones
            #expect(by[port]?.peerCount == 1)

            // Counties: 钦南 15.00 then 钦北 7.3 (official); two ranked, 钦北 last.
            #expect(by[qinnan]?.rank == 1)
            #expect(by[qinbei]?.rank == 2)
            #expect(by[qinbei]?.peerCount == 2)
            #expect(by[qinbei]?.isLast == true)
            #expect(by[qinnan]?.isLast == false)

            // The city has no row of its own: the sum of its sub-regions.
            #expect(by[qinzhou]?.ytdValue == 6121)  // 2300 + 1050 + 900 + 800 + 1071
            #expect(by[qinzhou]?.source == "sub-regions")
        }
    }

    /// A first year: no stored last year, the counties' sheets give their 上年同期. The city (the
    /// sum of its counties) compares with the sum of their priors (it had no YoY all year); one
    /// county without a prior leaves the city without one.
    @Test("the city's prior is its counties' reported priors when each gave one")
    func cityPriorFromCounties() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            try f.summary(qinnan, 202206, ytd: 1100, prior: 1000)
            try f.summary(lingshan, 202206, ytd: 2300, prior: 2000)
            let rows = try f.queries.yoy(month: month("2022-06"), indicator: try f.queries.indicator(code: "fai"))
            let city = try #require(rows.first { $0.regionCode == qinzhou })
            #expect(city.ytdValue == 3400)
            #expect(city.priorYTDValue == 3000)
            #expect(city.priorSource == "reported comparable")
            #expect(city.yoyPct == dec("13.33"))
            try f.summary(pubei, 202206, ytd: 500)   // no prior
            let again = try f.queries.yoy(month: month("2022-06"), indicator: try f.queries.indicator(code: "fai"))
            #expect(again.first { $0.regionCode == qinzhou }?.yoyPct == nil)
        }
    }

    /// A county that reported in May has not sent June yet: the city's June sum covers part of
    /// it, so the city has no YoY and no target progress, naming the county; once it reports, both.
    @Test("a sub-region that has not reported leaves its city without YoY, named")
    func cityMissingASubRegion() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            try f.summary(qinnan, 202205, ytd: 1000, prior: 900)
            try f.summary(lingshan, 202205, ytd: 2000, prior: 1800)
            try f.summary(qinnan, 202206, ytd: 1100, prior: 1000)
            let fai = try f.queries.indicator(code: "fai")
            let city = try #require(try f.queries.yoy(month: month("2022-06"), indicator: fai).first { $0.regionCode == qinzhou })
            #expect(city.ytdValue == 1100)
            #expect(city.yoyPct == nil && city.officialYoYPct == nil)
            #expect(city.yoyNullReason == "sub-regions not reported: 灵山县")
            let progress = try db.query("""
                SELECT progress_pct, missing_subregions FROM analyst.target_progress
                WHERE region_code = \(qinzhou) AND month_key = 202206 AND indicator_code = 'fai'
                """).first
            #expect(progress?["progress_pct"] == nil && progress?["missing_subregions"] == "灵山县")
            #expect(try f.queries.yoy(month: month("2022-05"), indicator: fai).first { $0.regionCode == qinzhou }?.yoyPct
                    == dec("11.11"), "May was complete: 3000 against 2700")
            try f.summary(lingshan, 202206, ytd: 2300, prior: 2000)
            let complete = try #require(try f.queries.yoy(month: month("2022-06"), indicator: fai).first { $0.regionCode == qinzhou })
            #expect(complete.yoyPct == dec("13.33"))  // 3400 against 3000
            #expect(complete.yoyNullReason == nil)
        }
    }

    /// Last year only 灵山县's sheets were loaded; this year every county reports: the city's sum
    /// of four against last year's sum of one gave +2075.9 %. No YoY, naming the counties that
    /// have no figure last year; the county that has one keeps its own.
    @Test("a city summed from sub-regions some of which have no prior-year figure has no YoY, named")
    func citySubRegionsWithoutPrior() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            try f.summary(lingshan, 202106, ytd: 900)
            try f.summary(lingshan, 202206, ytd: 1000)
            try f.summary(qinnan, 202206, ytd: 5000)
            try f.summary(pubei, 202206, ytd: 3000)
            let fai = try f.queries.indicator(code: "fai")
            let rows = try f.queries.yoy(month: month("2022-06"), indicator: fai)
            let city = try #require(rows.first { $0.regionCode == qinzhou })
            #expect(city.ytdValue == 9000)
            #expect(city.yoyPct == nil && city.officialYoYPct == nil)
            #expect(city.yoyNullReason == "sub-regions without a prior-year figure: 钦南区、浦北县")
            #expect(rows.first { $0.regionCode == lingshan }?.yoyPct == dec("11.11"))
            try f.summary(qinnan, 202106, ytd: 4000)
            try f.summary(pubei, 202106, ytd: 2000)
            let complete = try #require(try f.queries.yoy(month: month("2022-06"), indicator: fai).first { $0.regionCode == qinzhou })
            #expect(complete.yoyPct == dec("30.43"))  // 9000 against 6900
        }
    }

    /// 浦北县 reported in May, not yet in June: the three others are ranked, but none is last
    /// (an interview went to the 3rd of 3, who was 3rd of 4 once 浦北县 reported); once it
    /// reports, the last is judged again.
    @Test("no last place while a peer that reported before has not reported this month")
    func noLastPlaceWhileAPeerIsMissing() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            for (region, may) in [(qinnan, 500), (qinbei, 600), (lingshan, 700), (pubei, 800)] {
                try f.summary(region, 202205, ytd: Decimal(may), reportedYoY: 10)
            }
            try f.summary(qinnan, 202206, ytd: 900, reportedYoY: 1)
            try f.summary(qinbei, 202206, ytd: 900, reportedYoY: 5)
            try f.summary(lingshan, 202206, ytd: 900, reportedYoY: 9)
            let fai = try f.queries.indicator(code: "fai")
            let june = try f.queries.yoy(month: month("2022-06"), indicator: fai)
            let qn = try #require(june.first { $0.regionCode == qinnan })
            #expect(qn.rank == 3 && qn.peerCount == 3 && !qn.isLast && qn.peersNotReported == "浦北县")
            try f.summary(pubei, 202206, ytd: 900, reportedYoY: 3)
            let complete = try f.queries.yoy(month: month("2022-06"), indicator: fai)
            #expect(complete.first { $0.regionCode == qinnan }.map { $0.isLast && $0.rank == 4 && $0.peersNotReported == nil } == true)
        }
    }

    @Test("ties in official rate are broken by YTD value; equal YTD shares the rank")
    func ties() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            try f.summary(qinnan, 202206, ytd: 1100, prior: 1000, reportedYoY: 10)
            try f.summary(qinbei, 202206, ytd: 2200, prior: 2000, reportedYoY: 10)
            try f.summary(lingshan, 202206, ytd: 1050, prior: 1000, reportedYoY: 5)
            try f.summary(pubei, 202206, ytd: 1050, prior: 1000, reportedYoY: 5)
            let rows = try f.queries.yoy(month: month("2022-06"), indicator: try f.queries.indicator(code: "fai"))
            let rank = Dictionary(uniqueKeysWithValues: rows.map { ($0.regionCode, $0.rank) })
            #expect(rank[qinbei] == 1)    // 10%, 2200
            #expect(rank[qinnan] == 2)    // 10%, 1100
            #expect(rank[lingshan] == 3)  // 5%, 1050: a true tie
            #expect(rank[pubei] == 3)
            #expect(rows.filter(\.isLast).map(\.regionCode).sorted() == [lingshan, pubei])
        }
    }

    @Test("January is merged into 1-2月: February compares with last February; January asks for February")
    func januaryMerged() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            try f.summary(qinnan, 202102, ytd: 400)
            try f.summary(qinnan, 202202, ytd: 500)
            let rows = try f.queries.yoy(month: month("2022-02"), indicator: try f.queries.indicator(code: "fai"),
                                         region: try f.queries.region(named: "钦南"))
            #expect(rows.count == 1)
            #expect(rows[0].priorYTDValue == 400)
            #expect(rows[0].yoyPct == 25)
            #expect(throws: QueryError.self) { try f.queries.yoy(month: month("2022-01")) }
            do {
                _ = try f.queries.yoy(month: month("2022-01"))
            } catch let error as QueryError {
                #expect(error.code == .januaryMerged)
                #expect(error.message.contains("2022-02"))
            }
        }
    }

    @Test("a region with only project data uses the sum of its projects; departments and categories")
    func projectsOnly() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            let p1 = try f.project(pubei, "2020-450722-48-01-000001", department: "市工业和信息化局", category: "工业项目", industrial: true)
            let p2 = try f.project(pubei, "2020-450722-48-01-000002", department: "市交通运输局", category: "基础设施")
            try f.progress(pubei, project: p1, 202106, ytd: 300)
            try f.progress(pubei, project: p2, 202106, ytd: 200)
            try f.progress(pubei, project: p1, 202206, ytd: 360)
            try f.progress(pubei, project: p2, 202206, ytd: 240)

            let fai = try f.queries.yoy(month: month("2022-06"), indicator: try f.queries.indicator(code: "fai"),
                                        region: try f.queries.region(named: "浦北县"))
            #expect(fai.map(\.regionCode) == [pubei])
            #expect(fai[0].ytdValue == 600)          // 360 + 240
            #expect(fai[0].priorYTDValue == 500)     // 300 + 200
            #expect(fai[0].yoyPct == 20)
            #expect(fai[0].source == "project-progress")

            let industrial = try f.queries.yoy(month: month("2022-06"), indicator: try f.queries.indicator(code: "industrial"),
                                               region: try f.queries.region(named: "浦北县"))
            #expect(industrial[0].ytdValue == 360)
            #expect(industrial[0].yoyPct == 20)

            let departments = try f.queries.yoy(month: month("2022-06"), by: .department,
                                                indicator: try f.queries.indicator(code: "fai"))
            #expect(departments.map(\.group) == ["市工业和信息化局", "市交通运输局"])  // both 20%: larger YTD first
            #expect(departments.map(\.rank) == [1, 2])
            #expect(departments[0].scopeRegion == "浦北县")  // smallest region holding every project
            let categories = try f.queries.yoy(month: month("2022-06"), by: .category,
                                               indicator: try f.queries.indicator(code: "fai"),
                                               scope: try f.queries.region(named: "钦州市"))
            #expect(Set(categories.map(\.group)) == ["工业项目", "基础设施"])
            #expect(categories.allSatisfy { $0.yoyPct == 20 && $0.scopeRegion == "钦州市" })
        }
    }

    /// Two counties' 县水利局 (every county has one, named without the county): at the city's
    /// scope one unit per county, each against its own last year; at a county's scope the plain
    /// name. They were summed into one city "department".
    @Test("a county bureau named without its county is one unit per county at the city's scope")
    func countyBureausStayApart() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            try db.execute("INSERT INTO dw.dim_department (name) VALUES ('县水利局')")
            let a = try f.project(lingshan, "2020-450721-76-01-000001", department: "县水利局")
            let b = try f.project(pubei, "2020-450722-76-01-000002", department: "县水利局")
            try f.progress(lingshan, project: a, 202106, ytd: 200)
            try f.progress(pubei, project: b, 202106, ytd: 100)
            try f.progress(lingshan, project: a, 202206, ytd: 260)
            try f.progress(pubei, project: b, 202206, ytd: 90)
            let fai = try f.queries.indicator(code: "fai")
            let city = try f.queries.yoy(month: month("2022-06"), by: .department, indicator: fai,
                                         scope: try f.queries.region(named: "钦州市"))
            #expect(city.map(\.group) == ["灵山县·县水利局", "浦北县·县水利局"])
            #expect(city.map(\.yoyPct) == [30, -10])
            let county = try f.queries.yoy(month: month("2022-06"), by: .department, indicator: fai,
                                           scope: try f.queries.region(named: "浦北县"))
            #expect(county.map(\.group) == ["县水利局"] && county.first?.yoyPct == -10)
        }
    }

    /// A department with projects last year and none now (its project completed): listed at
    /// 0 against last year's figure, −100 %, after the others (it was left out, its prior lost).
    @Test("a department with last year's projects only is shown at -100%")
    func vanishedDepartment() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            let p1 = try f.project(pubei, "2020-450722-48-01-000001", department: "市工业和信息化局", category: "工业项目", industrial: true)
            let p2 = try f.project(pubei, "2020-450722-48-01-000002", department: "市交通运输局", category: "基础设施")
            try f.progress(pubei, project: p1, 202106, ytd: 300)
            try f.progress(pubei, project: p2, 202106, ytd: 100)
            try f.progress(pubei, project: p1, 202206, ytd: 360)
            let fai = try f.queries.indicator(code: "fai")
            let departments = try f.queries.yoy(month: month("2022-06"), by: .department, indicator: fai)
            #expect(departments.map(\.group) == ["市工业和信息化局", "市交通运输局"])
            #expect(departments.map(\.yoyPct) == [20, -100])
            #expect(departments.map(\.priorYTDValue) == [300, 100])
            #expect(departments.last?.ytdValue == 0 && departments.last?.projectCount == 0)
            let categories = try f.queries.yoy(month: month("2022-06"), by: .category, indicator: fai)
            #expect(categories.map(\.group) == ["工业项目", "基础设施"])
        }
    }

    @Test("unknown region, indicator, month and an empty month are clear errors")
    func errors() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            try f.summary(qinnan, 202206, ytd: 1)
            func code(_ body: () throws -> Void) -> QueryError.Code? {
                do { try body(); return nil } catch let e as QueryError { return e.code } catch { return nil }
            }
            #expect(code { _ = try f.queries.region(named: "不存在县") } == .unknownRegion)
            #expect(code { _ = try f.queries.indicator(code: "gdp") } == .unknownIndicator)
            #expect(code { _ = try f.queries.yoy(month: month("2022-07")) } == .noData)
            #expect(code { _ = try f.queries.yoy(month: month("2099-06")) } == .unknownMonth)
            do {
                _ = try f.queries.yoy(month: month("2022-07"))
            } catch let error as QueryError {
                #expect(error.available == ["2022-06"])
            }
            // Aliases and full-width spellings resolve.
            #expect(try f.queries.region(named: "钦州港片区").code == port)
            #expect(try f.queries.region(named: " 钦南 ").code == qinnan)
        }
    }
}
