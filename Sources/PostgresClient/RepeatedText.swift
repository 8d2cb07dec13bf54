import Foundation

/// Gives a column's repeated values one `String`: a long list repeats a handful of regions,
/// departments and statuses, and reading each as a new `String` was an allocation and a UTF-8
/// check per value (the stalled list at ten million facts: 14,611 rows, eight regions, fifteen
/// departments). Remembers the last few distinct values of one column; use one per column.
public struct RepeatedText {
    private var recent: [String] = []
    private var next = 0
    private let capacity: Int

    public init(remembering capacity: Int = 8) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// The `String` of `bytes`: a remembered one when equal, else a new one, remembered.
    public mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        for i in recent.indices where Self.equal(&recent[i], bytes) { return recent[i] }
        let text = String(decoding: bytes, as: UTF8.self)
        if recent.count < capacity {
            recent.append(text)
        } else {
            recent[next] = text
            next = (next + 1) % capacity
        }
        return text
    }

    private static func equal(_ text: inout String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        text.withUTF8 { own in
            own.count == bytes.count && (own.count == 0 || memcmp(own.baseAddress!, bytes.baseAddress!, own.count) == 0)
        }
    }
}

extension Row {
    /// The value at `position` through `repeated` (one per column); nil for NULL.
    public func string(at position: Int, reusing repeated: inout RepeatedText) -> String? {
        withUTF8(at: position) { repeated.text($0) }
    }
}
