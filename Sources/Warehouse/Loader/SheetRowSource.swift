import Foundation
import SheetReader

/// What the loader needs from a sheet reader: the contract of `SheetReader/SheetModel.swift`
/// (every record exactly once as data, skipped or rejected; whole-file failures throw
/// `SheetError`). A seam so the loader does not depend on how the reader is built.
public protocol SheetRowSource: AnyObject {
    var info: SheetInfo { get }
    func next() throws -> RowOutcome?
    var warnings: [SheetWarning] { get }
    var recordsRead: Int { get }
    /// Input bytes consumed so far, when the reader knows (for the progress line).
    var bytesRead: Int? { get }
}

extension SheetRowSource {
    public var bytesRead: Int? { nil }
}

/// Opens a file for reading; the loader's default is the SheetReader module's reader.
public typealias SheetOpener = @Sendable (URL, ReadOptions) throws -> SheetRowSource
