import Foundation
import Testing
import Warehouse

@Suite struct InputFilesTests {
    @Test(arguments: [
        ("a.csv", true), ("A.CSV", true), ("b.txt", true), ("c.tsv", true), ("d.xlsx", false),
        (".hidden.csv", false), ("x.csv.part", false), ("x.csv.rejects.txt", false),
    ])
    func dataFiles(name: String, expected: Bool) {
        #expect(InputFiles.isDataFile(name) == expected)
    }

    @Test func directoriesAreListedRecursivelyInByteOrder() throws {
        let root = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["2022/2022-10_a.csv", "2022/2022-02_b.csv", "2021/2021-12_c.csv", "notes.md", "2022/.tmp.csv"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        let names = try InputFiles.list(directory: root).map { $0.lastPathComponent }
        #expect(names == ["2021-12_c.csv", "2022-02_b.csv", "2022-10_a.csv"])
        #expect(throws: LoaderError.self) { try InputFiles.expand([root.appendingPathComponent("missing").path]) }
    }

    /// A correction whose name sorts first (更正-… before 钦南区…) is loaded after the other files
    /// of its folder, so the original does not supersede it on the same night.
    @Test func correctionsComeAfterTheOtherFilesOfTheirFolder() throws {
        let root = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["2025-06/更正-钦南区2025年6月重大项目进度表.csv", "2025-06/钦南区2025年6月重大项目进度表.csv",
                     "2025-06/灵山县项目进度（修订）.csv", "2025-06/灵山县项目进度.csv", "2025-07/钦南区7月.csv", "z.csv"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        let names = try InputFiles.list(directory: root).map { $0.path.dropFirst(root.path.count + 1) }
        #expect(names == ["2025-06/灵山县项目进度.csv", "2025-06/钦南区2025年6月重大项目进度表.csv",
                          "2025-06/更正-钦南区2025年6月重大项目进度表.csv", "2025-06/灵山县项目进度（修订）.csv",
                          "2025-07/钦南区7月.csv", "z.csv"])
    }

    /// What a run leaves in the inbox, and why: it loaded none of these and said nothing.
    @Test func filesLeftAloneAreNamedWithWhy() throws {
        let root = try LoaderFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["a.csv", "2025-06/灵山县.xlsx", "b.csv.part", "c.pdf", ".hidden.csv"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        let left = InputFiles.leftAlone(directory: root)
        #expect(left.map(\.path) == ["2025-06/灵山县.xlsx", "b.csv.part", "c.pdf"])
        #expect(left[0].reason.contains("save it as CSV") && left[1].reason.contains("still being copied"))
        let later = InputFiles.leftAlone(directory: root, now: Date().addingTimeInterval(3 * 3600))
        #expect(later[1].reason.contains("unchanged for 3 h") || later[1].reason.contains("unchanged for 2 h"))
    }
}
