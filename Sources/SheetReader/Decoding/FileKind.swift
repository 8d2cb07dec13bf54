/// Files that are no CSV text at all, named for what they are: an .xlsx renamed .csv failed as
/// "bytes … are not valid gb18030", an HTML page as "no header row found" followed by its markup.
enum FileKind {
    /// What the first bytes of a file say it is, when that is not text to read; nil for text.
    static func notCSV(_ p: [UInt8]) -> String? {
        let save = "open it in Excel or WPS and save it as CSV (UTF-8 or GBK)"
        if p.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "an Excel workbook (.xlsx, a zip file), not CSV: \(save)" }
        if p.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "an Excel 97-2003 workbook (.xls), not CSV: \(save)"
        }
        if p.starts(with: Array("%PDF".utf8)) { return "a PDF file, not CSV: ask for the spreadsheet itself" }
        // Markup: ASCII whatever the text's encoding (a UTF-16 file has its BOM and is not checked).
        let head = String(decoding: p.prefix(2048), as: UTF8.self).lowercased()
        if head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).hasPrefix("<"),
           ["<html", "<table", "<!doctype", "<?xml"].contains(where: head.contains) {
            return "an HTML or XML page (a web table saved as .csv), not CSV: \(save)"
        }
        return nil
    }
}
