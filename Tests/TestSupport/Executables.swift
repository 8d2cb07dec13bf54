import Foundation

/// Finds the package's built executables (e.g. `invest-etl`) next to the running test bundle,
/// so CLI tests run exactly what `swift build` produced for this build directory.
public enum Executables {
    public struct NotFound: Error, CustomStringConvertible {
        public let name: String
        public let searched: [String]
        public var description: String {
            "executable \(name) not found (looked in \(searched.joined(separator: ", "))); run `swift build` first (etl/test.sh does)"
        }
    }

    public static func url(of name: String) throws -> URL {
        var directories: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first, first.contains("/") {
            directories.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        directories.append(Bundle.main.bundleURL)
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        // The test bundle sits in <scratch>/<triple>/debug/ (or inside an .xctest folder there).
        var searched: [String] = []
        for directory in directories {
            var current = directory.standardizedFileURL
            for _ in 0..<3 {
                let candidate = current.appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                searched.append(current.path)
                current = current.deletingLastPathComponent()
            }
        }
        throw NotFound(name: name, searched: Array(Set(searched)).sorted())
    }
}
