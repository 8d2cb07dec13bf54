import PostgresClient
import Testing

@Suite struct ConnectionInfoTests {
    @Test(arguments: [
        ("postgresql://u:secret@h:5432/db", "postgresql://u:***@h:5432/db"),
        ("postgres://u:s%40cret@h/db?sslmode=require", "postgres://u:***@h/db?sslmode=require"),
        ("postgresql://u@h/db", "postgresql://u@h/db"),
        ("postgresql://h/db?user=u&password=secret&sslmode=disable", "postgresql://h/db?user=u&password=***&sslmode=disable"),
        ("host=h password=secret dbname=d", "host=h password=*** dbname=d"),
        ("host=h password='se cret\\' x' dbname=d", "host=h password=*** dbname=d"),
        ("host=h PASSWORD=secret", "host=h PASSWORD=***"),
        ("error in \"postgresql://a:b@c/d\" here", "error in \"postgresql://a:***@c/d\" here"),
        ("", ""),
    ])
    func redactsPasswords(input: String, expected: String) {
        #expect(ConnectionInfo.redacted(input) == expected)
    }

    @Test func redactsKnownSecretsAnywhere() {
        let text = ConnectionInfo.redactSecrets(in: "it said hunter2 twice: hunter2", knownSecrets: ["hunter2"])
        #expect(text == "it said *** twice: ***")
    }

    @Test func replacingDatabaseKeepsOtherOptions() throws {
        let url = try ConnectionInfo.replacingDatabase(
            in: "postgresql://app:pw@127.0.0.1:5433/main?sslmode=disable", with: "t_x")
        let options = try ConnectionInfo.parse(url)
        #expect(options["dbname"] == "t_x")
        #expect(options["host"] == "127.0.0.1")
        #expect(options["port"] == "5433")
        #expect(options["user"] == "app")
        #expect(options["password"] == "pw")
        #expect(options["sslmode"] == "disable")
    }

    @Test func keywordStringQuotesValues() throws {
        let text = ConnectionInfo.keywordString(["dbname": "it's \\ odd", "host": "h"])
        let options = try ConnectionInfo.parse(text)
        #expect(options["dbname"] == "it's \\ odd")
    }

    @Test func unparsableStringIsInvalidArgumentWithoutPassword() {
        do {
            _ = try ConnectionInfo.parse("host=h password=topsecret bogus")
            Issue.record("expected a parse error")
        } catch let error as PostgresError {
            #expect(error.code == .invalidArgument)
            #expect(!error.description.contains("topsecret"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
