import Foundation
import Glibc
import PostgresClient
import TestSupport
import Testing
import Warehouse

/// Files, databases and processes for the reliability tests.
enum Fixtures {
    static func temporaryDirectory(_ label: String = "rel") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func count(_ connection: Connection, _ sql: SQL) throws -> Int {
        try connection.query(sql).first?.int("n") ?? -1
    }

    /// A UTF-8 project-progress sheet for 灵山县 in June 2022 with `rows` projects; `variant`
    /// changes the amounts (a revised file), `firstProject` shifts the project codes.
    @discardableResult
    static func projectSheet(rows: Int, at url: URL, variant: Int = 0, firstProject: Int = 1) throws -> URL {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var text = "灵山县2022年1-6月重大项目投资进度表\n序号,项目名称,统一项目代码,责任单位,行业分类,年度计划投资,1-6月完成投资\n"
        for n in 0..<rows {
            let i = firstProject + n
            let department = ["县发展改革局", "县工业和信息化局", "县交通运输局"][i % 3]
            let industry = ["制造业", "交通基础设施", "房地产"][i % 3]
            text += "\(n + 1),灵山县测试项目\(i),2022-450721-36-01-\(String(1_000_000 + i)),\(department),\(industry),"
                + "\(i % 900 + 100 + variant).50,\(i % 700 + 10 + variant).25\n"
            if text.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        try handle.write(contentsOf: Data(text.utf8))
        return url
    }

    /// Copies every regular file of `source` (recursively) into a new folder `destination`.
    static func copyTree(_ source: URL, to destination: URL) throws {
        try FileManager.default.copyItem(at: source, to: destination)
    }

    /// Relative paths of the regular files below `directory`, sorted.
    static func files(under directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var paths: [String] = []
        let base = directory.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            paths.append(path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path)
        }
        return paths.sorted()
    }
}

/// Databases cloned from one migrated template (CREATE DATABASE … TEMPLATE copies files, so a
/// fresh migrated database costs a fraction of a migration).
final class TemplateDatabase {
    let server: String
    let admin: Connection
    let name: String

    init() throws {
        server = try TestDatabase.serverURL()
        admin = try Connection.connect(server)
        name = "tpl_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        try admin.execute("CREATE DATABASE \(.identifier(name)) TEMPLATE template0 ENCODING 'UTF8'")
        let url = try ConnectionInfo.replacingDatabase(in: server, with: name)
        let connection = try Connection.connect(url)
        defer { connection.close() }
        // Roles are cluster-wide: serialise with TestDatabase's migrations (same key).
        try admin.advisoryLock(key: 0x7465_7374_6D69_6772)
        defer { _ = try? admin.advisoryUnlock(key: 0x7465_7374_6D69_6772) }
        _ = try Migrator(sqlDirectory: TestDatabase.sqlDirectory).migrate(on: connection)
    }

    /// A fresh migrated database: its URL and a connection, dropped after `body`.
    func withClone<T>(_ body: (Connection, String) throws -> T) throws -> T {
        let clone = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        try admin.execute("CREATE DATABASE \(.identifier(clone)) TEMPLATE \(.identifier(name))")
        defer { _ = try? admin.execute("DROP DATABASE IF EXISTS \(.identifier(clone)) WITH (FORCE)") }
        let url = try ConnectionInfo.replacingDatabase(in: server, with: clone)
        let connection = try Connection.connect(url)
        defer { connection.close() }
        return try body(connection, url)
    }

    func drop() {
        _ = try? admin.execute("DROP DATABASE IF EXISTS \(.identifier(name)) WITH (FORCE)")
        admin.close()
    }
}

/// A running `invest-etl` whose stderr goes to a file the test can watch.
final class RunningProcess {
    let process = Process()
    let stdoutURL: URL
    let stderrURL: URL
    private let directory: URL

    init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws {
        directory = try Fixtures.temporaryDirectory("proc")
        stdoutURL = directory.appendingPathComponent("stdout")
        stderrURL = directory.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        try? FileManager.default.removeItem(at: directory)
    }

    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Waits until stderr contains `text` (true) or the process ends or `timeout` passes (false).
    func waitForStderr(_ text: String, timeout: TimeInterval = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.contains(text) { return true }
            if !process.isRunning { return stderr.contains(text) }
            usleep(10_000)
        }
        return false
    }

    func killHard() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Waits for the end (killing it after `timeout`) and returns the exit status.
    @discardableResult
    func wait(timeout: TimeInterval = 120) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            Issue.record("process still running after \(timeout) s; killed")
            killHard()
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    var description: String { "exit \(process.isRunning ? -1 : process.terminationStatus)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// GB18030 bytes through glibc iconv (what Excel/WPS write on Chinese Windows).
enum GB18030 {
    static func encode(_ text: String) -> [UInt8] {
        let cd = iconv_open("GB18030", "UTF-8")!
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 8)
        let produced = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count, outLeft = outRaw.count
                _ = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return outRaw.count - outLeft
            }
        }
        return Array(output[..<produced])
    }
}
