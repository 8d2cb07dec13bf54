import Foundation

/// Runs `body` on its own thread at once; `result()` waits for it and returns its value or
/// rethrows its error. The body owns whatever it creates there (e.g. its own connection:
/// connections are not `Sendable`).
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // `outcome` is written once by the thread before `done` is signalled and read only after
    // waiting for `done`: the semaphore orders the two.
    private var outcome: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            outcome = Result(catching: body)
            done.signal()
        }
    }

    func result() throws -> Value {
        done.wait()
        done.signal()  // a second call returns the same outcome
        return try outcome!.get()
    }
}
