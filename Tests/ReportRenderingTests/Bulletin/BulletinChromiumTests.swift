import Foundation
import Testing
@testable import ReportRendering

/// Renders bulletins in headless Chromium (Debian's `chromium`) and checks the screenshots.
/// Chromium and a CJK font (`fonts-wqy-zenhei`) are installed by etl/test.sh; without Chromium
/// these tests fail rather than skip.
@Suite(.serialized) struct BulletinChromiumTests {
    static let width = 1200, height = 1600

    @Test func bulletinRendersToAScreenshot() throws {
        let browser = try chromium()
        let bulletin = try screenshot(renderBulletinHTML(Sample.bulletin()), browser: browser)
        let png = try PNGInfo(bulletin)
        #expect(png.width == Self.width && png.height == Self.height)
        // A blank page compresses to a few KB; a page of charts, tables and text does not.
        let blank = try screenshot(htmlDocument(title: "blank", body: ""), browser: browser)
        #expect(bulletin.count > 30_000, "screenshot only \(bulletin.count) bytes")
        #expect(bulletin.count > blank.count * 4, "bulletin \(bulletin.count) bytes vs blank page \(blank.count)")

        // Different data, different picture.
        let other = try screenshot(renderBulletinHTML(Sample.bulletin(regions: [("钦北区", "-8"), ("灵山县", "30")])), browser: browser)
        #expect(other != bulletin)
    }

    /// With no CJK font every ideograph draws as the same missing-glyph box, so two pages that
    /// differ in one character would give identical screenshots.
    @Test func chineseGlyphsAreDrawn() throws {
        let browser = try chromium()
        func page(_ text: String) -> String {
            htmlDocument(title: "glyph", body: "<p style=\"font-size:160px;margin:0\">\(htmlEscape(text))</p>")
        }
        let south = try screenshot(page("钦南区"), browser: browser)
        let north = try screenshot(page("钦北区"), browser: browser)
        #expect(try PNGInfo(south).width == Self.width)
        #expect(south != north, "两个不同汉字渲染结果相同：缺少中文字体 (install fonts-wqy-zenhei; run through etl/test.sh)")
    }

    // MARK: - helpers

    func chromium() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        throw ChromiumMissing(description: "chromium not found on PATH (\(path)). Run the tests through etl/test.sh, which installs chromium and fonts-wqy-zenhei.")
    }

    struct ChromiumMissing: Error, CustomStringConvertible { var description: String }
    struct ChromiumFailed: Error, CustomStringConvertible { var description: String }

    /// Writes `html` to a temp file and screenshots it; the PNG bytes. Fails after 60 s.
    func screenshot(_ html: String, browser: URL) throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rnd-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["KEEP_SCREENSHOTS"] == nil { try? FileManager.default.removeItem(at: dir) } }
        let page = dir.appendingPathComponent("page.html"), png = dir.appendingPathComponent("page.png")
        let log = dir.appendingPathComponent("chromium.log")
        try Data(html.utf8).write(to: page)
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }

        let process = Process()
        process.executableURL = browser
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--no-first-run", "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
            "--screenshot=\(png.path)", "--window-size=\(Self.width),\(Self.height)", page.absoluteString,
        ]
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { usleep(100_000) }
        if process.isRunning {
            process.terminate()
            throw ChromiumFailed(description: "chromium did not finish within 60 s (\(log.path))")
        }
        guard let data = FileManager.default.contents(atPath: png.path) else {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw ChromiumFailed(description: "chromium exited \(process.terminationStatus) without a screenshot:\n\(output.suffix(2000))")
        }
        return data
    }
}

/// The PNG signature and the IHDR chunk's size fields.
struct PNGInfo {
    var width: Int
    var height: Int

    init(_ data: Data) throws {
        let bytes = [UInt8](data.prefix(24))
        struct NotPNG: Error {}
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == Array("IHDR".utf8)[...] else { throw NotPNG() }
        func be32(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        width = be32(16)
        height = be32(20)
    }
}
