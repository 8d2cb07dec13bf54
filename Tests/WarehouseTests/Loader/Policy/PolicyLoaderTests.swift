import Foundation
import PostgresClient
import SheetReader
import TestSupport
import Testing
@testable import Warehouse

/// The policy layouts (issue 8) loaded into a real PostgreSQL, and the analyst views over
/// them, against hand-computed figures (PolicyFixtures).
@Suite struct PolicyLoaderTests {
    typealias F = LoaderFixtures

    func loadAll(_ connection: Connection) throws -> [URL: FileLoadResult] {
        let directory = try F.temporaryDirectory()
        let loader = Loader(connection: connection)
        var results: [URL: FileLoadResult] = [:]
        for file in try PolicyFixtures.write(to: directory) {
            let result = try loader.load(file: file)
            #expect(result.outcome == .loaded, "\(result.summaryLine)")
            #expect(result.accountsForEveryLine, "\(result.summaryLine)")
            results[file] = result
        }
        return results
    }

    func result(_ results: [URL: FileLoadResult], _ suffix: String) throws -> FileLoadResult {
        try #require(results.first { $0.key.lastPathComponent.hasSuffix(suffix) }?.value)
    }

    @Test func linesAreAccountedForAndBadRowsRejectedWithReasons() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let results = try loadAll(connection)
            let central = try result(results, "中央预算内投资.csv")
            #expect(central.layout == .centralBudget)
            // 2 titles + header = 3 skipped; 5 plans; 2 rejected (month 13, paid beyond the plan).
            #expect((central.linesRead, central.rowsLoaded, central.rowsSkipped, central.rowsRejected) == (10, 5, 3, 2))
            let bonds = try result(results, "专项债券.csv")
            #expect(bonds.layout == .specialBonds)
            #expect((bonds.linesRead, bonds.rowsLoaded, bonds.rowsSkipped, bonds.rowsRejected) == (9, 5, 3, 1))
            let reserve = try result(results, "基础设施项目储备.csv")
            #expect(reserve.layout == .reservePool)
            // titles, header and three section rows skipped; 三、其他 is no reserve category.
            #expect((reserve.linesRead, reserve.rowsLoaded, reserve.rowsSkipped, reserve.rowsRejected) == (10, 3, 6, 1))

            let reasons = try connection.query("""
                SELECT b.layout, r.line_no, r.column_no, r.reason FROM etl.rejected_row r
                JOIN etl.load_batch b USING (batch_key) WHERE b.layout IN ('central-budget', 'special-bonds', 'reserve-pool')
                ORDER BY b.layout, r.line_no
                """).rows.map { ($0["layout"] ?? "", try $0.int("line_no") ?? 0, try $0.int("column_no"), $0["reason"] ?? "") }
            #expect(reasons.count == 4)
            #expect(reasons[0].0 == "central-budget" && reasons[0].1 == 9 && reasons[0].2 == 5)
            #expect(reasons[1].1 == 10 && reasons[1].2 == 7 && reasons[1].3.contains("exceeds the plan"))
            #expect(reasons[2].0 == "reserve-pool" && reasons[2].1 == 10 && reasons[2].3.contains("unknown reserve category 其他"))
            #expect(reasons[3].0 == "special-bonds" && reasons[3].1 == 9 && reasons[3].3.contains("exceeds"))

            // Facts point at the same projects as the progress sheets (region + code).
            let shared = try F.int(connection, """
                SELECT count(DISTINCT p.project_key) AS n FROM dw.dim_project p
                JOIN dw.fact_central_budget_month c ON c.region_key = p.region_key AND c.project_key = p.project_key
                JOIN dw.fact_special_bond_month s ON s.region_key = p.region_key AND s.project_key = p.project_key
                """)
            #expect(shared == 2)   // A路 (钦南区) and C水 (灵山县)
            let category = try connection.query("""
                SELECT string_agg(reserve_category || ':' || total_investment_wan::numeric(18,0) || '/' || upper_funds_wan::numeric(18,0), ','
                                  ORDER BY line_no) AS c
                FROM dw.fact_reserve_project_month
                """).first?["c"]
            #expect(category == "产业园区:1000000/400000,产业园区:1500000/600000,交通:200000/50000")
            let restart = try F.int(connection, "SELECT count(*) AS n FROM dw.fact_project_month WHERE planned_restart = '2022-09-01'")
            #expect(restart == 2)
        }
    }

    @Test func aRevisedSheetSupersedesTheEarlierBatch() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            _ = try loadAll(connection)
            let directory = try F.temporaryDirectory()
            let revised = directory.appendingPathComponent("2022-09_全市_中央预算内投资（修订）.csv")
            let text = PolicyFixtures.centralBudget.split(separator: "\n").prefix(4).joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: revised)
            let result = try Loader(connection: connection).load(file: revised)
            #expect(result.outcome == .loaded && result.supersededBatches.count == 1, "\(result.summaryLine)")
            #expect(try F.int(connection, "SELECT count(*) AS n FROM dw.fact_central_budget_month") == 1)
            #expect(try F.int(connection, "SELECT count(*) AS n FROM etl.load_batch WHERE layout = 'central-budget' AND status = 'superseded'") == 1)
        }
    }

    /// A county's central-budget sheet restating the city sheet's rows for its plans, and a new
    /// plan: reverting it removes its facts and its new project and puts the city sheet's
    /// figures back (the revert removed no policy fact; with a new project it failed, 70).
    @Test func revertOfAPolicyBatchRemovesItsFactsAndRestoresWhatItReplaced() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            _ = try loadAll(connection)
            let paid: SQL = "SELECT sum(paid_to_date_wan)::integer AS n FROM dw.fact_central_budget_month"
            let before = try F.int(connection, paid)
            let directory = try F.temporaryDirectory()
            let county = try F.write("2022-09_灵山县_中央预算内投资.csv", """
                灵山县2022年1-9月中央预算内投资项目进展情况表
                项目名称,项目代码,计划下达时间,下达中央预算内投资（万元）,累计支付（万元）,开工时间
                C水,2022-450721-48-01-000003,2022-05-20,12000,11000,2022-06-01
                L桥,2022-450721-48-01-000012,2022-06-20,2000,500,2022-07-01

                """, in: directory)
            let loader = Loader(connection: connection)
            let loaded = try loader.load(file: county)
            #expect(loaded.outcome == .loaded && loaded.rowsLoaded == 2, "\(loaded.summaryLine)")
            #expect(try F.int(connection, paid) == before + 5000 + 500)
            let outcome = try BatchRevert.revert(batch: loaded.batchKey!, loader: loader)
            #expect(outcome.factsRemoved == 2 && outcome.factsRestored == 1 && outcome.projectsRemoved == 1)
            #expect(try F.int(connection, paid) == before)
            #expect(try F.int(connection, "SELECT count(*) AS n FROM dw.dim_project WHERE project_code = '2022-450721-48-01-000012'") == 0)
        }
    }

    /// A quarterly reserve sheet (September) is the pool of the months after it, up to the
    /// latest month loaded (November here): the report said "no data" for October and November.
    @Test func theReservePoolCarriesToTheMonthsWithoutASheet() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            _ = try loadAll(connection)
            let later = try F.write("2022-11_钦南区_重大项目进度.csv", """
                钦南区2022年1-11月重大项目进度表
                项目代码,项目名称,1-11月完成投资
                2022-450702-48-01-000001,A路,100

                """, in: try F.temporaryDirectory())
            #expect(try Loader(connection: connection).load(file: later).outcome == .loaded)
            let months = try connection.query("""
                SELECT month_key, sum(project_count)::integer AS n FROM analyst.reserve_pool_category
                GROUP BY month_key ORDER BY month_key
                """).rows.map { "\($0["month_key"] ?? ""):\($0["n"] ?? "")" }
            let september = try #require(months.first)
            #expect(months.map { $0.prefix(6) } == ["202209", "202210", "202211"])
            #expect(Set(months.map { $0.dropFirst(7) }) == [september.dropFirst(7)])
        }
    }

    @Test func centralBudgetViewsMatchHandComputedFigures() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            _ = try loadAll(connection)
            let plans = try connection.query("""
                SELECT project_code, start_deadline::text AS d, start_status, late_start, payment_pct
                FROM analyst.central_budget_project WHERE month_key = 202209 ORDER BY project_code
                """).rows.map { "\($0["project_code"]!.suffix(2)) \($0["d"]!) \($0["start_status"]!) \($0["late_start"]!) \($0["payment_pct"] ?? "-")" }
            #expect(plans == [
                "05 2022-02-01 started f 100.00",   // 2021-… sorts first
                "01 2022-06-10 started f 90.00", "02 2022-05-15 started_late t 75.00",
                "03 2022-08-20 not_started_overdue t 50.00", "04 2022-11-01 not_started f 0.00",
            ])
            let summary = try connection.query("""
                SELECT region, issued_this_year_wan::numeric(18,2) AS i, issued_target_wan AS t, issued_completion_pct AS c,
                       paid_to_date_wan::numeric(18,2) AS p, payment_pct AS r, meets_payment_target AS m, late_start_count AS l
                FROM analyst.central_budget_summary WHERE month_key = 202209 ORDER BY row_kind = 'total', sort_order
                """).rows.map { r in ["region", "i", "t", "c", "p", "r", "m", "l"].map { r[$0] ?? "-" }.joined(separator: " ") }
            #expect(summary == [
                "钦南区 18000.00 - - 15000.00 83.33 f 1",
                "灵山县 18000.00 - - 6000.00 33.33 f 1",
                "浦北县 0.00 - - 5000.00 100.00 t 0",
                "钦州市合计 36000.00 40000 90.00 26000.00 63.41 f 2",
            ])
        }
    }

    /// 开工时间 in words (V019): 已开工 counts as started, on time (no date to be late by);
    /// 未开工 and 拟…开工 as not started, late once the deadline has passed.
    @Test func centralBudgetStartInWords() throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("2022-09_全市_中央预算内投资.csv")
        try Data("""
            2022年1-9月钦州市中央预算内投资项目进展情况表
            序号,县区,项目名称,项目代码,计划下达时间,下达中央预算内投资（万元）,累计支付（万元）,开工时间
            1,钦南区,A路,2022-450702-48-01-000001,2022-03-10,100,90,已开工
            2,钦南区,B港,2022-450702-48-01-000002,2022-02-15,80,60,未开工
            3,灵山县,C水,2022-450721-48-01-000003,2022-08-01,60,0,拟10月开工
            4,灵山县,D校,2022-450721-48-01-000004,2022-02-15,50,10,2022-07-20

            """.utf8).write(to: file)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let result = try Loader(connection: connection).load(file: file)
            #expect(result.outcome == .loaded && result.rowsLoaded == 4 && result.rowsRejected == 0, "\(result.summaryLine)")
            let plans = try connection.query("""
                SELECT project_code, coalesce(start_date::text, '-') AS d, coalesce(reported_started::text, '-') AS w,
                       started, start_status, late_start
                FROM analyst.central_budget_project ORDER BY project_code
                """).rows.map { r in ["project_code", "d", "w", "started", "start_status", "late_start"].map { r[$0] ?? "?" }
                    .joined(separator: " ").replacingOccurrences(of: "2022-4507", with: "") }
            #expect(plans == [
                "02-48-01-000001 - true t started f",
                "02-48-01-000002 - false f not_started_overdue t",
                "21-48-01-000003 - false f not_started f",
                "21-48-01-000004 2022-07-20 - t started_late t",
            ])
            #expect(try F.int(connection, "SELECT late_start_count AS n FROM analyst.central_budget_summary WHERE row_kind = 'total'") == 2)
        }
    }

    @Test func specialBondViewsApplyTheUseByDeadlines() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            _ = try loadAll(connection)
            let projects = try connection.query("""
                SELECT project_name, use_by_date::text AS u, usage_pct, time_progress_pct, lagging_reason
                FROM analyst.special_bond_project WHERE month_key = 202209 ORDER BY issue_date, project_code
                """).rows.map { r in ["project_name", "u", "usage_pct", "time_progress_pct", "lagging_reason"].map { r[$0] ?? "-" }.joined(separator: " ") }
            // Batch 1 (18 March): deadline 31 August, passed by 30 September; batch 3 (12 August):
            // deadline 28 February 2023, 49 of 200 days gone = 24.50%.
            #expect(projects == [
                "A路 2022-08-31 100.00 100 -", "H桥 2022-08-31 50.00 100 deadline passed, not fully used",
                "C水 2022-08-31 0.00 100 not started",
                "I园 2023-02-28 12.50 24.50 usage behind time", "J站 2023-02-28 50.00 24.50 -",
            ])
            let batches = try connection.query("""
                SELECT bond_batch, issued_wan::numeric(18,0) AS i, used_wan::numeric(18,0) AS u, usage_pct, days_to_deadline,
                       deadline_passed, start_rate_pct, lagging_count
                FROM analyst.special_bond_batch WHERE month_key = 202209 ORDER BY issue_date
                """).rows.map { r in ["bond_batch", "i", "u", "usage_pct", "days_to_deadline", "deadline_passed", "start_rate_pct", "lagging_count"]
                    .map { r[$0] ?? "-" }.joined(separator: " ") }
            #expect(batches == [
                "2022年第一批 20000 13000 65.00 -30 t 66.67 2",
                "2022年第三批 10000 2000 20.00 151 f 100.00 1",
            ])
        }
    }

    /// A batch is an issue date: one issuance named two ways is one batch (both names shown),
    /// and last year's `第一批` is not this year's.
    @Test func specialBondBatchesAreIssueDates() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("2022-06_全市_专项债券.csv")
        try Data("""
            2022年1-6月钦州市政府专项债券项目资金使用情况
            序号,县区,项目名称,项目代码,发行批次,发行时间,发行金额,已使用金额,是否开工
            1,钦南区,A路,2022-450702-48-01-000001,第一批,2022-03-18,8000,6000,已开工
            2,灵山县,C水,2022-450721-48-01-000003,2022年第1批,2022-03-18,4000,3000,已开工
            3,浦北县,J站,2021-450722-48-01-000009,第一批,2021-09-10,5000,5000,已开工
            4,钦北区,K桥,2022-450703-48-01-000010,2022年第一批,2022年3月,3000,3000,已开工

            """.utf8).write(to: file)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            #expect(try Loader(connection: connection).load(file: file).outcome == .loaded)
            let batches = try connection.query("""
                SELECT bond_batch, issue_date::text AS d, issued_wan::numeric(18,0) AS i, used_wan::numeric(18,0) AS u,
                       deadline_passed
                FROM analyst.special_bond_batch WHERE month_key = 202206 ORDER BY issue_date
                """).rows.map { r in ["bond_batch", "d", "i", "u", "deadline_passed"].map { r[$0] ?? "-" }.joined(separator: " ") }
            // 钦北区 wrote only the month of the March issuance: the same batch.
            #expect(batches == ["第一批 2021-09-10 5000 5000 t", "2022年第1批 / 2022年第一批 / 第一批 2022-03-18 15000 12000 f"])
        }
    }

    /// Sub-sections of a reserve sheet: `（一）公路` under `二、交通` is 交通 (not configured itself);
    /// `（一）城市更新` under `一、产业园区` is its own configured category; an unknown section
    /// (`三、水利工程`) is still rejected with the configured list.
    @Test func reserveSubSectionsFallBackToTheirSection() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("2022-06_全市_储备库.csv")
        try Data("""
            2022年6月钦州市基础设施项目储备库
            序号,项目名称,项目代码,县区,总投资,拟争取上级资金
            一、产业园区,,,,,
            （一）城市更新,,,,,
            1,钦南老旧小区改造,2022-450702-47-01-910005,钦南区,5000,2000
            二、交通,,,,,
            （一）公路,,,,,
            2,钦北一级公路,2022-450703-48-01-910001,钦北区,30000,12000
            三、水利工程,,,,,
            3,浦北水库除险加固,2022-450722-76-01-910003,浦北县,10000,6000

            """.utf8).write(to: file)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let result = try Loader(connection: connection).load(file: file)
            #expect(result.outcome == .loaded && result.rowsLoaded == 2 && result.rowsRejected == 1, "\(result.summaryLine)")
            let rows = try connection.query("""
                SELECT p.project_name, f.reserve_category FROM dw.fact_reserve_project_month f
                JOIN dw.dim_project p USING (region_key, project_key) ORDER BY f.line_no
                """).rows.map { "\($0["project_name"]!) \($0["reserve_category"]!)" }
            #expect(rows == ["钦南老旧小区改造 城市更新", "钦北一级公路 交通"])
            let reason = try connection.query("SELECT reason FROM etl.rejected_row").first?["reason"] ?? ""
            #expect(reason.contains("水利工程") && reason.contains("交通"))
        }
    }

    @Test func keyStalledAndReserveViews() throws {
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            _ = try loadAll(connection)
            let key = try connection.query("""
                SELECT key_rank, project_name, month, since_as_of_wan::numeric(18,0) AS s FROM analyst.key_project
                WHERE as_of_month_key = 202206 AND month_key IN (202206, 202209) ORDER BY key_rank, month_key
                """).rows.map { "\($0["key_rank"]!) \($0["project_name"]!) \($0["month"]!) \($0["s"]!)" }
            #expect(key == ["1 丙项目 2022-06 0", "1 丙项目 2022-09 50", "2 甲项目 2022-06 0", "2 甲项目 2022-09 300",
                            "3 乙项目 2022-06 0", "3 乙项目 2022-09 50"])

            let stalled = try connection.query("""
                SELECT month, project_name, listed_month, is_stalled, stall_reason, planned_restart_month, restarted,
                       restarted_month, restart_overdue
                FROM analyst.stalled_project ORDER BY month_key, project_code
                """).rows.map { r in ["month", "project_name", "listed_month", "is_stalled", "stall_reason", "planned_restart_month",
                                      "restarted", "restarted_month", "restart_overdue"].map { r[$0] ?? "-" }.joined(separator: " ") }
            #expect(stalled == [
                "2022-07 乙项目 2022-07 t 资金不到位 2022-09 f - f",
                "2022-08 乙项目 2022-07 t 资金不到位 2022-09 f - f",
                "2022-08 丙项目 2022-08 t 征地拆迁受阻 2022-08 f - f",
                "2022-09 乙项目 2022-07 f 资金不到位 2022-09 t 2022-09 f",
                "2022-09 丙项目 2022-08 t 征地拆迁受阻 2022-08 f - t",
            ])
            let counts = try connection.query("""
                SELECT month, region, listed_count, stalled_count, restarted_count, restart_overdue_count, newly_listed_count
                FROM analyst.stalled_region WHERE row_kind = 'region' ORDER BY month_key
                """).rows.map { r in ["month", "region", "listed_count", "stalled_count", "restarted_count", "restart_overdue_count",
                                      "newly_listed_count"].map { r[$0] ?? "-" }.joined(separator: " ") }
            #expect(counts == ["2022-07 钦南区 1 1 0 0 1", "2022-08 钦南区 2 2 0 0 1", "2022-09 钦南区 2 1 1 1 0"])

            let pool = try connection.query("""
                SELECT category, project_count, total_investment_wan::numeric(18,0) AS t, upper_funds_wan::numeric(18,0) AS u,
                       meets_count, meets_total, meets_upper_funds, meets_all, count_gap, total_gap_wan::numeric(18,0) AS tg,
                       from_policy
                FROM analyst.reserve_pool_category WHERE month_key = 202209 ORDER BY sort_order
                """).rows.map { r in ["category", "project_count", "t", "u", "meets_count", "meets_total", "meets_upper_funds",
                                      "meets_all", "count_gap", "tg", "from_policy"].map { r[$0] ?? "-" }.joined(separator: " ") }
            #expect(pool.count == 8)
            #expect(pool[0] == "产业园区 2 2500000 1000000 f t t f 38 0 t")
            #expect(pool[3] == "交通 1 200000 50000 f f f f 24 1300000 f")
            #expect(pool[1] == "农林水利 0 0 0 f f f f 30 1000000 f")
        }
    }
}
