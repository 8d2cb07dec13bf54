import Foundation
import InvestmentQueries
import PostgresClient
import TestSupport
import Testing

@Suite("Target tracking (DESIGN §6)")
struct TargetsTests {
    @Test("seasonal profile, linear m/12, monthly decomposition, December, per-year rate")
    func targets() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { db, _ in
            let f = try Fixture(db)
            // 钦南: last year 2000 at June, 4000 for the year → T = 4000 × 1.15 = 4600,
            // YTD target = 4600 × 2000 / 4000 = 2300 (last year's profile).
            try f.summary(qinnan, 202106, ytd: 2000)
            try f.summary(qinnan, 202112, ytd: 4000)
            try f.summary(qinnan, 202206, ytd: 2070)
            try f.summary(qinnan, 202212, ytd: 4830)
            // 钦北: only last year's total → T = 3450, YTD target = 3450 × 6/12 = 1725.
            try f.summary(qinbei, 202112, ytd: 3000)
            try f.summary(qinbei, 202206, ytd: 1500)
            // 灵山: a targets sheet with T = 5000 and a June cumulative target 2000.
            try f.summary(lingshan, 202206, ytd: 2100)
            try f.target(lingshan, year: 2022, monthNo: 0, target: 5000)
            try f.target(lingshan, year: 2022, monthNo: 6, target: 2000)
            // 2023 with a per-year rate of 12%: T = 4830 × 1.12 = 5409.6; YTD target 5409.6 × 2070/4830 = 2318.4.
            try f.rate("fai", year: 2023, 12)
            try f.summary(qinnan, 202306, ytd: dec("2318.4"))

            let fai = try f.queries.indicator(code: "fai")
            let june = Dictionary(uniqueKeysWithValues:
                try f.queries.targets(month: month("2022-06"), indicator: fai).map { ($0.regionCode, $0) })

            let a = try #require(june[qinnan])
            #expect(a.ratePct == 15)
            #expect(a.rateSource == "indicator default")
            #expect(a.annualTarget == 4600)
            #expect(a.annualTargetBasis == "last year × (1 + rate)")
            #expect(a.ytdTarget == 2300)
            #expect(a.ytdTargetBasis == "last year seasonal profile")
            #expect(a.progressPct == 90)                      // 2070 / 2300
            #expect(a.annualCompletionPct == 45)              // 2070 / 4600
            #expect(a.timeProgressPct == 50)
            #expect(a.aheadOfTimePP == -5)
            #expect(a.gap == 230)
            #expect(a.requiredMonthly == dec("421.6667"))     // (4600 − 2070) / 6

            let b = try #require(june[qinbei])
            #expect(b.annualTarget == 3450)
            #expect(b.ytdTarget == 1725)
            #expect(b.ytdTargetBasis == "linear m/12")
            #expect(b.progressPct == dec("86.96"))            // 1500 / 1725 = 0.869565
            #expect(b.annualCompletionPct == dec("43.48"))
            #expect(b.aheadOfTimePP == dec("-6.52"))          // 43.478 − 50
            #expect(b.gap == 225)
            #expect(b.requiredMonthly == 325)                 // (3450 − 1500) / 6

            let c = try #require(june[lingshan])
            #expect(c.annualTarget == 5000)
            #expect(c.annualTargetBasis == "targets sheet")
            #expect(c.ytdTarget == 2000)
            #expect(c.ytdTargetBasis == "monthly decomposition")
            #expect(c.progressPct == 105)
            #expect(c.annualCompletionPct == 42)
            #expect(c.aheadOfTimePP == -8)
            #expect(c.gap == -100)
            #expect(c.requiredMonthly == dec("483.3333"))     // (5000 − 2100) / 6

            let december = try #require(try f.queries.targets(month: month("2022-12"), indicator: fai,
                                                              region: try f.queries.region(named: "钦南区")).first)
            #expect(december.ytdTarget == 4600)
            #expect(december.progressPct == 105)              // 4830 / 4600
            #expect(december.timeProgressPct == 100)
            #expect(december.aheadOfTimePP == 5)
            #expect(december.requiredMonthly == nil)

            let y2023 = try #require(try f.queries.targets(month: month("2023-06"), indicator: fai).first { $0.regionCode == qinnan })
            #expect(y2023.ratePct == 12)
            #expect(y2023.rateSource == "per-year rate")
            #expect(y2023.annualTarget == dec("5409.6"))
            #expect(y2023.ytdTarget == dec("2318.4"))
            #expect(y2023.progressPct == 100)
        }
    }
}
