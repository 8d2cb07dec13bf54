import Foundation
import TestSupport
import Testing

/// `invest-etl read`: what a file would load as, without a database.
@Suite struct ReadCommandTests {
    /// A project listed twice is counted and listed rejected, as `load` rejects it; `--stats`
    /// (SheetReader's own throughput) does not look for repeats.
    @Test func aRepeatedProjectIsRejectedAsLoadingWouldReject() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("2022-06_灵山县_重大项目进度.csv")
        try Data("""
            灵山县2022年1-6月重大项目进度表
            序号,项目代码,项目名称,本年累计完成投资（万元）
            1,2022-450721-36-01-000001,甲项目,100
            2,2022-450721-36-01-000002,乙项目,200
            3,2022-450721-36-01-000001,甲项目（重复）,999

            """.utf8).write(to: file)
        let executable = try Executables.url(of: "invest-etl")
        let read = try Subprocess.run(executable, ["read", "--rejects", file.path])
        #expect(read.exitCode == 65, "\(read)")
        #expect(read.stdout.contains("rejected line 5, column 2: 重复：与第 3 行相同 / duplicate of line 3 (2022-450721-36-01-000001 甲项目（重复）)"))
        #expect(read.stdout.contains("rows: 2 data (2 facts), 2 skipped, 1 rejected; 5 records"))
        let stats = try Subprocess.run(executable, ["read", "--stats", file.path])
        #expect(stats.exitCode == 0, "\(stats)")
        #expect(stats.stdout.contains("rows: 3 data (3 facts), 2 skipped, 0 rejected; 5 records"))
    }
}
