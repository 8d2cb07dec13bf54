import ArgumentParser
import Foundation
import SheetReader
import Warehouse

/// `invest-etl read [--stats] FILE...`: a reader-only pass (no database). Runs SheetReader end
/// to end — decode, tokenize, header and layout detection, value parsing, row classification —
/// and prints what the loader would see: encoding, delimiter, layout, month, region, unit,
/// headers and the counts of data, skipped and rejected rows — a project row repeating a
/// project above it counted rejected, as loading rejects it. Operators use it to check a file
/// before loading; the benchmark uses `--stats` for the reader's throughput (SheetReader alone:
/// without that repeat check).
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read files with SheetReader only (no database) and report what it found.",
        discussion: """
            Prints per file: encoding, delimiter, layout, month, region, unit, headers, and \
            data/skipped/rejected row counts (with --stats also MB/s and rows/s). Exit 0 when every \
            file was readable, 65 when a file was rejected as a whole or had rejected rows.
            """)

    @OptionGroup var sheet: SheetOptions

    @Flag(help: "Also print elapsed time, MB/s and rows/s per file and in total (SheetReader alone: repeated projects are not looked for).")
    var stats = false

    @Flag(name: .customLong("rejects"), help: "List each rejected row (line, column and reason).")
    var listRejects = false

    @Argument(help: ArgumentHelp("Files or directories.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or directory") }
    }

    func run() throws {
        var exit: Int32 = 0
        try ErrorReport.run("read") {
            let files = try InputFiles.expand(paths)
            let options = sheet.readOptions()
            var total = ReadTally()
            let clock = ContinuousClock()
            let started = clock.now
            for file in files {
                let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
                let fileStart = clock.now
                var tally = ReadTally()
                tally.bytes = size
                do {
                    let sheet = try SheetReading.open(url: file, options: options)
                    let info = sheet.info
                    print("\(file.path)")
                    print("  encoding \(info.encoding.rawValue), delimiter \(Self.describe(delimiter: info.delimiter)), "
                          + "layout \(info.layout.rawValue), month \(info.month), region \(info.region ?? "-"), unit \(info.unit.rawValue)")
                    print("  headers (line \(info.headerLines.map(String.init).joined(separator: "+"))): "
                          + info.headers.filter { !$0.isEmpty }.joined(separator: " | "))
                    var repeats = RepeatedProjects()
                    let codeColumn = info.columns["project_code"].map { $0 + 1 }
                    while let outcome = try sheet.next() {
                        // Only the multi-row payloads are bound: binding a project row copied
                        // (retained and released) its ten strings for every row read.
                        switch outcome {
                        case .data(.indicator(let rows)):
                            tally.data += 1
                            tally.facts += rows.count
                        case .data(.target(let rows)):
                            tally.data += 1
                            tally.facts += rows.count
                        case .data(.transfer(let rows)):
                            tally.data += 1
                            tally.facts += rows.count
                        case .data(.project(let row)) where !stats:
                            if let reason = repeats.check(row, month: info.month.key) {
                                tally.rejected += 1
                                if listRejects {
                                    print("    rejected line \(row.line)\(codeColumn.map { ", column \($0)" } ?? ""): \(reason)")
                                }
                            } else {
                                tally.data += 1
                                tally.facts += 1
                            }
                        case .data:
                            tally.data += 1
                            tally.facts += 1
                        case .skipped: tally.skipped += 1
                        case .rejected(let row):
                            tally.rejected += 1
                            if listRejects {
                                print("    rejected line \(row.line)\(row.column.map { ", column \($0)" } ?? ""): \(row.reason)")
                            }
                        }
                    }
                    tally.records = sheet.recordsRead
                    print("  rows: \(tally.data) data (\(tally.facts) facts), \(tally.skipped) skipped, \(tally.rejected) rejected; "
                          + "\(tally.records) records")
                    for warning in sheet.warnings.prefix(5) {
                        print("  warning\(warning.line.map { " line \($0)" } ?? ""): \(warning.message)")
                    }
                    if sheet.warnings.count > 5 { print("  … \(sheet.warnings.count - 5) more warnings") }
                    if tally.rejected > 0 { exit = SysExit.dataErr.rawValue }
                } catch let error as SheetError {
                    print("\(file.path)")
                    print("  rejected as a whole: \(error)")
                    tally.wholeFileRejected = 1
                    exit = SysExit.dataErr.rawValue
                }
                let seconds = Self.seconds(clock.now - fileStart)
                if stats { print("  " + tally.statsLine(seconds: seconds)) }
                total.add(tally)
            }
            if files.count > 1 {
                print("total: \(files.count) files, \(total.data) data rows (\(total.facts) facts), \(total.skipped) skipped, "
                      + "\(total.rejected) rejected, \(total.wholeFileRejected) file(s) rejected whole")
                if stats { print("total: " + total.statsLine(seconds: Self.seconds(clock.now - started))) }
            }
        }
        if exit != 0 { throw ExitCode(exit) }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func describe(delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: ","): return "comma"
        case UInt8(ascii: "\t"): return "tab"
        case UInt8(ascii: ";"): return "semicolon"
        default: return "'\(String(UnicodeScalar(delimiter)))'"
        }
    }
}

/// Counts of one file (or all files) read.
struct ReadTally {
    var bytes = 0
    var records = 0
    var data = 0
    var facts = 0
    var skipped = 0
    var rejected = 0
    var wholeFileRejected = 0

    mutating func add(_ other: ReadTally) {
        bytes += other.bytes
        records += other.records
        data += other.data
        facts += other.facts
        skipped += other.skipped
        rejected += other.rejected
        wholeFileRejected += other.wholeFileRejected
    }

    /// `stats: 1.234 s, 140.0 MB, 113.5 MB/s, 812345 rows/s (data rows), 900000 records/s`.
    func statsLine(seconds: Double) -> String {
        let s = max(seconds, 1e-9)
        let mb = Double(bytes) / 1_000_000
        return String(format: "stats: %.3f s, %.1f MB, %.1f MB/s, %.0f rows/s (data rows), %.0f records/s",
                      seconds, mb, mb / s, Double(data) / s, Double(records) / s)
    }
}
