import Foundation
import PostgresClient
import SheetReader
import Testing
import TestSupport
@testable import Warehouse

/// A project the loader merged earlier in the run, restated unchanged, is copied straight into
/// the fact table (`ProjectCache`, `DirectFacts`): the warehouse must be exactly the one the
/// staging path gives, whatever changed between the files.
@Suite struct ProjectCacheTests {
    typealias Project = (code: String, name: String, department: String, ytd: String, status: String)

    static func code(_ i: Int) -> String { String(format: "2022-450721-36-01-%06d", i) }

    static func projectSheet(_ directory: URL, month: Int, _ projects: [Project], name: String? = nil) throws -> URL {
        let file = directory.appendingPathComponent(name ?? String(format: "2022-%02d_灵山县_重大项目进度.csv", month))
        var csv = "灵山县2022年1-\(month)月重大项目进度表\n项目代码,项目名称,责任单位,本年累计完成投资（万元）,项目状态\n"
        for p in projects { csv += "\(p.code),\(p.name),\(p.department),\(p.ytd),\(p.status)\n" }
        try Data(csv.utf8).write(to: file)
        return file
    }

    /// Every column the loader writes for projects, facts and their summaries.
    static func state(_ connection: Connection) throws -> [String] {
        try [
            "SELECT f.*, p.project_code FROM dw.fact_project_month f JOIN dw.dim_project p USING (region_key, project_key) ORDER BY 2, 3",
            "SELECT * FROM dw.dim_project ORDER BY project_key",
            "SELECT batch_key, status, rows_loaded, rows_rejected, scope FROM etl.load_batch ORDER BY batch_key",
            "SELECT * FROM dw.agg_project_region_month ORDER BY 1, 2, 3",
            "SELECT * FROM dw.agg_stalled_project_month ORDER BY 1, 2, 3",
        ].map { sql in
            try connection.query(SQL(unsafeRaw: sql)).rows.map { $0.values.map { $0 ?? "∅" }.joined(separator: "|") }
                .joined(separator: "\n")
        }
    }

    /// Loads `files` in order with one loader (through the read-ahead, as `invest-etl load`
    /// does), returning each file's result.
    static func loadInOneRun(_ files: [URL], _ connection: Connection, options: LoaderOptions = LoaderOptions()) throws -> [FileLoadResult] {
        let loader = Loader(connection: connection)
        let reading = loader.readAhead(files, read: options.read)
        defer { reading.stop() }
        var results: [FileLoadResult] = []
        while let next = try reading.next() { results.append(try loader.load(next, options: options)) }
        return results
    }

    @Test func unchangedProjectsAreCopiedAndTheWarehouseIsTheStagingPathsOne() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let may: [Project] = [(Self.code(1), "甲项目", "县发改局", "100", "在建"), (Self.code(2), "乙项目", "县交通局", "200", "在建"),
                              (Self.code(3), "丙项目", "县水利局", "300", "停工"), (Self.code(4), "丁项目", "县水利局", "50", "在建")]
        var june = may.filter { $0.code != Self.code(4) }.map { p -> Project in (p.code, p.name, p.department, p.ytd + "1", p.status) }
        june[1].name = "乙项目（二期）"               // renamed
        june[2].department = "县住建局"              // another department
        june[2].status = "在建"                      // restarted
        june.append((Self.code(5), "戊项目", "县交通局", "80", "在建"))  // new
        let july = june.map { p -> Project in (p.code, p.name, p.department, p.ytd + "2", p.status) }
            + [(Self.code(4), "丁项目", "县水利局", "70", "在建")]  // back, as in May
        let files = try [Self.projectSheet(directory, month: 5, may), Self.projectSheet(directory, month: 6, june),
                         Self.projectSheet(directory, month: 7, july)]

        let cached = try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let results = try Self.loadInOneRun(files, connection)
            #expect(results.map(\.outcome) == [.loaded, .loaded, .loaded])
            // May: nothing known yet. June: 甲 only (乙 renamed, 丙 moved, 戊 new). July: all five.
            #expect(results.map(\.factsCopied) == [0, 1, 5])
            #expect(results.map(\.rowsLoaded) == [4, 4, 5])
            return try Self.state(connection)
        }
        let staged = try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            for file in files {
                let result = try Loader(connection: connection).load(file: file)  // a new loader knows no project
                #expect(result.outcome == .loaded)
                #expect(result.factsCopied == 0)
            }
            return try Self.state(connection)
        }
        #expect(cached == staged)
        #expect(cached.first?.contains("乙项目（二期）") == false, "facts do not hold names")
        #expect(cached[1].contains("乙项目（二期）") && cached[1].contains("县住建局") == false,
                "dim_project holds the new name; departments are keys")
    }

    /// A corrected file for a month already loaded replaces the facts through the staging path.
    @Test func aReloadedMonthIsStagedAndReplacesTheFacts() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let may: [Project] = [(Self.code(1), "甲项目", "县发改局", "100", "在建"), (Self.code(2), "乙项目", "县交通局", "200", "在建")]
        var june = may
        june[0].ytd = "150"
        let first = try Self.projectSheet(directory, month: 5, may)
        let second = try Self.projectSheet(directory, month: 6, june)
        june[0].ytd = "155"
        let corrected = try Self.projectSheet(directory, month: 6, june, name: "2022-06_灵山县_重大项目进度（更正）.csv")
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let results = try Self.loadInOneRun([first, second, corrected], connection)
            #expect(results.map(\.outcome) == [.loaded, .loaded, .loaded])
            #expect(results.map(\.factsCopied) == [0, 2, 0])
            #expect(results[2].supersededBatches == [try #require(results[1].batchKey)])
            #expect(try LoaderFixtures.int(connection, """
                SELECT count(*) AS n FROM dw.fact_project_month WHERE month_key = 202206 AND batch_key = \(results[2].batchKey)
                """) == 2)
            #expect(try connection.query("""
                SELECT ytd_completed_wan::text AS v FROM dw.fact_project_month WHERE month_key = 202206 ORDER BY ytd_completed_wan
                """).rows.compactMap { $0["v"] } == ["155.000000", "200.000000"])
        }
    }

    /// What a file that did not load merged is not remembered: a rename in a file rejected for
    /// its rejects, then in a file whose transaction failed after its merge, reaches dim_project
    /// when a third file with the same rename loads.
    @Test func aFileThatDidNotLoadLeavesTheCacheAsItWas() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let may: [Project] = [(Self.code(1), "甲项目", "县发改局", "100", "在建"), (Self.code(2), "乙项目", "县交通局", "200", "在建")]
        var later = may
        later[0].name = "甲项目（扩建）"
        let files = try [Self.projectSheet(directory, month: 5, may),
                         Self.projectSheet(directory, month: 6, later + [(Self.code(9), "坏数项目", "县交通局", "abc", "在建")]),
                         Self.projectSheet(directory, month: 7, later), Self.projectSheet(directory, month: 8, later)]
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            // A failure after the merge: the refresh's statistics step raises while a table says so.
            try connection.execute("ALTER FUNCTION dw.analyze_stale_tables() RENAME TO analyze_stale_tables_real")
            try connection.execute("""
                CREATE FUNCTION dw.analyze_stale_tables() RETURNS text[] LANGUAGE plpgsql AS $$
                BEGIN
                    IF to_regclass('public.fail_loads') IS NOT NULL THEN RAISE EXCEPTION 'injected failure'; END IF;
                    RETURN dw.analyze_stale_tables_real();
                END $$;
                """)
            let loader = Loader(connection: connection)
            let options = LoaderOptions(maxRejects: 0)
            #expect(try loader.load(file: files[0], options: options).outcome == .loaded)
            #expect(try loader.load(file: files[1], options: options).outcome == .tooManyRejects)
            try connection.execute("CREATE TABLE public.fail_loads ()")
            #expect(throws: PostgresError.self) { try loader.load(file: files[2], options: options) }
            try connection.execute("DROP TABLE public.fail_loads")
            #expect(try connection.query("SELECT project_name FROM dw.dim_project WHERE project_code = \(Self.code(1))")
                .first?["project_name"] == "甲项目", "the failed file's rename rolled back")
            let result = try loader.load(file: files[3], options: options)
            #expect(result.outcome == .loaded)
            #expect(result.factsCopied == 1, "乙 unchanged since May; 甲's rename never loaded, so it is merged now")
            #expect(try connection.query("SELECT project_name FROM dw.dim_project WHERE project_code = \(Self.code(1))")
                .first?["project_name"] == "甲项目（扩建）")
        }
    }

    /// A policy sheet renames a project (latest name wins); the next progress sheet's name, the
    /// one cached, wins again: the cache forgot the project the policy sheet named.
    @Test func aPolicySheetsProjectIsMergedAgainByTheNextProgressSheet() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let projects: [Project] = [(Self.code(1), "甲项目", "县发改局", "100", "在建"), (Self.code(2), "乙项目", "县交通局", "200", "在建")]
        let budget = directory.appendingPathComponent("2022-05_全市_中央预算内投资.csv")
        try Data("""
            2022年1-5月钦州市中央预算内投资项目进展情况表
            单位：万元
            序号,县区,项目名称,项目代码,计划下达时间,下达中央预算内投资（万元）,累计支付（万元）,开工时间
            1,灵山县,甲项目（中央预算内）,\(Self.code(1)),2022-03-10,1000,900,2022-04-01

            """.utf8).write(to: budget)
        let files = try [Self.projectSheet(directory, month: 5, projects), budget, Self.projectSheet(directory, month: 6, projects)]
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let results = try Self.loadInOneRun(files, connection)
            #expect(results.map(\.outcome) == [.loaded, .loaded, .loaded])
            #expect(results[2].factsCopied == 1, "乙 copied; 甲 merged again")
            #expect(try connection.query("SELECT project_name FROM dw.dim_project WHERE project_code = \(Self.code(1))")
                .first?["project_name"] == "甲项目")
        }
    }

    /// An older month re-sent after a later one (a corrected August after September) replaces
    /// August's figures but does not turn the projects back into what they were in August; the
    /// month after, with one loader for the run, still merges what changes.
    @Test func anOlderMonthDoesNotTurnProjectsBack() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let august: [Project] = [(Self.code(1), "医院综合楼", "县卫健局", "100", "在建"), (Self.code(2), "乙项目", "县交通局", "200", "在建")]
        var september = august
        september[0].name = "人民医院门诊综合楼建设项目"
        september[0].ytd = "150"
        var augustAgain = august
        augustAgain[1].ytd = "210"
        var october = september
        october[1].name = "乙项目（二期）"
        let files = try [Self.projectSheet(directory, month: 8, august), Self.projectSheet(directory, month: 9, september),
                         Self.projectSheet(directory, month: 8, augustAgain, name: "2022-08_灵山县_重大项目进度（重报）.csv"),
                         Self.projectSheet(directory, month: 10, october)]
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let results = try Self.loadInOneRun(files, connection)
            #expect(results.map(\.outcome) == [.loaded, .loaded, .loaded, .loaded])
            #expect(results[2].supersededBatches == [try #require(results[0].batchKey)])
            let names = try connection.query("SELECT project_name FROM dw.dim_project ORDER BY project_code").rows.compactMap { $0["project_name"] }
            #expect(names == ["人民医院门诊综合楼建设项目", "乙项目（二期）"])
            #expect(try LoaderFixtures.int(connection, """
                SELECT ytd_completed_wan::integer AS n FROM dw.fact_project_month f JOIN dw.dim_project p USING (region_key, project_key)
                WHERE f.month_key = 202208 AND p.project_code = \(Self.code(2))
                """) == 210)
        }
    }

    /// A project reported under a temporary code, then under its unified code (same name, same
    /// county, the temporary code gone): one project, both months its own, in one run or in two.
    /// Two projects of one name under temporary codes are left alone (which one?).
    @Test(arguments: [true, false])
    func aTemporaryCodeReplacedByTheUnifiedOneKeepsTheProject(oneRun: Bool) throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let july: [Project] = [("灵山临时-2021-07", "新材料产业园标准厂房", "县工信局", "380", "在建"),
                               ("灵山临时-2021-08", "同名项目", "县工信局", "10", "在建"),
                               ("灵山临时-2021-09", "同名项目", "县交通局", "20", "在建"),
                               (Self.code(1), "甲项目", "县发改局", "100", "在建")]
        let august: [Project] = [(Self.code(102), "新材料产业园标准厂房", "县工信局", "460", "在建"),
                                 (Self.code(103), "同名项目", "县工信局", "15", "在建"),
                                 (Self.code(1), "甲项目", "县发改局", "120", "在建")]
        let files = try [Self.projectSheet(directory, month: 7, july), Self.projectSheet(directory, month: 8, august)]
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let results = oneRun ? try Self.loadInOneRun(files, connection)
                                 : try files.map { try Loader(connection: connection).load(file: $0) }
            #expect(results.map(\.outcome) == [.loaded, .loaded])
            let relinked = results[1].warnings.filter { $0.message.contains("temporary code") }
            #expect(relinked.count == 1)
            #expect(relinked.first?.message.contains(
                "新材料产业园标准厂房 had the temporary code 灵山临时-2021-07 and now its unified code \(Self.code(102))") == true)
            let months = try connection.query("""
                SELECT p.project_code, string_agg(f.month_key::text, ',' ORDER BY f.month_key) AS m
                FROM dw.dim_project p JOIN dw.fact_project_month f USING (region_key, project_key)
                GROUP BY p.project_code ORDER BY 1
                """).rows.map { "\($0["project_code"] ?? ""):\($0["m"] ?? "")" }
            #expect(months == ["\(Self.code(1)):202207,202208", "\(Self.code(102)):202207,202208", "\(Self.code(103)):202208",
                               "灵山临时-2021-08:202207", "灵山临时-2021-09:202207"])
        }
    }

    /// A file too large for the client to find its repeats: the rows held for copying go to
    /// staging when the ledger overflows, and a repeat of one of them is rejected by the server.
    @Test func rowsHeldForCopyingAreStagedWhenTheFileOutgrowsTheLedger() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let known: [Project] = (1...50).map { (Self.code($0), "项目\($0)", "县发改局", "\($0)", "在建") }
        let count = ProjectLedger().keyLimit + 10
        let large = (1...count).map { i -> Project in (Self.code(i), "项目\(i)", "县发改局", "\(i)", "在建") }
            + [(Self.code(7), "项目7", "县发改局", "1", "在建")]  // repeats a row held for copying
        let files = try [Self.projectSheet(directory, month: 5, known), Self.projectSheet(directory, month: 6, large)]
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let results = try Self.loadInOneRun(files, connection)
            #expect(results.map(\.outcome) == [.loaded, .loaded])
            #expect(results[1].factsCopied == 0)
            #expect(results[1].rowsLoaded == count)
            #expect(results[1].rowsRejected == 1)
            #expect(try connection.query("SELECT reason FROM etl.rejected_row").first?["reason"]?.contains("duplicate of line 9") == true)
            #expect(try LoaderFixtures.int(connection, "SELECT count(*) AS n FROM dw.fact_project_month WHERE month_key = 202206") == count)
        }
    }
}

/// The cache's own table: what it keeps, forgets and refuses.
@Suite struct ProjectCacheTableTests {
    @Test(arguments: [10, 5_000])
    func keepsCommittedEntriesOnly(_ count: Int) {
        let cache = ProjectCache()
        for i in 0 ..< count { cache.stage(region: i % 3, code: "C-\(i)", key: i, attributes: i * 7) }
        #expect(cache.isEmpty, "nothing before the commit")
        cache.commit()
        #expect(cache.count == count)
        for i in 0 ..< count {
            #expect(cache.entry(region: i % 3, code: "C-\(i)") == ProjectCache.Entry(key: i, attributes: i * 7))
        }
        #expect(cache.entry(region: 1, code: "C-0") == nil, "another region's project")
        cache.stage(region: 0, code: "C-0", key: 0, attributes: 1)
        cache.discardPending()
        cache.commit()
        #expect(cache.entry(region: 0, code: "C-0")?.attributes == 0)
    }

    @Test func updatesForgetsAndComparesBytes() {
        let cache = ProjectCache()
        cache.stage(region: 1, code: "é-1", key: 10, attributes: 1)           // precomposed
        cache.stage(region: 1, code: "A-2", key: 11, attributes: 2)
        cache.commit()
        #expect(cache.entry(region: 1, code: "e\u{301}-1") == nil, "codes compare by their bytes, as text does in the server")
        cache.stage(region: 1, code: "A-2", key: 11, attributes: 3)
        cache.commit()
        #expect(cache.entry(region: 1, code: "A-2")?.attributes == 3)
        cache.forget(region: 1, code: " A-2 ")
        #expect(cache.entry(region: 1, code: "A-2") == nil)
        #expect(cache.entry(region: 1, code: "é-1")?.key == 10)
        cache.stage(region: 1, code: "A-2", key: 11, attributes: 4)
        cache.commit()
        #expect(cache.entry(region: 1, code: "A-2")?.attributes == 4, "a forgotten project is learnt again")
    }

    @Test func stopsGrowingAtItsLimit() {
        let cache = ProjectCache(limit: 3)
        for i in 0 ..< 5 { cache.stage(region: 1, code: "C-\(i)", key: i, attributes: 0) }
        cache.commit()
        #expect(cache.count == 3)
        #expect(cache.entry(region: 1, code: "C-4") == nil)
        cache.stage(region: 1, code: "C-0", key: 0, attributes: 9)
        cache.commit()
        #expect(cache.entry(region: 1, code: "C-0")?.attributes == 9, "a kept project still changes")
    }
}
