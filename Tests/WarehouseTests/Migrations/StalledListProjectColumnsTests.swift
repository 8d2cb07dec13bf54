import Foundation
import PostgresClient
import TestSupport
import Testing
@testable import Warehouse

/// V013: `dw.agg_stalled_project_month` carries the project's code, name and department so the
/// stalled list needs no probe of `dim_project`; the loader keeps them equal to the dimension
/// in every row, including rows of months and years no later file rewrites.
@Suite struct StalledListProjectColumnsTests {
    static func progress(year: Int, month: Int, name: String, status: String, department: String) -> String {
        """
        钦南区\(year)年1-\(month)月重大项目投资进度表
        项目名称,项目代码,1-\(month)月完成投资,年度计划投资,项目状态,停工原因,计划复工时间,责任单位
        \(name),2020-450702-36-01-000102,300,600,\(status),资金不到位,\(year)年12月,\(department)
        甲项目,2020-450702-36-01-000101,500,1000,在建,,,市发展改革委
        """
    }

    /// Every stalled-list row whose stored code, name or department differs from dim_project's.
    static func staleRows(_ connection: Connection) throws -> Int {
        try LoaderFixtures.int(connection, """
            SELECT count(*) AS n FROM dw.agg_stalled_project_month a
            JOIN dw.dim_project p ON p.region_key = a.region_key AND p.project_key = a.project_key
            WHERE (a.project_code, a.project_name, a.department_key)
                  IS DISTINCT FROM (p.project_code, p.project_name, p.department_key)
            """)
    }

    static func listed(_ connection: Connection) throws -> [String] {
        try connection.query("""
            SELECT month, project_name, coalesce(department, '-') AS department
            FROM analyst.stalled_project ORDER BY month_key, project_code
            """).rows.map { "\($0["month"]!) \($0["project_name"]!) \($0["department"]!)" }
    }

    @Test func renamesReachEveryMonthAndYearOfTheList() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws -> URL {
            let url = directory.appendingPathComponent(name)
            try Data((text + "\n").utf8).write(to: url)
            return url
        }
        let files = [
            try write("2021-11_钦南区_重大项目进度.csv",
                      Self.progress(year: 2021, month: 11, name: "乙项目", status: "停工", department: "市交通运输局")),
            try write("2022-03_钦南区_重大项目进度.csv",
                      Self.progress(year: 2022, month: 3, name: "乙项目", status: "停工", department: "市交通运输局")),
            try write("2022-04_钦南区_重大项目进度.csv",
                      Self.progress(year: 2022, month: 4, name: "乙项目", status: "停工", department: "市交通运输局")),
        ]
        // A later month renames the project and moves it to another department; a revised sheet
        // of that month takes both back.
        let renamed = try write("2022-05_钦南区_重大项目进度.csv",
                                Self.progress(year: 2022, month: 5, name: "乙项目（二期）", status: "停工", department: "市水利局"))
        let revised = try write("2022-05_钦南区_重大项目进度_修订.csv",
                                Self.progress(year: 2022, month: 5, name: "乙项目", status: "停工", department: "市交通运输局")
                                    + "\n丁项目,2020-450702-36-01-000104,1,1,在建,,,")

        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            for file in files { #expect(try loader.load(file: file).outcome == .loaded) }
            let before = ["2021-11 乙项目 市交通运输局", "2022-03 乙项目 市交通运输局", "2022-04 乙项目 市交通运输局"]
            #expect(try Self.listed(connection) == before)

            #expect(try loader.load(file: renamed).outcome == .loaded)
            // 2022-05 is written by the refresh; 2021-11, 2022-03 and 2022-04 by the sync.
            let after = ["2021-11 乙项目（二期） 市水利局", "2022-03 乙项目（二期） 市水利局",
                         "2022-04 乙项目（二期） 市水利局", "2022-05 乙项目（二期） 市水利局"]
            #expect(try Self.listed(connection) == after)
            #expect(try Self.staleRows(connection) == 0)

            let revision = try loader.load(file: revised)
            #expect(revision.outcome == .loaded && revision.supersededBatches.count == 1)
            #expect(try Self.listed(connection) == before + ["2022-05 乙项目 市交通运输局"])

            // Reverting the revision re-derives the renaming batch from its bytes: renamed again.
            try LoadLock.acquire(on: connection, wait: false)
            defer { LoadLock.release(on: connection) }
            _ = try BatchRevert.revert(batch: try #require(revision.batchKey), loader: loader)
            #expect(try Self.listed(connection) == after)
            #expect(try Self.staleRows(connection) == 0)
        }
    }
}
