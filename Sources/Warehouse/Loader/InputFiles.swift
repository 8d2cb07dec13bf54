import Foundation

/// Which files a `load PATH...` or an inbox run takes, in a stable order.
public enum InputFiles {
    public static let extensions: Set<String> = ["csv", "txt", "tsv"]

    /// Files as given, and the data files under directories (recursively), each directory's
    /// files sorted by their path relative to it (byte order, so `2022-02…` comes before
    /// `2022-10…`; a correction after the other files of its folder, `sortKey`). Hidden files and `.part`/`.tmp` files (still being copied) are left alone.
    public static func expand(_ paths: [String]) throws -> [URL] {
        var result: [URL] = []
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LoaderError.noSuchPath(path)
            }
            let files = isDirectory.boolValue ? try list(directory: URL(fileURLWithPath: path)) : [URL(fileURLWithPath: path)]
            for file in files where seen.insert(file.standardizedFileURL.path).inserted {
                result.append(file)
            }
        }
        return result
    }

    /// Data files under `directory`, recursively, sorted by relative path.
    public static func list(directory: URL) throws -> [URL] {
        guard let files = regularFiles(under: directory) else { throw LoaderError.noSuchPath(directory.path) }
        return files.filter { isDataFile($0.url.lastPathComponent) }
            .map { (key: sortKey($0.relative), url: $0.url) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.url)
    }

    /// The regular, not hidden files under `directory`, recursively, with their paths relative
    /// to it; nil when it cannot be read.
    static func regularFiles(under directory: URL) -> [(relative: String, url: URL)]? {
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return nil }
        var found: [(relative: String, url: URL)] = []
        let base = directory.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            found.append((full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : full, url))
        }
        return found
    }

    /// Byte order of the relative path, except that within a folder a file its name marks as a
    /// correction (`更正-钦南区…`, `…（修订）`) comes after the others (and its subfolders): with Chinese names it
    /// sorted before the original, which then superseded it on the same night.
    static func sortKey(_ relative: String) -> [UInt8] {
        let slash = relative.lastIndex(of: "/")
        let folder = slash.map { String(relative[..<$0]) + "/" } ?? ""
        let name = slash.map { String(relative[relative.index(after: $0)...]) } ?? relative
        // 0xFF never occurs in UTF-8: every other path keeps its order.
        return Array(folder.utf8) + (isCorrection(name) ? [0xFF] : []) + Array(name.utf8)
    }

    static func isCorrection(_ name: String) -> Bool {
        ["更正", "修正", "修订", "订正", "修改稿", "修改版", "更新版", "最终版", "终版", "终稿"].contains { name.contains($0) }
    }

    /// Files under `directory` a run leaves where they are, with why: a workbook not saved as
    /// CSV, a copy still in progress (`.part`, `.tmp`), anything else. The run loaded none of them
    /// and said nothing, so a county's sheet saved as .xlsx waited unseen.
    public static func leftAlone(directory: URL, now: Date = Date()) -> [(path: String, reason: String)] {
        var found: [(path: String, reason: String)] = []
        for file in regularFiles(under: directory) ?? [] {
            let name = file.url.lastPathComponent
            guard !isDataFile(name), !name.hasSuffix(".rejects.txt") else { continue }
            let reason: String
            switch (name as NSString).pathExtension.lowercased() {
            case "xlsx", "xls", "xlsm", "et", "ods", "wps":
                reason = "a workbook, not loaded: save it as CSV (UTF-8 or GBK) or Unicode text"
            case "part", "tmp":
                let modified = try? file.url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
                let minutes = modified.map { Int(now.timeIntervalSince($0) / 60) } ?? 0
                reason = minutes >= 60 ? "still being copied? unchanged for \(minutes / 60) h: not loaded"
                                       : "still being copied: loaded once complete"
            default:
                reason = "not a data file (.csv, .txt, .tsv): not loaded"
            }
            found.append((file.relative, reason))
        }
        return found.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }

    public static func isDataFile(_ name: String) -> Bool {
        guard !name.hasPrefix("."), !name.hasSuffix(".rejects.txt") else { return false }
        let ext = (name as NSString).pathExtension.lowercased()
        return extensions.contains(ext)
    }
}
