import Foundation

/// What the loader has staged of one project-progress file, kept on the client as it stages, so
/// that the merge need not ask the server (issue 6): each of those questions was a scan of the
/// file's staged rows — a window sort for duplicates, anti-joins for departments, two
/// `DISTINCT`s for the (region, month) pairs and the line count — ~12 ms a county file, 2 s of
/// the large corpus.
///
/// A row repeating a project already staged (same region, code and month) is not staged: the
/// loader rejects it with the reason the server's check gives (`duplicateReason`), and the
/// first line stays. Codes compare by their UTF-8 bytes, as `text` equality does in the
/// server, not by Swift's canonical equivalence.
///
/// Memory stays flat: past `keyLimit` projects or `departmentLimit` departments (a county file
/// has a few thousand projects and a few dozen departments; the bench's 1 GiB file 6.9 million
/// projects, 1.3 GB of keys) the ledger forgets its keys and is `overflowed`: the loader then
/// asks the server as before (`Merge.rejectInvalid`, `stagedLines`, `createDepartments`).
struct ProjectLedger: Sendable {
    let keyLimit: Int
    let departmentLimit: Int

    init(keyLimit: Int = 20_000, departmentLimit: Int = 2_000) {
        self.keyLimit = keyLimit
        self.departmentLimit = departmentLimit
    }

    private struct Key: Hashable, Sendable {
        var region: Int
        var month: Int
        var code: Bytes
    }

    /// A string compared and hashed by its UTF-8 bytes (no copy: the row's own string).
    struct Bytes: Hashable, Sendable {
        let text: String
        static func == (a: Bytes, b: Bytes) -> Bool {
            var (x, y) = (a.text, b.text)
            return x.withUTF8 { p in
                y.withUTF8 { q in p.count == q.count && (p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) }
            }
        }
        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    private var firstLine: [Key: Int] = [:]
    /// Rows staged (one per input line).
    private(set) var lines = 0
    /// The (region, month) pairs the staged rows fall in.
    private(set) var pairs: Set<RegionMonth> = []
    /// Departments as staged: normalised name → the name on its first line, in first-seen order.
    private(set) var departments: [(norm: String, name: String)] = []
    private var departmentSeen: Set<Bytes> = []
    private var lastDepartment: String?
    /// Too many projects or departments to keep: repeats, lines and departments are the server's.
    private(set) var overflowed = false

    /// Records a row about to be staged; returns the line of the earlier row with the same
    /// project when this one repeats it (then nothing is recorded and the row is not staged).
    mutating func stage(line: Int, region: Int, month: Int, code: String, department: String?) -> Int? {
        lines += 1
        pairs.insert(RegionMonth(region: region, month: month))
        guard !overflowed else { return nil }
        if firstLine.isEmpty { firstLine.reserveCapacity(8_192) }  // a county file's rows, without rehashing
        let key = Key(region: region, month: month, code: Bytes(text: code))
        if let first = firstLine[key] {
            lines -= 1
            return first
        }
        firstLine[key] = line
        // Rows of one department come together: normalise a name once per run of it.
        if department != lastDepartment {
            lastDepartment = department
            let department = StagingRows.department(department)
            if let norm = department.norm, let name = department.raw, departmentSeen.insert(Bytes(text: norm)).inserted {
                departments.append((norm, name))
            }
        }
        if firstLine.count > keyLimit || departments.count > departmentLimit { forget() }
        return nil
    }

    private mutating func forget() {
        overflowed = true
        firstLine = [:]
        departmentSeen = []
        departments = []
    }

    /// The reject reason of a repeated project, worded as `Merge.rejectInvalid` words it.
    static func duplicateReason(firstLine: Int, code: String, name: String) -> String {
        "重复：与第 \(firstLine) 行相同 / duplicate of line \(firstLine) (\(duplicateRaw(code: code, name: name)))"
    }

    /// The raw text of a repeated project's reject (`project_code || ' ' || project_name`).
    static func duplicateRaw(code: String, name: String) -> String {
        StagingRows.trimmed(code) + " " + StagingRows.trimmed(name)
    }
}
