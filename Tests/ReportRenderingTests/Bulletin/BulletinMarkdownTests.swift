import Testing
@testable import ReportRendering

@Suite struct BulletinMarkdownTests {
    @Test func sameContentAsTextCharts() {
        let md = renderBulletinMarkdown(Sample.bulletin())
        #expect(md.hasPrefix("# 全市固定资产投资月度通报\n"))
        #expect(md.contains("2022年1-6月 · 生成时间 2022-07-15 08:00"))
        #expect(md.contains("## 一、固定资产投资增速"))
        #expect(md.contains("**各县区固定资产投资同比增速**（目标 15.0%）"))
        #expect(md.contains("**年度目标完成率**（目标进度 100.0%，时间进度 50.0%）"))
        #expect(md.contains("| 地区 | 累计完成(万元) |"))
        #expect(md.contains("**约谈（0）**\n\n无"))
        #expect(md.contains("- 灵山县：同比下降3.0%，低于目标18.0个百分点"))
    }

    @Test func textBarChartAlignsLabelsAndValues() throws {
        let chart = BarChart(title: "增速", bars: [
            (label: "钦南区", value: dec("16.3")), (label: "Port", value: dec("8")),
            (label: "灵山县", value: dec("-3.04")), (label: "三娘湾管理区", value: nil),
        ], targetLine: 15)
        let text = textChart(.bars(chart))
        let rows = text.split(separator: "\n").drop { $0 != "```text" }.dropFirst().prefix { $0 != "```" }.map(String.init)
        #expect(rows.count == 4)
        // Values end at the same display column on every row.
        let valueEnds = zip(rows, ["16.3%", "8.0%", "-3.0%", "无数据"]).map { row, value -> Int in
            let r = row.range(of: value)!
            return displayWidth(row[..<r.upperBound])
        }
        #expect(Set(valueEnds).count == 1, "\(rows)")
        #expect(rows[0].hasSuffix(String(repeating: "█", count: 24) + " 达标"))
        #expect(rows[1].hasSuffix(" 未达标"))
        #expect(rows[2].contains("░") && rows[2].hasSuffix("未达标"))
        #expect(!rows[3].contains("█"))
    }

    @Test(arguments: [(total: 1_234, shortened: true), (total: 2, shortened: false)])
    func shortenedListCountsAllAndSaysHowManyMore(total: Int, shortened: Bool) {
        var bulletin = Sample.bulletin()
        bulletin.sections[0].lists = [BulletinList(title: "仍停工的项目", style: .reminder, items: ["甲项目", "乙项目"],
                                                   total: total, moreText: "另有 \(total - 2) 个")]
        let md = renderBulletinMarkdown(bulletin)
        #expect(md.contains("**仍停工的项目（\(total)）**\n\n- 甲项目\n- 乙项目\n"))
        #expect(md.contains("- 乙项目\n\n另有 \(total - 2) 个") == shortened)
    }
}
