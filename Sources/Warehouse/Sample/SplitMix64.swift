/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast, well-mixed PRNG. The sample data
/// must be the same for a seed on every platform and Swift version, so it does not use the
/// standard library's generators.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for one entity: the seed mixed with any number of integers, so that each
    /// project, month or region has its own stream and files can be written in any order.
    public init(seed: UInt64, _ parts: Int...) {
        var mixed = seed
        for part in parts {
            mixed = SplitMix64.mix(mixed ^ (UInt64(bitPattern: Int64(part)) &+ 0x9E37_79B9_7F4A_7C15))
        }
        state = mixed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range` (modulo bias is irrelevant for sample data but the result is exact
    /// and platform-independent, unlike `Int.random(in:using:)` whose algorithm may change).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// True with probability `percent`/100.
    public mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
