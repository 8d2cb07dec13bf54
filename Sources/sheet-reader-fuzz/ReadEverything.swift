// sheet-reader-fuzz: feeds arbitrary bytes through the whole reader (decode, tokenize, header
// and layout detection, row classification). Owns nothing else; touches no database.
//
// Built two ways (see etl/fuzz.sh):
// - normally (`swift build`): a corpus replayer, `sheet-reader-fuzz FILE|DIR...`, that reads
//   every file once and exits non-zero if the reader failed in a way its contract does not
//   allow (the test suite runs it over Fuzz/corpus);
// - with `-Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING`: a libFuzzer target whose `main`
//   hands the callback to `LLVMFuzzerRunDriver`.

import Foundation
import SheetReader

enum ReadEverything {
    /// An input starting with a control byte 0x01…0x08 uses it to choose forced options (what
    /// `--encoding`, `--layout` and `--month` do), so the fuzzer explores those too; any other
    /// input (every real file, every seed) is read as it is, with detection.
    static func split(_ bytes: [UInt8]) -> (encoding: TextEncoding?, read: ReadOptions, body: [UInt8]) {
        guard let first = bytes.first, (0x01...0x08).contains(first), bytes.count >= 2 else {
            return (nil, ReadOptions(), bytes)
        }
        let selector = bytes[1]
        let encodings: [TextEncoding?] = [nil, .utf8, .gb18030, .utf16le, .utf16be]
        let layouts: [SheetLayout?] = [nil] + SheetLayout.allCases.map { $0 }
        let encoding = encodings[Int(first) % encodings.count]
        let layout = layouts[Int(selector) % layouts.count]
        let month: YearMonth? = selector & 0x80 != 0 ? YearMonth(year: 2022, month: 6) : nil
        return (encoding, ReadOptions(layout: layout, month: month, encoding: encoding), Array(bytes[2...]))
    }

    /// Reads `bytes` to the end. Whole-file rejections (`SheetError`) are the reader's way of
    /// saying no and are fine; anything else (another error type, a trap, a hang) is a bug.
    /// Returns the number of outcomes, or the SheetError.
    @discardableResult
    static func run(_ bytes: [UInt8], fileName: String = "fuzz.csv") throws -> Result<Int, SheetError> {
        let (encoding, options, body) = Self.split(bytes)
        do {
            let stream = try RecordStream(bytes: body, encoding: encoding, fileName: fileName)
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
/// libFuzzer's driver for programs with their own `main` (SwiftPM links executables with its
/// own entry point, so libFuzzer's `main` cannot be used).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The input callback; also exported under libFuzzer's well-known name, since whether
/// libFuzzer's own `main` or ours (below) ends up as the entry point depends on the linker.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try ReadEverything.run(bytes)
    } catch {
        fatalError("\(error)")
    }
    return 0
}

@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
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
