import Foundation
import Logging
import PostgresClient
import TestSupport
import Testing

@Suite struct ConnectionTests {
    @Test func badHostGivesClearConnectionFailure() throws {
        do {
            _ = try Connection.connect("postgresql://nobody@127.0.0.1:1/x?connect_timeout=5")
            Issue.record("connect to port 1 should fail")
        } catch let error as PostgresError {
            #expect(error.code == .connectionFailed)
            #expect(error.isConnectionFailure)
            #expect(error.description.contains("127.0.0.1"))
            #expect(error.description.contains("Connection refused"))
            #expect(error.description.hasPrefix("connect to postgresql://nobody@127.0.0.1:1/x"))
        }
    }

    @Test func badPasswordIsAConnectionFailureThatNeverShowsThePassword() throws {
        guard let base = ProcessInfo.processInfo.environment["PG_PASSWORD_TEST_URL"],
              let secret = ProcessInfo.processInfo.environment["PG_PASSWORD_TEST_SECRET"] else {
            Issue.record("PG_PASSWORD_TEST_URL/PG_PASSWORD_TEST_SECRET not set: run tests through etl/test.sh")
            return
        }
        var options = try ConnectionInfo.parse(base)
        // The right password works, so the failure below really is about the password.
        options["password"] = secret
        let good = try Connection.connect(ConnectionInfo.keywordString(options))
        #expect(try good.query("SELECT current_user AS u").first?["u"] == "pw_user")

        let wrong = "Wr0ng-Passw0rd-\(UInt32.random(in: 1000...9999))"
        options["password"] = wrong
        for url in [ConnectionInfo.keywordString(options), uriWithPassword(base, wrong)] {
            do {
                _ = try Connection.connect(url)
                Issue.record("wrong password accepted")
            } catch let error as PostgresError {
                #expect(error.isConnectionFailure)
                #expect(error.description.contains("password authentication failed"))
                #expect(!error.description.contains(wrong))
                #expect(!error.debugDescription.contains(wrong))
            }
        }
    }

    @Test func noticesGoToTheLogger() throws {
        let capture = LogCapture()
        let connection = try Connection.connect(try TestDatabase.serverURL(), logger: capture.logger())
        try connection.simpleExecute("DO $$ BEGIN RAISE WARNING 'careful: 钦州'; RAISE NOTICE 'just so you know'; END $$")
        let messages = capture.messages
        #expect(messages.contains { $0.level == .warning && $0.message.contains("careful: 钦州") })
        #expect(messages.contains { $0.level == .notice && $0.message.contains("just so you know") })
    }

    @Test func serverErrorsCarrySQLStateAndPosition() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            do {
                try connection.query("SELECT nonexistent_column FROM pg_class")
                Issue.record("expected an error")
            } catch let error as PostgresError {
                #expect(error.code == .serverError)
                #expect(error.sqlState == "42703")
                #expect(error.position == 8)
                #expect(!error.isConnectionFailure)
                #expect(error.debugDescription.contains("nonexistent_column FROM pg_class"))
            }
            // The connection is still usable after an error.
            #expect(try connection.query("SELECT 1 AS one").first?["one"] == "1")
        }
    }

    @Test func multiStatementScriptRunsEveryStatement() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            try connection.simpleExecute("CREATE TABLE a (x int); INSERT INTO a VALUES (1), (2); INSERT INTO a VALUES (3);")
            #expect(try connection.query("SELECT sum(x) AS s FROM a").first?.int("s") == 6)
        }
    }

    @Test func identifierEscapingUsesLibpq() throws {
        try TestDatabase.withFreshDatabase { connection, _ in
            #expect(try connection.escapeIdentifier("we\"ird 表") == "\"we\"\"ird 表\"")
            let table = "odd \"name\"; DROP"
            try connection.execute("CREATE TABLE \(.identifier(table)) (v text)")
            try connection.execute("INSERT INTO \(.identifier(table)) VALUES (\("ok"))")
            #expect(try connection.query("SELECT v FROM \(.identifier("public", table))").first?["v"] == "ok")
        }
    }

    private func uriWithPassword(_ uri: String, _ password: String) -> String {
        // postgresql://pw_user@host:port/db → postgresql://pw_user:<password>@host:port/db
        guard let at = uri.firstIndex(of: "@") else { return uri }
        return String(uri[..<at]) + ":" + password + String(uri[at...])
    }
}
