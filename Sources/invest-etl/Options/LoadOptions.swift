import ArgumentParser
import Foundation
import SheetReader
import Warehouse

/// How a sheet is read (what detection would otherwise decide); shared by `read`, `load` and `run`.
struct SheetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Force the layout: \(SheetLayout.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "layout"))
    var layout: String?

    @Option(help: ArgumentHelp("Reporting month YYYY-MM (default: from the title or the file name).", valueName: "YYYY-MM"))
    var month: String?

    @Option(help: ArgumentHelp("Region of whole-file sheets (default: from the title or the file name).", valueName: "name"))
    var region: String?

    @Option(help: ArgumentHelp("Force the encoding: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")) (default: detected).", valueName: "encoding"))
    var encoding: String?

    @Option(name: .customLong("synonyms"),
            help: ArgumentHelp("Extra header synonym file (tab-separated, like the bundled table); repeatable.", valueName: "file"))
    var synonymFiles: [String] = []

    func validate() throws {
        if let layout, SheetLayout(rawValue: layout) == nil {
            throw ValidationError("--layout must be one of \(SheetLayout.allCases.map(\.rawValue).joined(separator: ", ")), not '\(layout)'")
        }
        if let month, YearMonth(month) == nil {
            throw ValidationError("--month must be YYYY-MM (e.g. 2022-06), not '\(month)'")
        }
        if let encoding, TextEncoding(rawValue: encoding.lowercased()) == nil {
            throw ValidationError("--encoding must be one of \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")), not '\(encoding)'")
        }
        for file in synonymFiles where !FileManager.default.isReadableFile(atPath: file) {
            throw ValidationError("--synonyms \(file): no such readable file")
        }
    }

    func readOptions() -> ReadOptions {
        // The machine's local calendar month, as the future-month check uses.
        let today = Calendar.current.dateComponents([.year, .month], from: Date())
        return ReadOptions(
            layout: layout.flatMap(SheetLayout.init(rawValue:)), month: month.flatMap(YearMonth.init),
            region: region, encoding: encoding.flatMap { TextEncoding(rawValue: $0.lowercased()) },
            synonymFiles: synonymFiles.map { URL(fileURLWithPath: $0) },
            currentMonth: YearMonth(year: today.year ?? 1970, month: today.month ?? 1))
    }
}

/// How files are read, limited and locked; shared by `load` and `run`.
struct LoadOptions: ParsableArguments {
    @OptionGroup var sheet: SheetOptions

    @Option(name: .customLong("max-rejects"),
            help: ArgumentHelp("A file with more rejected rows than this loads nothing (default: no limit).", valueName: "n"))
    var maxRejects: Int?

    @Flag(help: "Wait for another loader holding the lock instead of exiting 75.")
    var wait = false

    func validate() throws {
        if let maxRejects, maxRejects < 0 {
            throw ValidationError("--max-rejects must be 0 or more")
        }
    }

    func loaderOptions(dryRun: Bool = false, runKey: Int? = nil) -> LoaderOptions {
        LoaderOptions(read: sheet.readOptions(), maxRejects: maxRejects, dryRun: dryRun, runKey: runKey)
    }
}

extension LoaderError: SysExitMapping {
    var sysExit: SysExit {
        switch self {
        case .lockHeld: return .tempFail
        case .noSuchPath: return .usage
        case .accounting, .schema: return .software
        }
    }
}

extension InboxRunError: SysExitMapping {
    var sysExit: SysExit { ErrorReport.sysExit(for: underlying) }
}

