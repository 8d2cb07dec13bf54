// sheet-reader-fuzz: feeds arbitrary bytes through the whole reader (decode, tokenize, header
// and layout detection, row classification). Owns nothing else; touches no database.
//
// Built two ways (see etl/fuzz.sh):
// - normally (`swift build`): a corpus replayer, `sheet-reader-fuzz FILE|DIR...`, that reads
//   every file once and exits non-zero if the reader failed in a way its contract does not
//   allow (the test suite runs it over Fuzz/corpus);
// - with `-Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING`: a libFuzzer target
//   (`LLVMFuzzerTestOneInput`); libFuzzer supplies `main`.

import Foundation
import SheetReader

enum ReadEverything {
    /// Option sets the first input byte selects, so the fuzzer also explores forced encodings
    /// and layouts (what `--encoding` and `--layout` do).
    static func options(for selector: UInt8) -> (encoding: TextEncoding?, read: ReadOptions) {
        let encodings: [TextEncoding?] = [nil, nil, .utf8, .gb18030, .utf16le]
        let layouts: [SheetLayout?] = [nil, nil, nil] + SheetLayout.allCases.map { $0 }
        let encoding = encodings[Int(selector) % encodings.count]
        let layout = layouts[Int(selector / 8) % layouts.count]
        let month: YearMonth? = selector & 0x80 != 0 ? YearMonth(year: 2022, month: 6) : nil
        return (encoding, ReadOptions(layout: layout, month: month, encoding: encoding))
    }

    /// Reads `bytes` to the end. Whole-file rejections (`SheetError`) are the reader's way of
    /// saying no and are fine; anything else (another error type, a trap, a hang) is a bug.
    /// Returns the number of outcomes, or the SheetError.
    @discardableResult
    static func run(_ bytes: [UInt8], fileName: String = "fuzz.csv") throws -> Result<Int, SheetError> {
        let (encoding, options) = bytes.isEmpty ? (nil, ReadOptions()) : Self.options(for: bytes[0])
        do {
            let stream = try RecordStream(bytes: bytes, encoding: encoding, fileName: fileName)
            let sheet = try SheetReading(source: stream, fileName: fileName, options: options)
            var outcomes = 0
            while let outcome = try sheet.next() {
                outcomes += 1
                if case .rejected(let row) = outcome, row.reason.isEmpty {
                    throw ContractViolation(message: "a rejected row without a reason at line \(row.line)")
                }
            }
            guard outcomes == sheet.recordsRead else {
                throw ContractViolation(message: "\(sheet.recordsRead) records read but \(outcomes) outcomes")
            }
            return .success(outcomes)
        } catch let error as SheetError {
            if error.message.isEmpty { throw ContractViolation(message: "a SheetError without a message") }
            return .failure(error)
        }
    }

    struct ContractViolation: Error, CustomStringConvertible {
        var message: String
        var description: String { "reader contract violated: \(message)" }
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        try ReadEverything.run(bytes)
    } catch {
        fatalError("\(error)")
    }
    return 0
}
#else
@main
struct CorpusReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: sheet-reader-fuzz FILE|DIR...\n".utf8))
            exit(64)
        }
        var files: [URL] = []
        for path in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("\(path): no such file or directory\n".utf8))
                exit(64)
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.sorted().filter { !$0.hasPrefix(".") }.map { URL(fileURLWithPath: path).appendingPathComponent($0) }
            } else {
                files.append(URL(fileURLWithPath: path))
            }
        }
        var accepted = 0, rejected = 0
        for file in files {
            do {
                let bytes = [UInt8](try Data(contentsOf: file))
                switch try ReadEverything.run(bytes, fileName: file.lastPathComponent) {
                case .success: accepted += 1
                case .failure: rejected += 1
                }
            } catch {
                FileHandle.standardError.write(Data("\(file.path): \(error)\n".utf8))
                exit(70)
            }
        }
        print("\(files.count) inputs replayed: \(accepted) read to the end, \(rejected) rejected as a whole")
    }
}
#endif
