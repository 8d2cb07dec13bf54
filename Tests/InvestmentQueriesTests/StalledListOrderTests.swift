import Testing
@testable import InvestmentQueries

/// The whole stalled list is sorted in Swift; the order must be the SQL `ORDER BY city_key,
/// sort_order, restarted, listed_month_key, project_code` under the C collation, NULLs last.
@Suite struct StalledListOrderTests {
    typealias Key = (city: Int?, sortOrder: Int?, restarted: Bool?, listed: Int?, code: String?, position: Int)

    static func key(_ city: Int?, _ sort: Int?, _ restarted: Bool?, _ listed: Int?, _ code: String?, _ position: Int = 0) -> Key {
        (city, sort, restarted, listed, code, position)
    }

    /// Whether `a` precedes `b`, their codes laid in one buffer as the sort lays them.
    static func precedes(_ a: Key, _ b: Key) -> Bool {
        var codes: [UInt8] = []
        func sortKey(_ k: Key) -> StalledListOrder.Key {
            let code = k.code.map { text -> Range<Int> in
                let start = codes.count
                codes.append(contentsOf: Array(text.utf8))
                return start..<codes.count
            }
            var key = StalledListOrder.Key(city: k.city, sortOrder: k.sortOrder, restarted: k.restarted, listed: k.listed,
                                           code: code, position: k.position)
            if let code { key.head = codes.withUnsafeBufferPointer { StalledListOrder.head(UnsafeBufferPointer(rebasing: $0[code])) } }
            return key
        }
        let (x, y) = (sortKey(a), sortKey(b))
        return codes.withUnsafeBufferPointer { StalledListOrder.precedes(x, y, codes: $0) }
    }

    @Test(arguments: [
        (key(8, 1, false, 202201, "B"), key(9, 0, false, 202101, "A"), true),       // city first
        (key(8, 2, false, 202101, "A"), key(8, 1, true, 202201, "B"), false),        // then the region's order
        (key(8, 1, false, 202205, "Z"), key(8, 1, true, 202101, "A"), true),         // not restarted before restarted
        (key(8, 1, false, 202101, "Z"), key(8, 1, false, 202102, "A"), true),        // earliest listed first
        (key(8, 1, false, 202101, "B"), key(8, 1, false, 202101, "a"), true),        // codes by bytes: B (0x42) < a
        (key(8, 1, false, 202101, "2021-45"), key(8, 1, false, 202101, "202145"), true), // '-' (0x2D) < '4'
        (key(8, 1, false, 202101, "Z"), key(8, 1, false, 202101, "项目"), true),      // ASCII before CJK
        (key(8, 1, false, 202101, "2021-4507"), key(8, 1, false, 202101, "2021-45070"), true), // a prefix first
        (key(8, 1, false, 202101, "项目乙"), key(8, 1, false, 202101, "项目甲"), true), // 乙 E4 B9 99 < 甲 E7 94 B2
        (key(8, 1, false, 202101, ""), key(8, 1, false, 202101, "A"), true),        // empty first
        (key(nil, 1, false, 202101, "A"), key(8, 1, false, 202101, "A"), false),     // NULL city last
        (key(8, 1, false, nil, "A"), key(8, 1, false, 202101, "B"), false),          // NULL month last
        (key(8, 1, false, 202101, nil), key(8, 1, false, 202101, "A"), false),       // NULL code last
        (key(8, 1, false, 202101, "A", 1), key(8, 1, false, 202101, "A", 2), true),  // ties keep the server's order
        // Codes longer than the 16 bytes compared as two words: the rest decides.
        (key(8, 1, false, 202101, "2201-450702-04-01-123456"), key(8, 1, false, 202101, "2201-450702-04-01-123457"), true),
        (key(8, 1, false, 202101, "2201-450702-04-0"), key(8, 1, false, 202101, "2201-450702-04-01"), true), // 16 bytes, a prefix
        (key(8, 1, false, 202101, "BENCH-16"), key(8, 1, false, 202101, "BENCH-16-1"), true),                // 8 bytes, a prefix
        (key(8, 1, false, 202101, "BENCH-16-10012项目", 2), key(8, 1, false, 202101, "BENCH-16-10012项目", 1), false), // equal long codes tie
        (key(8, 1, false, 202101, "BENCH-16-10012项目甲"), key(8, 1, false, 202101, "BENCH-16-10012项目乙"), false), // 甲 after 乙 past 16 bytes
    ])
    func precedes(a: Key, b: Key, expected: Bool) {
        #expect(Self.precedes(a, b) == expected)
        #expect(Self.precedes(b, a) == !expected)  // every pair differs: a strict order
    }
}
