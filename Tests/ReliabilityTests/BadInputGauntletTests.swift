import Foundation
import PostgresClient
import TestSupport
import Testing

/// A corpus of bad files built here, each loaded by the real `invest-etl load`: every one
/// ends in a clear, specific outcome (a whole-file rejection naming the file and line, or
/// row rejects naming line and column with the rest loaded), within a time bound, never a
/// crash, a hang or a partial file.
@Suite struct BadInputGauntletTests {
    static let header = "序号,项目名称,统一项目代码,开工时间,年度计划投资,1-6月完成投资\n"
    static let title = "灵山县2022年1-6月重大项目投资进度表\n"

    static func row(_ i: Int, name: String? = nil, code: String? = nil, start: String = "2021-03-01",
                    plan: String = "500", ytd: String? = nil) -> String {
        "\(i),\(name ?? "项目\(i)"),\(code ?? "2022-450721-36-01-\(String(100_000 + i))"),\(start),\(plan),\(ytd ?? "\(i)0.5")\n"
    }

    static func good(_ range: ClosedRange<Int>) -> String { range.map { row($0) }.joined() }

    enum Expect {
        /// The whole file rejected (exit 65), the message containing these.
        case wholeFile([String])
        /// Loaded with these lines rejected (line, column, words in the reason); `loaded` rows kept.
        case rows(loaded: Int, rejects: [(line: Int, column: Int?, words: [String])])
    }

    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var fileName: String
        var bytes: @Sendable () -> [UInt8]
        var expect: @Sendable () -> Expect
        var arguments: [String] = []
        /// A good file of the same scope loaded first (what the bad one would replace).
        var before: String? = nil
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "truncated mid-row", fileName: "2022-06_灵山县_截断.csv",
             bytes: { Array((title + header + good(1...5) + "6,项目6,2022-450721-36-01-100006").utf8) },
             expect: { .rows(loaded: 5, rejects: [(8, 6, ["missing"])]) }),
        Case(name: "truncated inside a GBK character", fileName: "2022-06_灵山县_截断GBK.csv",
             bytes: {
                 let text = title + header + good(1...3) + "4,项目名"
                 var bytes = GB18030.encode(text)
                 bytes.removeLast()  // half of 名
                 return bytes
             },
             expect: { .wholeFile(["截断GBK.csv:6", "gb18030"]) }),
        Case(name: "NUL byte in a cell", fileName: "2022-06_灵山县_NUL.csv",
             bytes: { Array((title + header + good(1...2) + row(3, name: "坏\u{0}名") + good(4...5)).utf8) },
             expect: { .rows(loaded: 4, rejects: [(5, 2, ["NUL"])]) }),
        Case(name: "invalid GBK bytes", fileName: "2022-06_灵山县_坏GBK.csv",
             bytes: {
                 var bytes = GB18030.encode(title + header + good(1...2))
                 bytes += [0x33, 0x2C, 0x81, 0x20, 0xFF, 0x2C, 0x0A]
                 return bytes
             },
             expect: { .wholeFile(["坏GBK.csv:5", "byte offset"]) }),
        Case(name: "invalid UTF-8 with --encoding utf-8", fileName: "2022-06_灵山县_坏UTF8.csv",
             bytes: { Array((title + header + good(1...2)).utf8) + [0x33, 0x2C, 0xE5, 0x90, 0x2C, 0x0A] },
             expect: { .wholeFile(["坏UTF8.csv:5", "utf-8"]) }, arguments: ["--encoding", "utf-8"]),
        Case(name: "a 10 MB field", fileName: "2022-06_灵山县_巨格.csv",
             bytes: { Array((title + header + good(1...2) + row(3, name: String(repeating: "巨", count: 3_500_000)) + good(4...4)).utf8) },
             expect: { .rows(loaded: 3, rejects: [(5, 2, ["bytes", "longer than"])]) }),
        Case(name: "100,000 columns", fileName: "2022-06_灵山县_宽表.csv",
             bytes: {
                 let wide = (0..<100_000).map { "c\($0)" }.joined(separator: ",")
                 return Array((title + header.dropLast() + "," + wide + "\n" + good(1...3) + "4,项目4,2022-450721-36-01-100004,,,40.5," + wide + "\n").utf8)
             },
             expect: { .rows(loaded: 4, rejects: []) }),
        Case(name: "unclosed quote at end of file", fileName: "2022-06_灵山县_引号.csv",
             bytes: { Array((title + header + good(1...3) + "4,\"项目4,2022-450721-36-01-100004,,1,1\n").utf8) },
             expect: { .wholeFile(["引号.csv:6:2", "never closed"]) }),
        Case(name: "text after a closing quote", fileName: "2022-06_灵山县_引号后.csv",
             bytes: { Array((title + header + good(1...2) + "3,\"项目\"3,2022-450721-36-01-100003,,1,1\n" + good(4...5)).utf8) },
             expect: { .rows(loaded: 4, rejects: [(5, 2, ["closing quote"])]) }),
        Case(name: "only a header, replacing a loaded file", fileName: "2022-06_灵山县_表头.csv",
             bytes: { Array(header.utf8) },
             expect: { .wholeFile(["no data row", "has 3 rows", "invest-etl batch revert"]) },
             before: title + header + good(1...3)),
        Case(name: "only a header, nothing to replace", fileName: "2022-06_灵山县_只有表头.csv",
             bytes: { Array(header.utf8) },
             expect: { .rows(loaded: 0, rejects: []) }),
        Case(name: "only a title", fileName: "2022-06_灵山县_标题.csv",
             bytes: { Array(title.utf8) },
             expect: { .wholeFile(["标题.csv", "no header row"]) }),
        Case(name: "empty file", fileName: "2022-06_灵山县_空.csv",
             bytes: { [] },
             expect: { .wholeFile(["空.csv", "no header row"]) }),
        Case(name: "binary garbage", fileName: "2022-06_灵山县_二进制.csv",
             bytes: { var g = SystemRandomNumberGenerator(); return (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &g) } },
             expect: { .wholeFile(["二进制.csv"]) }),
        Case(name: "header repeated mid-file", fileName: "2022-06_灵山县_重复表头.csv",
             bytes: { Array((title + header + good(1...3) + header + good(4...6)).utf8) },
             expect: { .rows(loaded: 6, rejects: []) }),
        Case(name: "duplicated project codes", fileName: "2022-06_灵山县_重复代码.csv",
             bytes: { Array((title + header + good(1...3) + row(9, code: "2022-450721-36-01-100002") + good(4...4)).utf8) },
             expect: { .rows(loaded: 4, rejects: [(6, 3, ["duplicate of line 4"])]) }),
        Case(name: "negative and absurd amounts", fileName: "2022-06_灵山县_金额.csv",
             bytes: { Array((title + header + good(1...2) + row(3, ytd: "-5") + row(4, ytd: "1.5E+12") + row(5, ytd: "9.9E+999") + good(6...6)).utf8) },
             expect: { .rows(loaded: 3, rejects: [(5, 6, ["negative"]), (6, 6, ["1万亿元"]), (7, 6, [])]) }),
        // A project's 开工时间 is descriptive: a date that cannot be (1800, 30 February) is left
        // empty with a batch warning and the row's figures load (SheetReadingTests checks the
        // warnings).
        Case(name: "dates out of range", fileName: "2022-06_灵山县_日期.csv",
             bytes: { Array((title + header + row(1, start: "1800-01-01") + row(2, start: "2022-02-30") + good(3...3)).utf8) },
             expect: { .rows(loaded: 3, rejects: []) }),
        Case(name: "a month in the future", fileName: "2099-06_灵山县_未来.csv",
             bytes: { Array(("灵山县2099年1-6月重大项目投资进度表\n" + header + good(1...2)).utf8) },
             expect: { .wholeFile(["2099-06", "after the current month"]) }),
        Case(name: "shell metacharacters in the name", fileName: "2022-06_灵山县_a;rm -rf x $(id) 'q'.csv",
             bytes: { Array((title + header + good(1...3)).utf8) },
             expect: { .rows(loaded: 3, rejects: []) }),
    ]

    @Test(arguments: cases)
    func badInputGetsAClearOutcome(_ item: Case) throws {
        let executable = try Executables.url(of: "invest-etl")
        let directory = try Fixtures.temporaryDirectory("gauntlet")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(item.fileName)
        try Data(item.bytes()).write(to: file)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, url in
            var loadedBefore = 0
            if let before = item.before {
                let good = directory.appendingPathComponent("2022-06_灵山县_好.csv")
                try Data(before.utf8).write(to: good)
                let loaded = try Subprocess.run(executable, ["load", "--database-url", url, good.path])
                #expect(loaded.exitCode == 0, "\(loaded)")
                loadedBefore = try Fixtures.count(connection, "SELECT count(*) AS n FROM dw.fact_project_month")
            }
            let started = Date()
            let result = try Subprocess.run(executable, ["load", "--database-url", url] + item.arguments + [file.path],
                                            currentDirectory: directory)
            let seconds = Date().timeIntervalSince(started)
            #expect(seconds < 60, "\(item.name) took \(seconds) s")
            #expect(result.exitCode == 0 || result.exitCode == 65, "\(item.name): \(result)")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("internal error"), "\(item.name): \(result)")
            #expect(try WarehouseState.atomicityProblems(connection).isEmpty, "\(item.name)")
            let batch = try #require(try connection.query("""
                SELECT batch_key, status, rows_loaded, message, file_name FROM etl.load_batch ORDER BY batch_key DESC LIMIT 1
                """).first, "\(item.name): no batch")
            let key = try batch.int("batch_key") ?? 0
            #expect(batch["file_name"] == file.path, "the file name is stored verbatim")
            let facts = try Fixtures.count(connection, "SELECT count(*) AS n FROM dw.fact_project_month")
            switch item.expect() {
            case .wholeFile(let words):
                #expect(result.exitCode == 65, "\(item.name): \(result)")
                #expect(batch["status"] == "rejected", "\(item.name)")
                #expect(facts == loadedBefore, "\(item.name): nothing of a rejected file is loaded, nothing replaced")
                let message = (batch["message"] ?? "") + result.stdout
                for word in words { #expect(message.contains(word), "\(item.name): '\(word)' not in \(message)") }
            case let .rows(loaded, rejects):
                #expect(result.exitCode == 0, "\(item.name): \(result)")
                #expect(batch["status"] == "loaded", "\(item.name): \(result)")
                #expect(try batch.int("rows_loaded") == loaded && facts == loaded, "\(item.name): \(facts) facts")
                let stored = try connection.query("""
                    SELECT line_no, column_no, reason FROM etl.rejected_row WHERE batch_key = \(key) ORDER BY line_no
                    """).rows
                #expect(stored.count == rejects.count, "\(item.name): \(stored.map { $0["reason"] ?? "" })")
                for (expected, row) in zip(rejects, stored) {
                    #expect(try row.int("line_no") == expected.line, "\(item.name)")
                    #expect(try row.int("column_no") == expected.column, "\(item.name): \(row["reason"] ?? "")")
                    for word in expected.words {
                        #expect(row["reason"]?.contains(word) == true, "\(item.name): '\(word)' not in \(row["reason"] ?? "")")
                    }
                }
            }
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x").path))
        }
    }
}
