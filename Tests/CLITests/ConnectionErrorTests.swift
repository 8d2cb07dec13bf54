import Foundation
import PostgresClient
import TestSupport
import Testing

@Suite struct ConnectionErrorTests {
    @Test func unreachableServerExits69WithAClearMessage() throws {
        let executable = try Executables.url(of: "invest-etl")
        let result = try Subprocess.run(
            executable, ["migrate", "--database-url", "postgresql://nobody@127.0.0.1:1/x", "--sql-dir", TestDatabase.sqlDirectory.path])
        #expect(result.exitCode == 69, "\(result)")
        #expect(result.stderr.contains("127.0.0.1"))
        #expect(result.stderr.contains("Connection refused"))
        #expect(result.stdout.isEmpty)
    }

    @Test func databaseURLFromTheEnvironmentIsUsed() throws {
        let executable = try Executables.url(of: "invest-etl")
        let result = try Subprocess.run(
            executable, ["migrate", "--sql-dir", TestDatabase.sqlDirectory.path],
            environment: ["DATABASE_URL": "postgresql://nobody@127.0.0.1:1/from_env"])
        #expect(result.exitCode == 69, "\(result)")
        #expect(result.stderr.contains("from_env"))
    }

    @Test func badPasswordExits69AndNeverPrintsThePassword() throws {
        let executable = try Executables.url(of: "invest-etl")
        guard let base = ProcessInfo.processInfo.environment["PG_PASSWORD_TEST_URL"] else {
            Issue.record("PG_PASSWORD_TEST_URL not set: run tests through etl/test.sh")
            return
        }
        let wrong = "N0t-The-Passw0rd-\(UInt32.random(in: 1000...9999))"
        guard let at = base.firstIndex(of: "@") else {
            Issue.record("PG_PASSWORD_TEST_URL is not a URI: \(ConnectionInfo.redacted(base))")
            return
        }
        let uri = String(base[..<at]) + ":" + wrong + String(base[at...])
        var options = try ConnectionInfo.parse(base)
        options["password"] = wrong
        let keywords = ConnectionInfo.keywordString(options)
        for (arguments, environment) in [
            (["migrate", "--database-url", uri], [String: String?]()),
            (["migrate", "--database-url", keywords], [:]),
            (["migrate"], ["DATABASE_URL": uri]),
        ] {
            let result = try Subprocess.run(
                executable, arguments + ["--sql-dir", TestDatabase.sqlDirectory.path, "--log-level", "trace"],
                environment: environment)
            #expect(result.exitCode == 69, "\(result)")
            #expect(result.stderr.contains("password authentication failed"), "\(result)")
            #expect(!result.stderr.contains(wrong), "password leaked: \(result.stderr)")
            #expect(!result.stdout.contains(wrong))
        }
    }

    /// A password given in `--database-url` is not what other users see in `ps`: the process
    /// connects with it, then overwrites it in its own arguments. Checked while the command
    /// waits for the loader lock the test holds.
    @Test func aPasswordInTheURLIsHiddenFromPs() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let base = environment["PG_PASSWORD_TEST_URL"], let secret = environment["PG_PASSWORD_TEST_SECRET"],
              let at = base.firstIndex(of: "@") else {
            Issue.record("PG_PASSWORD_TEST_URL/SECRET not set: run tests through etl/test.sh")
            return
        }
        let uri = String(base[..<at]) + ":" + secret + String(base[at...])
        let admin = try Connection.connect(base.replacingOccurrences(of: "pw_user@", with: "postgres@"))
        let lockKey: Int64 = 0x696E_7665_7374_6C64
        try admin.execute("SELECT pg_advisory_lock(\(lockKey))")
        let process = Process()
        process.executableURL = try Executables.url(of: "invest-etl")
        process.arguments = ["batch", "revert", "1", "--wait", "--database-url", uri]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        var waiting = false
        for _ in 0..<500 where process.isRunning && !waiting {
            waiting = try admin.query("""
                SELECT count(*) AS n FROM pg_stat_activity WHERE usename = 'pw_user' AND wait_event_type = 'Lock'
                """).first?.int("n") ?? 0 > 0
            if !waiting { usleep(20_000) }
        }
        #expect(waiting, "the command never waited for the lock (it could not log in?)")
        let cmdline = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(process.processIdentifier)/cmdline"))
        let arguments = cmdline.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        #expect(!arguments.contains { $0.contains(secret) }, "password visible: \(arguments)")
        #expect(arguments.contains { $0.hasPrefix("postgresql://pw_user:***@") }, "\(arguments)")
        try admin.execute("SELECT pg_advisory_unlock(\(lockKey))")
    }
}
