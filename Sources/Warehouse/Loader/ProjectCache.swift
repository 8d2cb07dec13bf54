import Foundation

/// The projects one `Loader` has merged in this process, so that a county's monthly restatement
/// of the same projects need not go through staging and the `dim_project` merge (issue 6).
///
/// An entry maps (region, code) to the project's key and a hash of the attributes a project
/// row last gave it (`StagingPreparer.attributes`). The merge sets each attribute to the row's
/// value, or keeps the stored one where the row has none; merging the same row again changes
/// nothing. So a later row with the same hash is known, without asking the server, to leave the
/// project as it is: its fact can be copied straight into `dw.fact_project_month` with the key.
/// Anything else (a project not seen yet, changed attributes, a cache past its limit) takes the
/// staging path, which is always correct.
///
/// Entries change only once the file's transaction has committed with the file loaded
/// (`pending`, `commit`); a policy sheet, whose merge renames projects, drops the projects it
/// names (`forget`). The loader holds `LoadLock` for the whole run, so no other writer changes
/// `dim_project` meanwhile. Memory stays flat: past `limit` projects no new entry is kept
/// (200,000: about 7 MB).
final class ProjectCache {
    struct Entry: Equatable {
        var key: Int
        var attributes: Int
    }

    let limit: Int
    // An open-addressing table over flat arrays, not a `[Key: Entry]` of `String`s: 52,370
    // projects took 8.5 MB that way (a heap string per code, a power-of-two table of 40-byte
    // slots), a seventh of the loader's 64 MB.
    /// Entry index + 1 per slot (0: empty); linear probing; at most half full.
    private var slots: [Int32] = []
    private var regions: [Int32] = []
    private var codes: [UInt8] = []
    /// Where each entry's code ends in `codes` (it starts where the previous one ends).
    private var codeEnds: [Int32] = []
    private var values: [Entry] = []
    /// Entries of the file being loaded, kept only if it commits loaded.
    private var pending: [(region: Int, code: String, entry: Entry)] = []

    init(limit: Int = 200_000) {
        self.limit = limit
    }

    /// Entries kept (forgotten ones included: their slot stays, emptied).
    var count: Int { values.count }
    var isEmpty: Bool { values.isEmpty }

    func entry(region: Int, code: String) -> Entry? {
        guard let index = find(region: region, code: code).index, values[index].key >= 0 else { return nil }
        return values[index]
    }

    /// A project the current file merged (or found) with these attributes.
    func stage(region: Int, code: String, key: Int, attributes: Int) {
        pending.append((region, code, Entry(key: key, attributes: attributes)))
    }

    /// The current file committed, loaded: its projects are as staged.
    func commit() {
        for item in pending { set(region: item.region, code: item.code, item.entry) }
        pending = []
    }

    /// The current file did not load (rejected, failed, rolled back): the server kept nothing of it.
    func discardPending() {
        pending = []
    }

    /// A project another merge changes (a policy sheet's name, total, start date). Both ways
    /// the loader trims a code are forgotten (they differ only for odd spaces at its ends).
    func forget(region: Int, code: String) {
        for text in Set([StagingRows.trimmed(code), code.trimmingCharacters(in: .whitespacesAndNewlines)]) {
            if let index = find(region: region, code: text).index { values[index].key = -1 }
        }
    }

    private func set(region: Int, code: String, _ entry: Entry) {
        guard region <= Int(Int32.max) else { return }
        let found = find(region: region, code: code)
        if let index = found.index {
            values[index] = entry
            return
        }
        guard values.count < limit, codes.count + code.utf8.count < Int(Int32.max) else { return }
        if (values.count + 1) * 2 > slots.count {
            grow()
            set(region: region, code: code, entry)
            return
        }
        regions.append(Int32(region))
        codes.append(contentsOf: code.utf8)
        codeEnds.append(Int32(codes.count))
        values.append(entry)
        slots[found.slot] = Int32(values.count)
    }

    /// The entry of (region, code), or the empty slot where it would go.
    private func find(region: Int, code: String) -> (index: Int?, slot: Int) {
        guard !slots.isEmpty else { return (nil, 0) }
        var code = code
        return code.withUTF8 { bytes in
            let mask = slots.count - 1
            var slot = Self.hash(region: region, bytes) & mask
            while slots[slot] != 0 {
                let index = Int(slots[slot]) - 1
                if Int(regions[index]) == region && matches(index, bytes) { return (index, slot) }
                slot = (slot + 1) & mask
            }
            return (nil, slot)
        }
    }

    private func matches(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = index == 0 ? 0 : Int(codeEnds[index - 1]), end = Int(codeEnds[index])
        guard end - start == bytes.count else { return false }
        return codes.withUnsafeBufferPointer { stored in
            bytes.isEmpty || memcmp(stored.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private func grow() {
        slots = [Int32](repeating: 0, count: max(1024, slots.count * 2))
        let mask = slots.count - 1
        codes.withUnsafeBufferPointer { stored in
            var start = 0
            for index in values.indices {
                let end = Int(codeEnds[index])
                var slot = Self.hash(region: Int(regions[index]), UnsafeBufferPointer(rebasing: stored[start ..< end])) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index + 1)
                start = end
            }
        }
    }

    private static func hash(region: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(region)
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }
}
