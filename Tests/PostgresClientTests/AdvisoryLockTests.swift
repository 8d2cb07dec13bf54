import PostgresClient
import TestSupport
import Testing

@Suite struct AdvisoryLockTests {
    @Test func aLockHeldByOneSessionIsNotAvailableToAnother() throws {
        try TestDatabase.withFreshDatabase { first, url in
            let second = try Connection.connect(url)
            let key = Int64.random(in: 1...Int64.max)
            #expect(try first.tryAdvisoryLock(key: key))
            #expect(try second.tryAdvisoryLock(key: key) == false)
            #expect(try first.advisoryUnlock(key: key))
            #expect(try second.tryAdvisoryLock(key: key))
            #expect(try first.tryAdvisoryLock(key: key) == false)
            second.close()  // a session's locks end with it
            #expect(try first.tryAdvisoryLock(key: key))
            #expect(try first.advisoryUnlock(key: key))
            #expect(try first.advisoryUnlock(key: key) == false)
        }
    }
}
