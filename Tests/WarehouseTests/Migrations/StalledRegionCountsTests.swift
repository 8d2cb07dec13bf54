import Foundation
import PostgresClient
import TestSupport
import Testing
@testable import Warehouse

/// V025: the stalled-list counts per region and month (`dw.agg_stalled_region_month`, read by
/// `analyst.stalled_region`) are kept by the loader with the list, through loads, a revision
/// that supersedes a month and its revert.
@Suite struct StalledRegionCountsTests {
    static func sheet(month: Int, _ rows: [String]) -> String {
        """
        钦南区2022年1-\(month)月重大项目投资进度表
        项目名称,项目代码,1-\(month)月完成投资,项目状态,停工原因,计划复工时间
        甲项目,2020-450702-36-01-000101,500,在建,,
        """ + "\n" + rows.joined(separator: "\n")
    }
    static let yi = "乙项目,2020-450702-36-01-000102,300,停工,资金不到位,2022年3月"
    static let yiRestarted = "乙项目,2020-450702-36-01-000102,350,在建,,"
    static let bing = "丙项目,2020-450702-36-01-000103,200,停工,征地未完成,2022年12月"

    /// `month listed stalled restarted overdue newly` of 钦南区 and of the city's total row.
    static func counts(_ connection: Connection) throws -> [String] {
        try connection.query("""
            SELECT month, row_kind, listed_count, stalled_count, restarted_count, restart_overdue_count, newly_listed_count
            FROM analyst.stalled_region ORDER BY month_key, row_kind
            """).rows.map { r in
                ["month", "row_kind", "listed_count", "stalled_count", "restarted_count", "restart_overdue_count",
                 "newly_listed_count"].map { r[$0] ?? "-" }.joined(separator: " ")
            }
    }

    /// Region-months whose kept counts differ from a count of the list itself.
    static func drift(_ connection: Connection) throws -> Int {
        try LoaderFixtures.int(connection, """
            WITH c AS (
                SELECT x.region_key, x.month_key, count(*)::integer AS listed,
                       (count(*) FILTER (WHERE x.is_stalled))::integer AS stalled,
                       (count(*) FILTER (WHERE x.restarted_month_key IS NOT NULL))::integer AS restarted,
                       (count(*) FILTER (WHERE x.is_stalled AND x.planned_restart < m.month_start))::integer AS overdue,
                       (count(*) FILTER (WHERE x.listed_month_key = x.month_key))::integer AS newly
                FROM dw.agg_stalled_project_month x JOIN dw.dim_month m ON m.month_key = x.month_key
                GROUP BY 1, 2)
            SELECT count(*) AS n FROM c FULL JOIN dw.agg_stalled_region_month a USING (region_key, month_key)
            WHERE (c.listed, c.stalled, c.restarted, c.overdue, c.newly) IS DISTINCT FROM
                  (a.listed_count, a.stalled_count, a.restarted_count, a.restart_overdue_count, a.newly_listed_count)
            """)
    }

    @Test func countsFollowLoadsRevisionsAndReverts() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws -> URL { try LoaderFixtures.write(name, text, in: directory) }
        let files = [
            try write("2022-03_钦南区_重大项目进度.csv", Self.sheet(month: 3, [Self.yi])),
            try write("2022-04_钦南区_重大项目进度.csv", Self.sheet(month: 4, [Self.yi, Self.bing])),
            try write("2022-05_钦南区_重大项目进度.csv", Self.sheet(month: 5, [Self.yiRestarted, Self.bing])),
        ]
        // A revision of May: 乙 had not restarted after all.
        let revised = try write("2022-05_钦南区_重大项目进度_修订.csv", Self.sheet(month: 5, [Self.yi, Self.bing]))

        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            for file in files { #expect(try loader.load(file: file).outcome == .loaded) }
            // March: 乙 listed (its planned restart, March, is not yet past); April: 丙 listed,
            // 乙 past its planned restart; May: 乙 restarted.
            let loaded = [
                "2022-03 region 1 1 0 0 1", "2022-03 total 1 1 0 0 1",
                "2022-04 region 2 2 0 1 1", "2022-04 total 2 2 0 1 1",
                "2022-05 region 2 1 1 0 0", "2022-05 total 2 1 1 0 0",
            ]
            #expect(try Self.counts(connection) == loaded)
            #expect(try Self.drift(connection) == 0)

            let revision = try loader.load(file: revised)
            #expect(revision.outcome == .loaded && revision.supersededBatches.count == 1)
            #expect(try Self.counts(connection).suffix(2) == ["2022-05 region 2 2 0 1 0", "2022-05 total 2 2 0 1 0"])
            #expect(try Self.drift(connection) == 0)

            try LoadLock.acquire(on: connection, wait: false)
            defer { LoadLock.release(on: connection) }
            _ = try BatchRevert.revert(batch: try #require(revision.batchKey), loader: loader)
            #expect(try Self.counts(connection) == loaded)
            #expect(try Self.drift(connection) == 0)
        }
    }
}
