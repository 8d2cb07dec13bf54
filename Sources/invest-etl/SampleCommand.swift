import ArgumentParser
import Foundation
import Warehouse

/// `invest-etl sample --out DIR`: realistic county files for the sample world (no database).
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write realistic county files (GBK project sheets, indicator, transfer and target sheets) for two or more years.",
        discussion: "Deterministic for a seed. --scale large writes ≥ 1,000,000 project-month rows, xlarge ≥ 10,000,000, streaming to disk.")

    @Option(help: ArgumentHelp("Folder to write into (created; files are overwritten).", valueName: "dir"))
    var out: String

    @Option(help: "small (committed etl/samples), large (≥ 1M project-month rows) or xlarge (≥ 10M).")
    var scale: String = "small"

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Years, e.g. 2021-2022 (at least two for year-on-year figures).", valueName: "YYYY-YYYY"))
    var years: String = "2021-2022"

    @Option(name: .customLong("normalized-csv"),
            help: ArgumentHelp("Also write the project-month facts as one long UTF-8 CSV.", valueName: "file"))
    var normalizedCSV: String?

    func validate() throws {
        guard SampleScale(rawValue: scale) != nil else {
            throw ValidationError("--scale must be one of \(SampleScale.allCases.map(\.rawValue).joined(separator: ", ")), not '\(scale)'")
        }
        guard yearRange != nil else {
            throw ValidationError("--years must be YYYY or YYYY-YYYY between 2016 and 2035, not '\(years)'")
        }
    }

    var yearRange: ClosedRange<Int>? {
        let parts = years.split(separator: "-").map { Int($0) }
        guard (1...2).contains(parts.count), let first = parts.first ?? nil, let last = parts.last ?? nil,
              first <= last, first >= 2016, last <= 2035 else { return nil }
        return first...last
    }

    func run() throws {
        try ErrorReport.run("sample") {
            let options = SampleOptions(
                scale: SampleScale(rawValue: scale)!, seed: seed, years: yearRange!,
                normalizedCSV: normalizedCSV.map { URL(fileURLWithPath: $0) })
            let report = try SampleGenerator(options: options).write(to: URL(fileURLWithPath: out))
            print("wrote \(report.files.count) files (\(String(format: "%.1f", Double(report.bytes) / 1_048_576)) MB) to \(out): "
                  + "\(report.projectRows) project-month rows, \(report.badRows) deliberately bad row(s)")
        }
    }
}
