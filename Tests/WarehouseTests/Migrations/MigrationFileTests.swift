import Foundation
import Testing
import Warehouse

@Suite struct MigrationFileTests {
    @Test(arguments: [
        ("V001__star_schema.sql", 1, "star_schema"),
        ("V12__add_x.sql", 12, "add_x"),
        ("V0100__a__b.sql", 100, "a__b"),
    ])
    func parsesNames(fileName: String, version: Int, name: String) throws {
        let parsed = try #require(MigrationFile.parseName(fileName))
        #expect(parsed.version == version)
        #expect(parsed.name == name)
    }

    @Test(arguments: ["001__x.sql", "V001_x.sql", "V__x.sql", "V001__.sql", "Vab__x.sql", "V000__zero.sql", "V001__x.txt", "v001__x.sql"])
    func rejectsBadNames(fileName: String) {
        #expect(MigrationFile.parseName(fileName) == nil)
    }

    @Test func loadSortsByVersionAndRejectsDuplicates() throws {
        let directory = try temporaryDirectory()
        try "SELECT 2;".write(to: directory.appendingPathComponent("V010__b.sql"), atomically: true, encoding: .utf8)
        try "SELECT 1;".write(to: directory.appendingPathComponent("V2__a.sql"), atomically: true, encoding: .utf8)
        try "notes".write(to: directory.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let files = try MigrationFile.load(from: directory)
        #expect(files.map(\.version) == [2, 10])
        #expect(files[0].checksum == SHA256.hexDigest(Array("SELECT 1;".utf8)))

        try "SELECT 3;".write(to: directory.appendingPathComponent("V002__dup.sql"), atomically: true, encoding: .utf8)
        #expect(throws: MigrationError.self) { try MigrationFile.load(from: directory) }
    }

    @Test func badFileNameErrorNamesTheFile() throws {
        let directory = try temporaryDirectory()
        try "SELECT 1;".write(to: directory.appendingPathComponent("create_things.sql"), atomically: true, encoding: .utf8)
        do {
            _ = try MigrationFile.load(from: directory)
            Issue.record("expected a bad-name error")
        } catch {
            #expect("\(error)".contains("create_things.sql"))
            #expect("\(error)".contains("V001__short_name.sql"))
        }
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("migfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
