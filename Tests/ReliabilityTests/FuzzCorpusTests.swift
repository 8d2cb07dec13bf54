import Foundation
import TestSupport
import Testing

/// The fuzzing seed corpus (and every crash input added to it) replayed through the whole
/// reader by the normally built `sheet-reader-fuzz`: no trap, no error other than a clear
/// whole-file SheetError, outcomes = records read.
@Suite struct FuzzCorpusTests {
    @Test func corpusReplaysCleanly() throws {
        let replayer = try Executables.url(of: "sheet-reader-fuzz")
        let corpus = TestDatabase.repositoryRoot.appendingPathComponent("Fuzz/corpus")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { !$0.hasPrefix(".") }
        #expect(inputs.count >= 15)
        let result = try Subprocess.run(replayer, [corpus.path])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("\(inputs.count) inputs replayed"), "\(result)")
        // The corpus must exercise both outcomes.
        #expect(!result.stdout.contains(" 0 read to the end") && !result.stdout.contains(" 0 rejected as a whole"), "\(result)")
    }
}
