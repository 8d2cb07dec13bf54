import PostgresClient
import Testing

@Suite struct RepeatedTextTests {
    /// Equal bytes give the remembered String; different bytes (also a prefix, also empty) a new one.
    @Test(arguments: [
        (["钦南区", "钦南区", "钦北区", "钦南区"], ["钦南区", "钦南区", "钦北区", "钦南区"]),
        (["abc", "ab", "abc", ""], ["abc", "ab", "abc", ""]),
        (["", ""], ["", ""]),
    ])
    func readsEveryValueAsItsText(values: [String], expected: [String]) {
        var repeated = RepeatedText(remembering: 2)
        let read = values.map { value in Array(value.utf8).withUnsafeBufferPointer { repeated.text($0) } }
        #expect(read == expected)
    }

    /// More distinct values than it remembers: still every value right (the oldest is forgotten).
    @Test func moreDistinctValuesThanRemembered() {
        var repeated = RepeatedText(remembering: 3)
        let values = (0..<50).map { "部门\($0 % 7)" }
        let read = values.map { value in Array(value.utf8).withUnsafeBufferPointer { repeated.text($0) } }
        #expect(read == values)
    }
}
