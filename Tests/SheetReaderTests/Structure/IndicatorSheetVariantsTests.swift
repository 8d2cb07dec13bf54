import Foundation
import Testing
@testable import SheetReader

/// County indicator sheets whose value column an earlier reader did not find or took from the
/// wrong period (probe F): the rows were loaded with only a rate, or with last month's figure.
@Suite struct IndicatorSheetVariantsTests {
    /// A period word (`上半年累计`, `前三季度完成`, `全年累计`) or `本月累计` is the year-to-date value;
    /// a quarter's own figure beside it (`本季度`, `二季度完成`, `上月累计`) is not.
    @Test(arguments: [
        ("2022年上半年各县区固定资产投资完成情况", ["县区", "上半年完成", "同比增长（%）"], ["钦南区", "1205465.82", "-9.9"]),
        ("2022年二季度各县区固定资产投资完成情况", ["县区", "本季度", "上半年累计", "增速（%）"], ["钦南区", "505465.82", "1205465.82", "-9.9"]),
        ("2022年二季度各县区固定资产投资完成情况", ["县区", "二季度完成", "上半年累计", "同比增长（%）"], ["钦南区", "500000", "1205465.82", "-9.9"]),
        ("2022年1-6月各县区固定资产投资", ["县区", "上月累计", "本月累计", "同比增长（%）"], ["钦南区", "990000", "1205465.82", "-9.9"]),
        ("2022年前三季度各县区固定资产投资", ["县区", "前三季度累计", "增速（%）"], ["钦南区", "1205465.82", "-9.9"]),
        ("2022年前三季度各县区固定资产投资", ["县区", "前三季度完成", "增速（%）"], ["钦南区", "1205465.82", "-9.9"]),
        ("2022年各县区固定资产投资完成情况", ["县区", "全年完成", "增速（%）"], ["钦南区", "1205465.82", "-9.9"]),
        ("2022年1-12月各县区固定资产投资", ["县区", "全年累计", "增速（%）"], ["钦南区", "1205465.82", "-9.9"]),
    ] as [(String, [String], [String])])
    func periodWordsNameTheValue(title: String, header: [String], row: [String]) throws {
        let (reader, out) = try readAll([[title], header, row])
        let fai = try #require(out.compactMap(\.indicators).first?.first)
        #expect(fai.indicator == "fai")
        #expect(fai.ytdValue == D("1205465.82"))
        #expect(fai.reportedYoYPct == D("-9.9"))
        #expect(!reader.warnings.contains { $0.message.contains("names month") })
    }

    /// `上半年累计` in a July sheet names June: read as July, as `1-6月累计` is, with a warning.
    @Test func periodWordNamingAnotherMonth() throws {
        let (reader, out) = try readAll([["2022年1-7月各县区固定资产投资"], ["县区", "上半年累计", "增速（%）"], ["钦南区", "100", "5"]])
        #expect(reader.info.month == YearMonth(year: 2022, month: 7))
        #expect(out.compactMap(\.indicators).first?.first?.ytdValue == D("100"))
        #expect(reader.warnings.contains { $0.message.contains("column '上半年累计' names month 6 but the sheet is for 2022-07") })
    }

    /// `本季度` alone is no year to date: the sheet has only its rate.
    /// The batch says which column it did not read; a sheet of rates alone (`县市区增速`) says nothing.
    @Test func quarterAloneIsNoValue() throws {
        let (reader, out) = try readAll([["2022年二季度各县区固定资产投资"], ["县区", "本季度", "增速（%）"], ["钦南区", "500000", "5"]])
        #expect(out.compactMap(\.indicators).first?.first?.ytdValue == nil)
        #expect(reader.warnings.contains { $0.message.contains("no year-to-date value column (headers seen: 县区 | 本季度 | 增速)")
            && $0.message.contains("not read: '本季度'") })
        let (rates, _) = try readAll([["2022年1-11月各县区投资增速"], ["序号", "县区", "固定资产投资增速（%）", "排位"], ["1", "钦南区", "16.0", "1"]])
        #expect(rates.warnings.isEmpty)
    }

    /// Last month's column left in a wide sheet, in either order: the one naming the sheet's
    /// month is the value (`1-5月累计` was loaded as June's).
    @Test(arguments: [
        (["1-5月累计", "1-6月累计"], ["990000", "1205465.82"], ["400000", "508727.19"]),
        (["1-6月累计", "1-5月累计"], ["1205465.82", "990000"], ["508727.19", "400000"]),
    ] as [([String], [String], [String])])
    func lastMonthsColumnInAnIndicatorGroup(columns: [String], fai: [String], industrial: [String]) throws {
        let (reader, out) = try readAll([
            ["2022年1-6月各县区投资主要指标"],
            ["县区", "固定资产投资", "", "", "工业投资", "", ""],
            [""] + columns + ["同比增长（%）"] + columns + ["同比增长（%）"],
            ["钦南区"] + fai + ["-9.9"] + industrial + ["-3.5"],
        ])
        let rows = try #require(out.compactMap(\.indicators).first)
        #expect(rows.first { $0.indicator == "fai" }?.ytdValue == D("1205465.82"))
        #expect(rows.first { $0.indicator == "industrial" }?.ytdValue == D("508727.19"))
        #expect(rows.first { $0.indicator == "fai" }?.reportedYoYPct == D("-9.9"))
        #expect(!reader.warnings.contains { $0.message.contains("names month 5") })
    }

    /// `同比增长（%）` written as fractions (`0.153`, Excel's `=(B-C)/C` in General format): read
    /// ×100 when the sheet's value and prior-year columns prove it, with one warning per column;
    /// without a prior-year column read as written with a warning; percents, a cell writing its
    /// `%`, or figures disproving it, as written (the county got 0.15 % and every verdict was wrong).
    @Test(arguments: [
        (["县区", "1-7月累计", "去年同期", "同比增长（%）"], [["钦南区", "1150000", "1000000", "0.15"], ["钦北区", "630000", "600000", "0.05"]],
         ["15", "5"], "read as fractions, ×100"),
        (["县区", "1-7月累计", "同比增长（%）"], [["钦南区", "1150000", "0.153"], ["钦北区", "630000", "-0.051"]],
         ["0.153", "-0.051"], "rates all below 1 % (0.153, -0.051): written as fractions?"),
        (["县区", "1-7月累计", "去年同期", "同比增长（%）"], [["钦南区", "1150000", "1000000", "15.0"], ["钦北区", "630000", "600000", "5.0"]],
         ["15", "5"], nil),
        (["县区", "1-7月累计", "去年同期", "同比增长（%）"], [["钦南区", "1001500", "1000000", "0.15%"], ["钦北区", "600300", "600000", "0.05%"]],
         ["0.15", "0.05"], nil),
        (["县区", "1-7月累计", "去年同期", "同比增长（%）"], [["钦南区", "1001500", "1000000", "0.15"], ["钦北区", "600300", "600000", "0.05"]],
         ["0.15", "0.05"], nil),
    ] as [([String], [[String]], [String], String?)])
    func growthWrittenAsFractions(header: [String], rows: [[String]], rates: [String], warning: String?) throws {
        let (reader, out) = try readAll([["2022年1-7月各县区固定资产投资"], header] + rows)
        #expect(out.compactMap(\.indicators).flatMap { $0 }.map(\.reportedYoYPct) == rates.map(D))
        let said = reader.warnings.filter { $0.message.contains("between -1 and 1") || $0.message.contains("below 1 %") }
        if let warning {
            #expect(said.count == 1 && said[0].message.contains(warning), "\(said)")
            #expect(said.first?.message.contains("'同比增长' (column \(header.count))") == true)
        } else {
            #expect(said.isEmpty)
        }
    }
}
