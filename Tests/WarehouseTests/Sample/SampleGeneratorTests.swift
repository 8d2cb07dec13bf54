import Foundation
import SheetReader
import Testing
@testable import Warehouse

@Suite struct SampleGeneratorTests {
    static func generate(seed: UInt64, normalized: Bool = false) throws -> (URL, SampleReport) {
        let directory = try LoaderFixtures.temporaryDirectory()
        let options = SampleOptions(
            scale: .small, seed: seed, normalizedCSV: normalized ? directory.appendingPathComponent("facts.csv") : nil)
        return (directory, try SampleGenerator(options: options).write(to: directory.appendingPathComponent("out")))
    }

    static func digest(_ report: SampleReport, root: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for file in report.files {
            let relative = String(file.path.dropFirst(root.path.count))
            result[relative] = SHA256.hex(SHA256.hash([UInt8](try Data(contentsOf: file))))
        }
        return result
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let (a, reportA) = try Self.generate(seed: 7)
        let (b, reportB) = try Self.generate(seed: 7)
        let (c, reportC) = try Self.generate(seed: 8)
        defer { [a, b, c].forEach { try? FileManager.default.removeItem(at: $0) } }
        let digestA = try Self.digest(reportA, root: a)
        #expect(digestA.count == 274)   // 222 county files + 52 policy sheets (11 central-budget, 11 special-bond, 4 reserve-pool a year)
        #expect(digestA == (try Self.digest(reportB, root: b)))
        let digestC = try Self.digest(reportC, root: c)
        #expect(Set(digestC.keys) == Set(digestA.keys))
        #expect(digestC.filter { digestA[$0.key] != $0.value }.count > 200)
    }

    @Test func encodingsAreWhatExcelOnChineseWindowsWrites() throws {
        let (root, report) = try Self.generate(seed: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        let project = try #require(report.files.first { $0.lastPathComponent.hasSuffix("重大项目进度.csv") })
        let bytes = [UInt8](try Data(contentsOf: project))
        // GBK: not valid UTF-8, but decodes as GB18030 to the expected title and header.
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let text = String(decoding: try IconvConverter(from: "GB18030", to: "UTF-8").convert(bytes), as: UTF8.self)
        #expect(text.hasPrefix("附件1"))
        #expect(text.contains("重大项目投资进度表"))
        #expect(text.contains("完成投资（万元）"))
        #expect(text.contains("\r\n"))
        let transfer = try #require(report.files.first { $0.pathExtension == "txt" })
        #expect(Array(try Data(contentsOf: transfer).prefix(2)) == [0xFF, 0xFE])
        let indicator = try #require(report.files.first { $0.lastPathComponent.hasSuffix("主要指标.csv") })
        #expect(Array(try Data(contentsOf: indicator).prefix(3)) == [0xEF, 0xBB, 0xBF])
        // January is merged into 1-2月: no January files.
        #expect(!report.files.contains { $0.lastPathComponent.contains("-01_") })
    }

    /// Parses an amount cell written by the generator; nil for text (Excel's SUM ignores it).
    static func cents(_ cell: String) -> Int64? {
        let plain = cell.replacingOccurrences(of: ",", with: "")
        let parts = plain.split(separator: ".")
        guard parts.count == 2, let whole = Int64(parts[0]), let fraction = Int64(parts[1]) else { return nil }
        return whole * 100 + fraction
    }

    @Test func subtotalRowsAreTheSumsOfTheRowsAboveThem() throws {
        let (root, report) = try Self.generate(seed: 3)
        defer { try? FileManager.default.removeItem(at: root) }
        let projects = report.files.filter { $0.lastPathComponent.hasSuffix("重大项目进度.csv") }
        #expect(projects.count == 176)
        var checked = 0
        for file in projects.prefix(30) {
            let stream = try RecordStream(url: file)
            var section = [Int64](repeating: 0, count: 4)
            var total = [Int64](repeating: 0, count: 4)
            while let record = try stream.next() {
                let cells = record.fields + Array(repeating: "", count: max(0, 14 - record.fields.count))
                let amounts = (7...10).map { Self.cents(cells[$0]) }
                if cells[0] == "小计" || cells[0] == "合计" {
                    let expected = cells[0] == "小计" ? section : total
                    #expect(amounts.map { $0 ?? -1 } == expected, "\(file.lastPathComponent) line \(record.line)")
                    section = [Int64](repeating: 0, count: 4)
                    checked += 1
                } else if Int(cells[0]) != nil {
                    for k in 0..<4 {
                        section[k] += amounts[k] ?? 0
                        total[k] += amounts[k] ?? 0
                    }
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func normalizedCSVHoldsEveryLoadableProjectMonth() throws {
        let (root, report) = try Self.generate(seed: 1, normalized: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let text = try String(contentsOf: root.appendingPathComponent("facts.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "region,project_code,month_key,ytd_completed_wan,month_completed_wan,annual_plan_wan,status")
        #expect(lines.count - 1 == report.projectRows - 1)  // the one non-numeric amount is not a fact
    }

    @Test func largeScaleHasAtLeastAMillionProjectMonths() {
        let options = SampleOptions(scale: .large, seed: 1)
        let model = SampleModel(seed: options.seed, projectsPerRegion: options.scale.projectsPerRegion)
        var rows = 0
        for year in options.years {
            for r in SampleModel.regions.indices {
                for i in 0..<model.projectsPerRegion
                where model.isActive(model.project(region: r, index: i, firstYear: options.years.lowerBound), year: year) {
                    rows += SampleGenerator.months.count
                }
            }
        }
        #expect(rows >= 1_000_000)
    }

    @Test(arguments: [
        (Int64(123456), false, "1234.56"), (Int64(5), false, "0.05"), (Int64(-120), false, "-1.20"),
        (Int64(123456789), true, "1,234,567.89"), (Int64(100000), true, "1,000.00"),
    ])
    func moneyFormatting(cents: Int64, thousands: Bool, expected: String) {
        #expect(SampleMoney.format(cents, thousands: thousands) == expected)
    }

    @Test(arguments: [
        (Int64(115), Int64(100), "15.0"), (Int64(100), Int64(115), "-13.0"), (Int64(1001), Int64(1000), "0.1"),
        (Int64(10005), Int64(10000), "0.1"), (Int64(10004), Int64(10000), "0.0"),
    ])
    func yoyPercent(current: Int64, prior: Int64, expected: String) {
        #expect(SampleMoney.yoyPercent(current, prior: prior) == expected)
    }

    @Test func splitMixIsStable() {
        var g = SplitMix64(seed: 0)
        // Reference values of SplitMix64 seeded with 0.
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
