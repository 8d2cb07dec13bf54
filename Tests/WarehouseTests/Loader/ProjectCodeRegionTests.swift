import Foundation
import PostgresClient
import SheetReader
import TestSupport
import Testing
@testable import Warehouse

/// A city-wide project sheet without a region column: each project lands in the county its
/// unified code names; a code of another city, or none, keeps the sheet's region.
@Suite struct ProjectCodeRegionTests {
    /// Loads `csv` as a city-wide September sheet into a fresh warehouse.
    static func load(_ csv: String, _ body: (Connection, FileLoadResult) throws -> Void) throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("钦州市重大项目_202209.csv")
        try Data(csv.utf8).write(to: file)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            try body(connection, try Loader(connection: connection).load(file: file))
        }
    }

    @Test func cityWideSheetPutsProjectsInTheirCodesCounty() throws {
        let csv = """
            钦州市2022年1-9月重大项目进度表,,,
            项目代码,项目名称,本年累计完成投资（万元）,项目状态
            2021-450722-30-03-054321,浦北县新材料项目,100.5,在建
            2022-450721-44-01-000002,灵山县光伏电站,200,在建
            2022-450100-44-01-000003,南宁代码项目,300,在建
            QZ-2022-001,市本级项目,400,在建

            """
        try Self.load(csv) { connection, result in
            #expect(result.outcome == .loaded, "\(result.summaryLine)")
            let rows = try connection.query("""
                SELECT p.project_code, r.name, f.ytd_completed_wan::text AS ytd
                FROM dw.fact_project_month f
                JOIN dw.dim_project p ON p.region_key = f.region_key AND p.project_key = f.project_key
                JOIN dw.dim_region r ON r.region_key = f.region_key
                ORDER BY p.project_code
                """).rows.map { [$0["project_code"] ?? "", $0["name"] ?? "", $0["ytd"] ?? ""] }
            #expect(rows == [
                ["2021-450722-30-03-054321", "浦北县", "100.500000"],
                ["2022-450100-44-01-000003", "钦州市", "300.000000"],
                ["2022-450721-44-01-000002", "灵山县", "200.000000"],
                ["QZ-2022-001", "钦州市", "400.000000"],
            ])
            // The county summaries see their projects.
            let pubei = try connection.query("""
                SELECT a.ytd_completed_wan::text AS v FROM dw.agg_project_region_month a
                JOIN dw.dim_region r USING (region_key) JOIN dw.dim_indicator i USING (indicator_key)
                WHERE r.region_code = '450722' AND i.indicator_code = 'fai' AND a.month_key = 202209
                """).first?["v"]
            #expect(pubei == "100.500000")
        }
    }

    /// A sheet whose title lists two counties (`钦州市灵山县、浦北县…`) is the city's: each
    /// project lands in the county its code names (浦北县's was booked to 灵山县, the first
    /// county of the title).
    @Test func titleListingTwoCountiesBooksEachProjectToItsCodesCounty() throws {
        let csv = """
            2022年1-9月钦州市灵山县、浦北县重大项目投资进度表,,,
            项目代码,项目名称,本年累计完成投资（万元）,项目状态
            2022-450721-36-03-610001,灵山甲项目,2400,在建
            2022-450722-36-03-610002,浦北甲项目,1300,在建

            """
        try Self.load(csv) { connection, result in
            #expect(result.outcome == .loaded, "\(result.summaryLine)")
            #expect(result.region == "钦州市")
            let rows = try connection.query("""
                SELECT p.project_code, r.name FROM dw.fact_project_month f
                JOIN dw.dim_project p ON p.region_key = f.region_key AND p.project_key = f.project_key
                JOIN dw.dim_region r ON r.region_key = f.region_key ORDER BY p.project_code
                """).rows.map { [$0["project_code"] ?? "", $0["name"] ?? ""] }
            #expect(rows == [["2022-450721-36-03-610001", "灵山县"], ["2022-450722-36-03-610002", "浦北县"]])
        }
    }

    /// A city-wide sheet whose 县区 cell is merged over each county's projects (the text is on
    /// the group's first row only): the rows below take the group's county, unless their code
    /// names another; an unknown county in the group rejects its rows with that name.
    @Test func mergedRegionCellCoversTheRowsBelow() throws {
        let csv = """
            钦州市2022年1-9月重大项目进度表,,,
            县区,项目代码,项目名称,本年累计完成投资（万元）
            灵山县,LS-001,灵山甲,10
            ,LS-002,灵山乙,20
            ,2021-450722-30-03-054321,浦北代码项目,30
            浦北县,PB-001,浦北甲,40
            ,PB-002,浦北乙,50
            无此县,XX-001,未知甲,60
            ,XX-002,未知乙,70

            """
        try Self.load(csv) { connection, result in
            #expect(result.rowsLoaded == 5 && result.rowsRejected == 2, "\(result.summaryLine)")
            let rows = try connection.query("""
                SELECT p.project_code, r.name FROM dw.fact_project_month f
                JOIN dw.dim_project p ON p.region_key = f.region_key AND p.project_key = f.project_key
                JOIN dw.dim_region r ON r.region_key = f.region_key ORDER BY p.project_code
                """).rows.map { [$0["project_code"] ?? "", $0["name"] ?? ""] }
            #expect(rows == [["2021-450722-30-03-054321", "浦北县"], ["LS-001", "灵山县"], ["LS-002", "灵山县"],
                             ["PB-001", "浦北县"], ["PB-002", "浦北县"]])
            let rejects = try connection.query("SELECT line_no, reason FROM etl.rejected_row ORDER BY line_no").rows
            #expect(rejects.map { $0["line_no"] } == ["8", "9"])
            #expect(rejects.allSatisfy { ($0["reason"] ?? "").contains("无此县") })
        }
    }
}
