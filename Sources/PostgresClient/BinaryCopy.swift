/// COPY binary format (`COPY … FROM STDIN (FORMAT binary)`): raw values, no text escaping or
/// decoding on either side. The stream is `header`, then one tuple per row, then `trailer`;
/// integers are big-endian and every value must have exactly the column's type (`int64` for
/// bigint, `int32` for integer, raw bytes for bytea; text as UTF-8).
/// See https://www.postgresql.org/docs/current/sql-copy.html#SQL-COPY-BINARY-FORMAT
public struct BinaryCopyTuple {
    /// Signature `PGCOPY\n\377\r\n\0`, flags 0, header extension length 0.
    public static let header: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00] + [0, 0, 0, 0] + [0, 0, 0, 0]
    /// A field count of -1 ends the data.
    public static let trailer: [UInt8] = [0xFF, 0xFF]

    /// The tuple so far: its field count, then each value's length and bytes.
    public private(set) var bytes: [UInt8] = []

    public init(fieldCount: Int) {
        precondition(fieldCount >= 0 && fieldCount <= Int(Int16.max), "field count out of range")
        bytes.reserveCapacity(2 + fieldCount * 12)
        appendBigEndian(Int16(fieldCount))
    }

    /// A `bigint` value.
    public mutating func append(int64 value: Int64) {
        appendBigEndian(Int32(8))
        appendBigEndian(value)
    }

    /// An `integer` value.
    public mutating func append(int32 value: Int32) {
        appendBigEndian(Int32(4))
        appendBigEndian(value)
    }

    public mutating func appendNull() {
        appendBigEndian(Int32(-1))
    }

    /// A `bytea` (or, as UTF-8, `text`) value.
    public mutating func append(bytes value: some Collection<UInt8>) {
        appendLength(value.count)
        bytes.append(contentsOf: value)
    }

    /// The length of a value whose `count` bytes the caller writes right after this tuple
    /// (a large value sent without copying it into the tuple). It must be the last field.
    public mutating func appendLength(_ count: Int) {
        precondition(count >= 0 && count <= Int(Int32.max), "a COPY binary value holds at most 2 GiB - 1 bytes")
        appendBigEndian(Int32(count))
    }

    private mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }
}
