import Testing
@testable import PostgresClient

/// A `--database-url` password is overwritten in place: the same length, readable otherwise.
@Suite struct ProcessArgumentsTests {
    @Test(arguments: [
        ("postgresql://u:secretpw@h:5432/db", "postgresql://u:***@h:5432/db     "),
        ("postgresql://u:pw@h/db", "xxxxxxxxxxxxxxxxxxxxxx"),                    // "***" would be longer
        ("host=h user=u password=s3cr3t dbname=db", "host=h user=u password=*** dbname=db   "),
        ("postgresql://u@h/db?password=s3cr3t&sslmode=require", "postgresql://u@h/db?password=***&sslmode=require   "),
    ])
    func passwordIsMaskedInPlace(_ value: String, _ expected: String) {
        let masked = ProcessArguments.masked(value)
        #expect(masked == expected)
        #expect(masked?.utf8.count == value.utf8.count)
    }

    @Test(arguments: ["postgresql://u@h/db", "host=h dbname=db", ""])
    func withoutAPasswordNothingChanges(_ value: String) {
        #expect(ProcessArguments.masked(value) == nil)
    }
}
