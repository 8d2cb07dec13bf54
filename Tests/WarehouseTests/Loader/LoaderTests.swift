import Foundation
import PostgresClient
import SheetReader
import TestSupport
import Testing
@testable import Warehouse

/// The loader against a real PostgreSQL (DESIGN §8): counts, idempotence, supersede,
/// rejects, --max-rejects, unknown regions, whole-file rejection.
@Suite struct LoaderTests {
    typealias F = LoaderFixtures

    @Test func loadAccountsForEveryLineOfEveryFile() throws {
        let samples = try F.samples()
        defer { try? FileManager.default.removeItem(at: samples) }
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let files = try InputFiles.list(directory: samples.appendingPathComponent("2022"))
            #expect(files.count == 137)   // 111 county files + 26 policy sheets
            for file in files {
                let result = try loader.load(file: file)
                #expect(result.outcome == .loaded, "\(result.summaryLine)")
                #expect(result.linesRead == (try F.records(file)), "\(file.lastPathComponent)")
                #expect(result.accountsForEveryLine, "\(result.summaryLine)")
            }
            let mismatched = try F.int(connection, """
                SELECT count(*) AS n FROM etl.load_batch
                WHERE lines_read <> rows_loaded + rows_skipped + rows_rejected OR status <> 'loaded'
                """)
            #expect(mismatched == 0)
            // 8 regions × 11 months of project sheets: every data row but the one bad row is a fact.
            let facts = try F.int(connection, "SELECT count(*) AS n FROM dw.fact_project_month")
            let loadedProjectLines = try F.int(connection, "SELECT sum(rows_loaded) AS n FROM etl.load_batch WHERE layout = 'project-progress'")
            #expect(facts == loadedProjectLines)
            // Summaries equal the facts they summarise.
            let drift = try F.int(connection, """
                SELECT count(*) AS n FROM (
                    SELECT f.region_key, f.month_key, sum(f.ytd_completed_wan) AS s FROM dw.fact_project_month f GROUP BY 1, 2
                ) f FULL JOIN (
                    SELECT a.region_key, a.month_key, a.ytd_completed_wan AS s FROM dw.agg_project_region_month a
                    JOIN dw.dim_indicator i ON i.indicator_key = a.indicator_key AND i.indicator_code = 'fai'
                ) a USING (region_key, month_key)
                WHERE f.s IS DISTINCT FROM a.s
                """)
            #expect(drift == 0)
        }
    }

    @Test func sameBytesAgainIsANoOpNamingTheEarlierBatch() throws {
        let samples = try F.samples()
        defer { try? FileManager.default.removeItem(at: samples) }
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let file = F.file(samples, 2022, "2022-06_钦南区_重大项目进度.csv")
            let first = try loader.load(file: file)
            #expect(first.outcome == .loaded)
            let before = try F.fingerprint(connection)
            // A copy under another name is still the same bytes.
            let copy = samples.appendingPathComponent("renamed.csv")
            try FileManager.default.copyItem(at: file, to: copy)
            let second = try loader.load(file: copy)
            #expect(second.outcome == .alreadyLoaded)
            #expect(second.earlierBatchKey == first.batchKey)
            #expect(second.summaryLine.contains("batch \(first.batchKey!)"))
            #expect(try F.fingerprint(connection) == before)
        }
    }

    @Test func revisedFileSupersedesTheEarlierBatch() throws {
        let samples = try F.samples()
        defer { try? FileManager.default.removeItem(at: samples) }
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let loader = Loader(connection: connection)
            let original = F.file(samples, 2022, "2022-06_钦北区_重大项目进度.csv")
            let first = try loader.load(file: original)
            #expect(first.outcome == .loaded)
            let originalFacts = try F.int(connection, "SELECT count(*) AS n FROM dw.fact_project_month")

            // Revision: the first project's YTD changes to 12345.67 and the second project is dropped.
            let decoded = try IconvConverter(from: "GB18030", to: "UTF-8").convert([UInt8](try Data(contentsOf: original)))
            var text = String(decoding: decoded, as: UTF8.self)
            var lines = text.components(separatedBy: "\r\n")
            let dataIndices = lines.indices.filter { lines[$0].first?.isNumber == true && lines[$0].contains("-4507") && !lines[$0].contains("\"") }
            #expect(dataIndices.count >= 2)
            var firstCells = lines[dataIndices[0]].components(separatedBy: ",")
            let firstCode = firstCells[2]
            let secondCode = lines[dataIndices[1]].components(separatedBy: ",")[2]
            firstCells[9] = "12345.67"
            lines[dataIndices[0]] = firstCells.joined(separator: ",")
            lines.remove(at: dataIndices[1])
            text = lines.joined(separator: "\r\n")
            let revised = samples.appendingPathComponent("2022-06_钦北区_重大项目进度（修订）.csv")
            try Data(text.utf8).write(to: revised)

            let second = try loader.load(file: revised)
            #expect(second.outcome == .loaded, "\(second.summaryLine)")
            #expect(second.supersededBatches == [first.batchKey!])
            let old = try connection.query("SELECT status, superseded_by FROM etl.load_batch WHERE batch_key = \(first.batchKey!)").first!
            #expect(old["status"] == "superseded")
            #expect(try old.int("superseded_by") == second.batchKey)
            #expect(try F.int(connection, "SELECT count(*) AS n FROM dw.fact_project_month") == originalFacts - 1)
            #expect(try F.int(connection, "SELECT count(*) AS n FROM dw.fact_project_month WHERE batch_key <> \(second.batchKey!)") == 0)
            let changed = try connection.query("""
                SELECT f.ytd_completed_wan FROM dw.fact_project_month f
                JOIN dw.dim_project p USING (region_key, project_key) WHERE p.project_code = \(firstCode)
                """).first?.decimal("ytd_completed_wan")
            #expect(changed == Decimal(string: "12345.67"))
            #expect(try F.int(connection, """
                SELECT count(*) AS n FROM dw.fact_project_month f JOIN dw.dim_project p USING (region_key, project_key)
                WHERE p.project_code = \(secondCode)
                """) == 0)
            // Totals: the summary equals the sum of the surviving facts.
            let totals = try connection.query("""
                SELECT (SELECT sum(ytd_completed_wan) FROM dw.fact_project_month) AS facts,
                       (SELECT a.ytd_completed_wan FROM dw.agg_project_region_month a JOIN dw.dim_indicator i USING (indicator_key)
                        WHERE i.indicator_code = 'fai') AS agg
                """).first!
            #expect(try totals.decimal("facts") == totals.decimal("agg"))
        }
    }

    @Test func badRowIsRejectedWithItsLineAndTheRestLoads() throws {
        let samples = try F.samples()
        defer { try? FileManager.default.removeItem(at: samples) }
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let file = F.file(samples, 2022, "2022-05_灵山县_重大项目进度.csv")
            let result = try Loader(connection: connection).load(file: file)
            #expect(result.outcome == .loaded)
            #expect(result.rowsRejected == 1)
            let reject = try #require(try connection.query("""
                SELECT line_no, column_no, raw_text, reason FROM etl.rejected_row WHERE batch_key = \(result.batchKey!)
                """).first)
            #expect(try reject.int("line_no") == 9)  // 5 title/header rows, 2 section rows, then the first project
            #expect(try reject.int("column_no") == 10)
            #expect(reject["raw_text"]?.contains("待核实") == true)
            #expect(reject["reason"]?.contains("待核实") == true)
            #expect(try F.int(connection, "SELECT count(*) AS n FROM dw.fact_project_month") == result.rowsLoaded)
            #expect(result.rowsLoaded > 0)
        }
    }

    @Test func overMaxRejectsTheFileLoadsNothingButKeepsItsRejects() throws {
        let samples = try F.samples()
        defer { try? FileManager.default.removeItem(at: samples) }
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let file = F.file(samples, 2022, "2022-05_灵山县_重大项目进度.csv")
            let result = try Loader(connection: connection).load(file: file, options: LoaderOptions(maxRejects: 0))
            #expect(result.outcome == .tooManyRejects)
            #expect(result.isFailure)
            #expect(try F.int(connection, "SELECT count(*) AS n FROM dw.fact_project_month") == 0)
            #expect(try F.int(connection, "SELECT count(*) AS n FROM dw.dim_project") == 0)
            #expect(try F.int(connection, "SELECT count(*) AS n FROM dw.agg_project_region_month") == 0)
            let batch = try connection.query("SELECT status, message FROM etl.load_batch WHERE batch_key = \(result.batchKey!)").first!
            #expect(batch["status"] == "rejected")
            #expect(batch["message"]?.contains("--max-rejects 0") == true)
            #expect(try F.int(connection, "SELECT count(*) AS n FROM etl.rejected_row WHERE batch_key = \(result.batchKey!)") == 1)
            let listing = try RejectsQuery.listing(on: connection, batch: result.batchKey)
            #expect(listing.rows.count == 1)
            // Within the limit the same file loads (its bytes are kept once).
            let again = try Loader(connection: connection).load(file: file, options: LoaderOptions(maxRejects: 1))
            #expect(again.outcome == .loaded)
            #expect(try F.int(connection, "SELECT count(*) AS n FROM etl.source_file") == 1)
        }
    }

    @Test func unknownRegionIsRejectedWithKnownRegionsAndHowToAddOne() throws {
        let samples = try F.samples()
        defer { try? FileManager.default.removeItem(at: samples) }
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let file = F.file(samples, 2022, "2022-06_全市_主要指标.csv")
            let result = try Loader(connection: connection).load(file: file)
            #expect(result.outcome == .loaded)
            #expect(result.rowsRejected == 1)
            let reason = try connection.query("SELECT reason FROM etl.rejected_row WHERE batch_key = \(result.batchKey!)").first?["reason"] ?? ""
            #expect(reason.contains("东场镇"))
            #expect(reason.contains("灵山县") && reason.contains("钦州港片区"))
            #expect(reason.contains("INSERT INTO dw.dim_region_alias"))
            // Eight regions × six indicators loaded.
            #expect(try F.int(connection, "SELECT count(*) AS n FROM dw.fact_region_indicator_month") == 48)
        }
    }

    @Test func fileWithoutHeaderIsRejectedAsAWholeAndItsBytesKept() throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("2022-06_灵山县_随便.csv")
        try Data("今天天气很好\n没有表头\n".utf8).write(to: file)
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let result = try Loader(connection: connection).load(file: file)
            #expect(result.outcome == .rejected)
            #expect(result.message?.contains("2022-06_灵山县_随便.csv") == true)
            // A rejected file, not a rejected row: the summary's row count said "1 rejected".
            #expect(result.rowsRejected == 0)
            let summary = LoadSummary(results: [result]).textLines
            #expect(summary.prefix(2) == ["1 file(s), 0 loaded, 1 rejected", "rows: 0 loaded, 0 skipped, 0 rejected; 0 warning(s)"],
                    "\(summary)")
            let batch = try connection.query("SELECT status, layout FROM etl.load_batch WHERE batch_key = \(result.batchKey!)").first!
            #expect(batch["status"] == "rejected")
            #expect(batch["layout"] == nil)
            let stored = try connection.query("""
                SELECT string_agg(encode(data, 'escape'), '' ORDER BY chunk_no) AS text FROM etl.source_file_chunk
                """).first?["text"]
            #expect(stored != nil)
            #expect(try F.int(connection, "SELECT count(*) AS n FROM etl.rejected_row WHERE batch_key = \(result.batchKey!)") == 1)
        }
    }

    @Test func dryRunValidatesWithoutWriting() throws {
        let samples = try F.samples()
        defer { try? FileManager.default.removeItem(at: samples) }
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let before = try F.fingerprint(connection)
            let file = F.file(samples, 2022, "2022-06_全市_主要指标.csv")
            let result = try Loader(connection: connection).load(file: file, options: LoaderOptions(dryRun: true))
            #expect(result.outcome == .validated)
            #expect(result.rowsRejected == 1)
            #expect(result.message?.contains("东场镇") == true)
            #expect(result.accountsForEveryLine)
            #expect(try F.fingerprint(connection) == before)
        }
    }

    @Test func sourceBytesAreKeptExactly() throws {
        let samples = try F.samples()
        defer { try? FileManager.default.removeItem(at: samples) }
        try TestDatabase.withFreshDatabase(migrated: true) { connection, _ in
            let file = F.file(samples, 2021, "2021-03_浦北县_重大项目进度.csv")
            let result = try Loader(connection: connection).load(file: file)
            let stored = try connection.query("""
                SELECT string_agg(data, ''::bytea ORDER BY chunk_no) AS bytes FROM etl.source_file_chunk
                """).first?.bytes("bytes")
            #expect(stored == [UInt8](try Data(contentsOf: file)))
            #expect(result.sha256 == SHA256.hex(SHA256.hash(stored ?? [])))
        }
    }
}
