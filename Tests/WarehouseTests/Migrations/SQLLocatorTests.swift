import Foundation
import Testing
import Warehouse

@Suite struct SQLLocatorTests {
    let root: URL
    let sql: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("locator-\(UUID().uuidString)")
        sql = root.appendingPathComponent("repo/sql")
        try FileManager.default.createDirectory(at: sql.appendingPathComponent("migrations"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("repo/.build/debug"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
    }

    @Test func explicitDirectoryWins() throws {
        let found = try SQLLocator.locate(
            explicit: sql.path, environment: ["INVEST_SQL_DIR": "/nonexistent"],
            executableDirectory: nil, currentDirectory: root.appendingPathComponent("elsewhere"))
        #expect(found.path == sql.standardizedFileURL.path)
    }

    @Test func environmentBeforeSearching() throws {
        let found = try SQLLocator.locate(
            explicit: nil, environment: ["INVEST_SQL_DIR": sql.path],
            executableDirectory: nil, currentDirectory: root.appendingPathComponent("elsewhere"))
        #expect(found.path == sql.standardizedFileURL.path)
    }

    @Test func walksUpFromTheExecutableThenTheCurrentDirectory() throws {
        let fromExecutable = try SQLLocator.locate(
            explicit: nil, environment: [:],
            executableDirectory: root.appendingPathComponent("repo/.build/debug"),
            currentDirectory: root.appendingPathComponent("elsewhere"))
        #expect(fromExecutable.path == sql.standardizedFileURL.path)
        let fromCurrent = try SQLLocator.locate(
            explicit: nil, environment: [:],
            executableDirectory: root.appendingPathComponent("elsewhere"),
            currentDirectory: root.appendingPathComponent("repo/.build"))
        #expect(fromCurrent.path == sql.standardizedFileURL.path)
    }

    @Test func aGivenDirectoryWithoutMigrationsIsAnError() {
        #expect(throws: SQLLocator.NotFound.self) {
            try SQLLocator.locate(
                explicit: root.appendingPathComponent("elsewhere").path, environment: [:],
                executableDirectory: root.appendingPathComponent("repo/.build/debug"), currentDirectory: root)
        }
    }

    @Test func notFoundSaysWhereItLooked() {
        do {
            _ = try SQLLocator.locate(
                explicit: nil, environment: [:],
                executableDirectory: root.appendingPathComponent("elsewhere"),
                currentDirectory: root.appendingPathComponent("elsewhere"))
            Issue.record("should not find anything")
        } catch {
            #expect("\(error)".contains("--sql-dir"))
            #expect("\(error)".contains("elsewhere"))
        }
    }
}
