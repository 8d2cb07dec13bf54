import Foundation
import PostgresClient
import SheetReader
import TestSupport
import Testing
@testable import Warehouse

/// V017: 市直 in a city-wide project sheet's 县区 column is the city, as 市本级 is.
@Suite struct CityOwnPartAliasTests {
    @Test func shiZhiProjectsAreTheCitys() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("2022-06_钦州市_重大项目进度.csv")
        try Data("""
            钦州市2022年1-6月重大项目进度表
            县区,项目代码,项目名称,本年累计完成投资（万元）
            市直,QZ-2022-101,市直项目,300
            市本级,QZ-2022-102,市本级项目,200

            """.utf8).write(to: file)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let result = try Loader(connection: connection).load(file: file)
            #expect(result.outcome == .loaded && result.rowsLoaded == 2 && result.rowsRejected == 0, "\(result.summaryLine)")
            let regions = try connection.query("""
                SELECT DISTINCT r.region_code FROM dw.fact_project_month f JOIN dw.dim_region r USING (region_key)
                """).rows.compactMap { $0["region_code"] }
            #expect(regions == ["450700"])
        }
    }
}
