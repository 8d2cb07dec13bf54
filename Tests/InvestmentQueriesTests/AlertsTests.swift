import Foundation
import InvestmentQueries
import PostgresClient
import TestSupport
import Testing

@Suite("Ranking and alerts (DESIGN §6)")
struct AlertsTests {
    /// March and June of 2022 against 2021 (1000 in March, 2000 in June, 4000 for the year):
    ///           March          June
    ///   钦南   1200 (+20%)    2400 (+20%)  praise: ≥ 15% and 2400 / 2300 = 104.35% of the YTD target
    ///   灵山   1100 (+10%)    1900 (−5%)   reminder in June only
    ///   钦北   1000 (0%)      2100 (+5%)   reminder both months, not last
    ///   浦北    900 (−10%)    1700 (−15%)  reminder both months and last in June: interview
    func seed(_ f: Fixture) throws {
        for code in [qinnan, lingshan, qinbei, pubei] {
            try f.summary(code, 202103, ytd: 1000)
            try f.summary(code, 202106, ytd: 2000)
            try f.summary(code, 202112, ytd: 4000)
        }
        for (code, march, june) in [(qinnan, 1200, 2400), (lingshan, 1100, 1900), (qinbei, 1000, 2100), (pubei, 900, 1700)] {
            try f.summary(code, 202203, ytd: Decimal(march))
            try f.summary(code, 202206, ytd: Decimal(june))
        }
    }

    func actions(_ rows: [AlertRow]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: rows.map { ($0.regionCode, $0.action?.rawValue ?? "none") })
    }

    /// DESIGN §6's previous reported month of a February is last December: a reminder then and
    /// now, and last now, is an interview across the year (judged by each year's own rate).
    @Test("a February reminder after a December reminder, while last, is an interview")
    func interviewAcrossTheYear() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            for (code, december, february) in [(qinnan, 20, 18), (lingshan, 10, 9), (qinbei, 0, 1), (pubei, -10, -8)] {
                try f.summary(code, 202112, ytd: 1000, prior: 900, reportedYoY: Decimal(december))
                try f.summary(code, 202202, ytd: 200, prior: 190, reportedYoY: Decimal(february))
            }
            let february = try f.queries.alerts(month: month("2022-02"), indicator: try f.queries.indicator(code: "fai"))
            #expect(actions(february.filter { $0.level == "county" })[pubei] == "interview")
            #expect(actions(february.filter { $0.level == "county" })[qinbei] == "reminder")  // not last
            let prev = try db.query("""
                SELECT prev_month_key FROM analyst.region_alerts
                WHERE month_key = 202202 AND region_code = \(pubei) AND indicator_code = 'fai'
                """).first?.int("prev_month_key")
            #expect(prev == 202112)
        }
    }

    @Test("praise, reminder, and an interview after two reminders while last")
    func alerts() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            try seed(f)
            let fai = try f.queries.indicator(code: "fai")
            let june = try f.queries.alerts(month: month("2022-06"), indicator: fai)
            #expect(actions(june.filter { $0.level == "county" }) ==
                    [qinnan: "praise", lingshan: "reminder", qinbei: "reminder", pubei: "interview"])
            // The city (the counties' sum: 8100 against 8000, +1.25%, far below 15%) is ranked
            // alone: it does not send itself a reminder.
            let city = try #require(june.first { $0.regionCode == qinzhou })
            #expect(city.peerCount == 1)
            #expect(city.gapPP == dec("13.75"))
            #expect(city.action == nil)
            let p = try #require(june.first { $0.regionCode == pubei })
            #expect(p.rank == 4)
            #expect(p.officialYoYPct == -15)
            #expect(p.gapPP == 30)
            #expect(p.previousReminder)
            #expect(june.first { $0.regionCode == qinnan }?.progressPct == dec("104.35"))

            // March is the year's first report: 浦北 is last and far below, but had no earlier reminder.
            // 钦南: +20% and 1200 / (4600 × 1000/4000 = 1150) = 104.35% of the YTD target.
            let march = try f.queries.alerts(month: month("2022-03"), indicator: fai)
            #expect(actions(march.filter { $0.level == "county" }) ==
                    [qinnan: "praise", lingshan: "none", qinbei: "reminder", pubei: "reminder"])
            #expect(march.first { $0.regionCode == pubei }?.isLast == true)
            #expect(march.first { $0.regionCode == qinnan }?.progressPct == dec("104.35"))
        }
    }

    @Test("the reminder threshold is a setting")
    func threshold() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            try seed(f)
            try f.setting("reminder_gap_pp", 20)
            let june = try f.queries.alerts(month: month("2022-06"), indicator: try f.queries.indicator(code: "fai"))
            // gaps: 灵山 20 (reminder), 钦北 10 (nothing now), 浦北 30 and 25 in March (interview).
            #expect(actions(june.filter { $0.level == "county" }) ==
                    [qinnan: "praise", lingshan: "reminder", qinbei: "none", pubei: "interview"])
        }
    }

    /// A month with a figure but no prior-year base (April, 2021-04 never loaded) has no rate:
    /// it is not the "previous reported month" that breaks 浦北's run of reminders.
    @Test("a month without a rate between two reminders does not stop the interview")
    func monthWithoutRateInBetween() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            try seed(f)
            for (code, april) in [(qinnan, 1800), (lingshan, 1500), (qinbei, 1500), (pubei, 1300)] {
                try f.summary(code, 202204, ytd: Decimal(april))
            }
            let june = try f.queries.alerts(month: month("2022-06"), indicator: try f.queries.indicator(code: "fai"))
            let p = try #require(june.first { $0.regionCode == pubei })
            #expect(p.previousReminder)
            #expect(p.action?.rawValue == "interview")
            let prev = try db.query("""
                SELECT prev_month_key FROM analyst.region_alerts
                WHERE region_code = \(pubei) AND month_key = 202206 AND indicator_code = 'fai'
                """).first?.int("prev_month_key")
            #expect(prev == 202203)
        }
    }
}
