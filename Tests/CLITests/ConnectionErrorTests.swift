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
}
