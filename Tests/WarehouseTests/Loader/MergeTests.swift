import Foundation
import PostgresClient
import Testing
import TestSupport
@testable import Warehouse

/// `Merge.projectName`: a project keeps its stored name when a later file gives that name with
/// characters turned into `?` by an ANSI export; any other new name is stored (latest wins).
@Suite struct MergeTests {
    static func code(_ i: Int) -> String { ProjectCacheTests.code(i) }

    static func names(_ connection: Connection) throws -> [String] {
        try connection.query("SELECT project_name FROM dw.dim_project ORDER BY project_code").rows.map { $0["project_name"] ?? "∅" }
    }

    @Test func aNameWithLostCharactersKeepsTheStoredOne() throws {
        let directory = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let may: [ProjectCacheTests.Project] = [
            (Self.code(1), "灵山县𠮷祥路改造工程", "县交通局", "100", "在建"),
            (Self.code(2), "灵山县䶮村污水处理厂", "县水利局", "200", "在建"),
            (Self.code(3), "灵山县100元整完成", "县水利局", "300", "在建"),
        ]
        let june: [ProjectCacheTests.Project] = [
            (Self.code(1), "灵山县?祥路改造工程", "县交通局", "110", "在建"),           // lost: keeps May's
            (Self.code(2), "灵山县?村污水处理厂（二期）", "县水利局", "210", "在建"),    // renamed: stored as written
            (Self.code(3), "灵山县100%?完成", "县水利局", "310", "在建"),                // `%` is no wildcard: stored
        ]
        let july = june.map { p -> ProjectCacheTests.Project in (p.code, p.name, p.department, p.ytd + "1", p.status) }
        let files = try [ProjectCacheTests.projectSheet(directory, month: 5, may), ProjectCacheTests.projectSheet(directory, month: 6, june),
                         ProjectCacheTests.projectSheet(directory, month: 7, july)]
        let expected = ["灵山县𠮷祥路改造工程", "灵山县?村污水处理厂（二期）", "灵山县100%?完成"]
        // One loader (July copied through the project cache) and a new loader per file agree.
        for oneRun in [true, false] {
            let names = try TestDatabase.withFreshDatabase(migrated: true) { connection, _ -> [String] in
                let outcomes = oneRun ? try ProjectCacheTests.loadInOneRun(files, connection).map(\.outcome)
                    : try files.map { try Loader(connection: connection).load(file: $0).outcome }
                #expect(outcomes == [.loaded, .loaded, .loaded])
                return try Self.names(connection)
            }
            #expect(names == expected, "one run: \(oneRun)")
        }
    }
}
