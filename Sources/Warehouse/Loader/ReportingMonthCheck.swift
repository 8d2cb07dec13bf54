import Foundation
import SheetReader

/// A reporting month after the current month cannot be real data: a typo in the title or file
/// name (`2032年` for `2022年`), or `--month` mistyped. Such a file is rejected as a whole,
/// before anything is staged, rather than creating facts for a month that has not happened.
/// The current month is the machine's local calendar month (the job runs where the counties'
/// files arrive; a file for the current month is normal near the month's end).
enum ReportingMonthCheck {
    static func currentMonth(now: Date = Date(), calendar: Calendar = .current) -> YearMonth {
        let parts = calendar.dateComponents([.year, .month], from: now)
        return YearMonth(year: parts.year ?? 1970, month: parts.month ?? 1)
    }

    /// Throws a whole-file `SheetError` when the sheet's month is in the future.
    static func check(_ info: SheetInfo, current: YearMonth = currentMonth()) throws {
        guard info.month > current else { return }
        // A targets sheet is about a whole year and may arrive before it starts.
        if info.layout == .targets && info.month.year <= current.year + 1 { return }
        throw SheetError(
            code: .missingMonth, file: info.fileName, line: info.headerLines.first,
            message: "reporting month \(info.month) is after the current month \(current): check the title, "
                + "the file name or --month (titles: \(info.titles.prefix(2).joined(separator: " / ")))")
    }
}
