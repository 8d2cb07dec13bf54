import Testing
@testable import Warehouse

/// What `load` and `run` print at the end: a file over --max-rejects loaded nothing, so its
/// valid rows are not counted as loaded (the summary said "1 loaded" beside "nothing loaded").
@Suite struct LoadSummaryTests {
    @Test func aFileOverTheRejectLimitLoadsNoRow() throws {
        var loaded = FileLoadResult(file: "a.csv", outcome: .loaded)
        loaded.linesRead = 12
        loaded.rowsLoaded = 10
        loaded.rowsSkipped = 2
        var over = FileLoadResult(file: "b.csv", outcome: .tooManyRejects)
        over.linesRead = 5
        over.rowsLoaded = 1
        over.rowsSkipped = 2
        over.rowsRejected = 2
        over.batchKey = 9
        over.message = "2 rejected rows exceed --max-rejects 1"
        let summary = LoadSummary(results: [loaded, over])
        #expect(summary.rowsLoaded == 10)
        #expect(summary.textLines.contains("rows: 10 loaded, 4 skipped, 2 rejected; 0 warning(s)"))
        #expect(over.summaryLine.hasSuffix("5 lines = 1 valid + 2 skipped + 2 rejected; nothing loaded"))
        #expect(try summary.json().contains("\"rows_loaded\":0"))
    }
}
