import Foundation
import PostgresClient
import SheetReader
import TestSupport
import Testing
@testable import Warehouse

/// The staging lines the read-ahead thread prepares (`StagingPreparer`) are the loader's own:
/// byte for byte per row, and the same warehouse after loading through either path.
@Suite struct StagingPreparerTests {
    static let city = RegionResolverTests.city
    static let pubei = RegionResolverTests.pubei
    static let qinnan = RegionResolverTests.qinnan

    /// A city-wide sheet with a region column: a row with no region at all (the sheet's), one
    /// in a known county, one in an unknown one, then rows with an empty region cell (merged
    /// over them): one whose code names a county, one that takes the unknown county above; names
    /// with a tab, a backslash and a line break, to be escaped.
    static let csv = """
        钦州市2022年1-6月重大项目进度表,,,,,
        县区,项目代码,项目名称,行业,本年累计完成投资（万元）,项目状态
        ,QZ-2022-004,"市本级
        项目",,400,在建
        浦北县,2021-450722-30-03-054321,浦北县新材料项目,制造业,100.5,在建
        无此县,2022-450799-44-01-000002,未知县区项目,,200,在建
        ,2021-450702-30-03-000003,"钦南区\t码头\\\\二期",交通运输业,300.25,停工
        ,QZ-2022-005,合并单元格下的项目,,50,在建

        """

    @Test func preparedLineIsTheLoadersLine() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("2022-06_钦州市_重大项目进度.csv")
        try Data(Self.csv.utf8).write(to: file)
        let sheet = try SheetReaderOpener.open(file, ReadOptions())
        let preparer = try #require(StagingPreparer(info: sheet.info, regions: RegionResolverTests.resolver))
        let expectedRegions: [Int: RegionRef?] = [3: Self.city, 5: Self.pubei, 6: nil, 7: Self.qinnan, 8: nil]
        var seen: [Int] = []
        while let outcome = try sheet.next() {
            guard case .data(.project(let row)) = outcome else {
                #expect(preparer.prepare(outcome) == nil)
                continue
            }
            seen.append(row.line)
            let prepared = preparer.prepare(outcome)
            guard let region = try #require(expectedRegions[row.line]) else {
                #expect(prepared == nil, "line \(row.line): an unknown region is left to the loader, which rejects it")
                continue
            }
            var expected: [UInt8] = []
            StagingWriter.appendRow(StagingRows.project(row, batch: 7, region: region.key, month: 202206,
                                                        classifier: ProjectClassifier.Memo()), to: &expected)
            #expect(Array("7".utf8) + (prepared?.line ?? []) == expected, "line \(row.line)")
            #expect(prepared?.region == region.key, "line \(row.line)")
        }
        #expect(seen == [3, 5, 6, 7, 8])
    }

    @Test func otherLayoutsAreNotPrepared() throws {
        let samples = try LoaderFixtures.samples()
        defer { try? FileManager.default.removeItem(at: samples) }
        let sheet = try SheetReaderOpener.open(LoaderFixtures.file(samples, 2022, "2022-03_全市_主要指标.csv"), ReadOptions())
        #expect(StagingPreparer(info: sheet.info, regions: RegionResolverTests.resolver) == nil)
    }

    /// The sample set loaded as `invest-etl load` does (read ahead, prepared lines) and file by
    /// file without read-ahead: the same facts, projects, batches, skipped and rejected rows.
    /// Also when a region alias changes after the read-ahead read the table: its prepared lines
    /// (and slimmed rows) are then unusable, and the loader reads each file again itself.
    @Test(arguments: [false, true])
    func loadingThroughTheReadAheadGivesTheSameWarehouse(aliasChangedMeanwhile: Bool) throws {
        let samples = try LoaderFixtures.samples()
        defer { try? FileManager.default.removeItem(at: samples) }
        let files = try InputFiles.expand([samples.path])
        let direct = try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            if aliasChangedMeanwhile { try Self.movePubeiToTheCity(connection) }
            let loader = Loader(connection: connection)
            for file in files { _ = try loader.load(file: file) }
            return try Self.contents(connection)
        }
        let ahead = try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let reading = loader.readAhead(files, read: ReadOptions())
            defer { reading.stop() }
            #expect(reading.regions != nil)
            if aliasChangedMeanwhile { try Self.movePubeiToTheCity(connection) }
            while let file = reading.next() { _ = try loader.load(file) }
            return try Self.contents(connection)
        }
        #expect(direct.count > 100)
        #expect(ahead == direct)
    }

    /// 浦北县's names made the city's: rows and files naming 浦北县 are booked to 钦州市 (which has
    /// no project sheet of its own here, so nothing supersedes them).
    static func movePubeiToTheCity(_ connection: Connection) throws {
        try connection.execute("""
            UPDATE dw.dim_region_alias SET region_key = (SELECT region_key FROM dw.dim_region WHERE region_code = '450700')
            WHERE region_key = (SELECT region_key FROM dw.dim_region WHERE region_code = '450722')
            """)
    }

    /// Every project fact with its project's attributes, and the batches' accounting.
    static func contents(_ connection: Connection) throws -> [String] {
        let facts = try connection.query("""
            SELECT concat_ws('|', r.region_code, p.project_code, p.project_name, p.industry, p.category, p.is_industrial,
                             p.is_manufacturing, p.is_private, p.is_infrastructure, p.infrastructure_type,
                             p.is_real_estate, p.nature, p.total_investment_wan, p.start_date, d.name, f.month_key,
                             f.ytd_completed_wan, f.month_completed_wan, f.annual_plan_wan, f.status, f.stall_reason,
                             f.planned_restart, f.batch_key, f.line_no) AS line
            FROM dw.fact_project_month f
            JOIN dw.dim_project p ON p.region_key = f.region_key AND p.project_key = f.project_key
            JOIN dw.dim_region r ON r.region_key = f.region_key
            LEFT JOIN dw.dim_department d ON d.department_key = p.department_key
            ORDER BY 1
            """).rows.compactMap { $0["line"] }
        let batches = try connection.query("""
            SELECT concat_ws('|', batch_key, status, lines_read, rows_loaded, rows_skipped, rows_rejected, scope) AS line
            FROM etl.load_batch ORDER BY batch_key
            """).rows.compactMap { $0["line"] }
        let rows = try connection.query("""
            SELECT concat_ws('|', 'rejected', batch_key, line_no, column_no, raw_text, reason) AS line FROM etl.rejected_row
            UNION ALL SELECT concat_ws('|', 'skipped', batch_key, line_no, kind, reason) FROM etl.skipped_row
            ORDER BY 1
            """).rows.compactMap { $0["line"] }
        return facts + batches + rows
    }
}
