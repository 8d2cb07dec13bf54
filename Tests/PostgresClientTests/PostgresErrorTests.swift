import PostgresClient
import Testing

@Suite struct PostgresErrorTests {
    @Test(arguments: [
        ("08006", true), ("08001", true), ("57P01", true), ("57P02", true), ("57P03", true),
        ("57014", false), ("42501", false), ("23505", false), ("22P02", false),
    ])
    func connectionFailureBySQLState(state: String, expected: Bool) {
        let error = PostgresError(code: .serverError, operation: "query", message: "m", sqlState: state)
        #expect(error.isConnectionFailure == expected)
    }

    @Test func connectionFailedCodeIsConnectionFailure() {
        #expect(PostgresError(code: .connectionFailed, operation: "connect", message: "refused").isConnectionFailure)
    }

    @Test func descriptionHidesQueryAndPasswordsDebugDescriptionShowsQuery() {
        let error = PostgresError(
            code: .serverError, operation: "query",
            message: "could not reach postgresql://u:pw123@h/db", sqlState: "42601",
            detail: "password=pw123", hint: "fix it", context: "line 3",
            query: "SELECT secret_column FROM t")
        #expect(!error.description.contains("pw123"))
        #expect(!error.description.contains("secret_column"))
        #expect(error.description.contains("SQLSTATE 42601"))
        #expect(error.description.contains("HINT: fix it"))
        #expect(error.description.contains("CONTEXT: line 3"))
        #expect(error.debugDescription.contains("secret_column"))
    }
}
