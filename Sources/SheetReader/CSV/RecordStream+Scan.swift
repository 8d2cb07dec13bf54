// A reader-only pass for benchmarks and `invest-etl read --stats`: decode and tokenize a
// whole file, keeping nothing.

import Foundation

/// Reads every record of the file at `url`; returns how many records and original bytes.
public func scanFile(url: URL, encoding: TextEncoding? = nil) throws -> (records: Int, bytes: Int) {
    let stream = try RecordStream(url: url, encoding: encoding)
    var records = 0
    while try stream.next() != nil { records += 1 }
    return (records, stream.bytesRead)
}
