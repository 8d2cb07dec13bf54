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
/// `dim_project` meanwhile. Memory stays flat: past `limit` projects no new entry is kept.
final class ProjectCache {
    struct Entry: Equatable {
        var key: Int
        var attributes: Int
    }

    private struct Key: Hashable {
        var region: Int
        var code: ProjectLedger.Bytes
    }

    let limit: Int
    private var entries: [Key: Entry] = [:]
    /// Entries of the file being loaded, kept only if it commits loaded.
    private var pending: [(Key, Entry)] = []

    init(limit: Int = 200_000) {
        self.limit = limit
    }

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    func entry(region: Int, code: String) -> Entry? {
        entries[Key(region: region, code: ProjectLedger.Bytes(text: code))]
    }

    /// A project the current file merged (or found) with these attributes.
    func stage(region: Int, code: String, key: Int, attributes: Int) {
        pending.append((Key(region: region, code: ProjectLedger.Bytes(text: code)), Entry(key: key, attributes: attributes)))
    }

    /// The current file committed, loaded: its projects are as staged.
    func commit() {
        for (key, entry) in pending where entries.count < limit || entries[key] != nil {
            entries[key] = entry
        }
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
            entries[Key(region: region, code: ProjectLedger.Bytes(text: text))] = nil
        }
    }
}
