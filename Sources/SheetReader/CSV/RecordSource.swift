// The tokenizer's face to the structure layer: records one at a time, never the whole file.

public protocol RecordSource: AnyObject {
    /// The next record, or nil at end of input. Throws `SheetError` (invalidEncoding,
    /// malformedCSV, tooLarge, unreadable); after a throw the source is finished.
    func next() throws -> CSVRecord?
    var encoding: TextEncoding { get }
    /// `,` `\t` or `;` as an ASCII byte.
    var delimiter: UInt8 { get }
}
