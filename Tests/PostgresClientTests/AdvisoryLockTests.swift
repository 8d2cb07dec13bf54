import PostgresClient
import TestSupport
import Testing
import Foundation

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
            // The server releases them when the backend exits, which is asynchronous to
            // PQfinish returning: wait for it rather than race it.
            #expect(try eventually { try first.tryAdvisoryLock(key: key) })
            #expect(try first.advisoryUnlock(key: key))
            #expect(try first.advisoryUnlock(key: key) == false)
        }
    }
}

/// Polls `condition` for up to `seconds`; true as soon as it holds.
private func eventually(seconds: Double = 10, _ condition: () throws -> Bool) throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.02)
    } while Date() < deadline
    return false
}
