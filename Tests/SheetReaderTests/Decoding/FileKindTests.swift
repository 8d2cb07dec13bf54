import Foundation
import Testing
@testable import SheetReader

/// Files that are no CSV at all are rejected naming what they are.
@Suite struct FileKindTests {
    @Test(arguments: [
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "Excel workbook (.xlsx"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], "Excel 97-2003 workbook"),
        (Array("%PDF-1.7\n".utf8), "PDF"),
        (Array("\u{FEFF}  <!DOCTYPE html><html><body><table><tr><td>县区</td></tr></table>".utf8), "HTML"),
        (Array("<table><tr><td>指标</td><td>本年累计</td></tr></table>".utf8), "HTML"),
    ] as [([UInt8], String)])
    func namedForWhatTheyAre(bytes: [UInt8], says: String) throws {
        let error = #expect(throws: SheetError.self) {
            _ = try RecordStream(bytes: bytes, fileName: "2023-06_主要指标.csv")
        }
        #expect(error?.message.contains(says) == true, "\(error?.message ?? "")")
    }

    /// Text, including text that mentions markup later on, is read as text.
    @Test(arguments: ["县区,本年累计\n钦南区,<b>1</b>\n", "项目名称,备注\n甲,见<table>附件\n"])
    func textIsText(_ csv: String) throws {
        #expect(FileKind.notCSV(Array(csv.utf8)) == nil)
    }
}
