import Foundation
import Testing
@testable import ReportRendering

@Suite struct BulletinHTMLTests {
    @Test func selfContainedDocument() {
        let html = renderBulletinHTML(Sample.bulletin())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<h1>全市固定资产投资月度通报</h1>"))
        #expect(html.contains("2022年1-6月"))
        #expect(html.contains("生成时间 2022-07-15 08:00"))
        let lower = html.lowercased()
        for forbidden in ["<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import", "https://"] {
            #expect(!lower.contains(forbidden), "found \(forbidden)")
        }
        // The only URL is the SVG namespace, which is a name and never fetched.
        #expect(lower.components(separatedBy: "http://").count - 1 == lower.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
    }

    @Test func chartsTablesAndAlertLists() {
        let html = renderBulletinHTML(Sample.bulletin())
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(elements("rect", class: "bar", in: html).count == 5 + 5)  // one region has no value
        #expect(html.contains("<div class=\"alert praise\">"))
        #expect(html.contains("<h3>约谈（0）</h3>\n<p class=\"empty\">无</p>"))
        #expect(html.contains("<li>灵山县：同比下降3.0%，低于目标18.0个百分点</li>"))
        #expect(html.contains("<caption>各县区固定资产投资同比增速（2022年1-6月）</caption>"))
    }

    /// The note naming the sections without data stands under the title, before any section,
    /// in both renderings (escaped like every other text).
    @Test func notesStandUnderTheTitle() throws {
        var bulletin = Sample.bulletin()
        bulletin.notes = ["本月无数据的部分：四、上级转移支付资金 <b>"]
        let html = renderBulletinHTML(bulletin)
        let note = try #require(html.range(of: "<p class=\"bulletin-note\">本月无数据的部分：四、上级转移支付资金 &lt;b&gt;</p>"))
        #expect(note.lowerBound > html.range(of: "<p class=\"subtitle\">")!.lowerBound)
        #expect(note.upperBound < html.range(of: "<section>")!.lowerBound)
        let md = renderBulletinMarkdown(bulletin)
        #expect(md.contains("生成时间 2022-07-15 08:00\n\n> 本月无数据的部分：四、上级转移支付资金 \\<b\\>\n\n## 一、"), "\(md)")
        #expect(!renderBulletinHTML(Sample.bulletin()).contains("bulletin-note\">"))
    }

    @Test(arguments: ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "</text></svg><script>x()</script>"])
    func regionNamesCannotInjectMarkup(name: String) {
        var bulletin = Sample.bulletin(regions: [(name, "3"), ("钦南区", "20")], title: name)
        bulletin.sections[0].lists = [BulletinList(title: name, style: .reminder, items: [name])]
        bulletin.sections[0].paragraphs = [name]
        bulletin.sections[0].heading = name
        let html = renderBulletinHTML(bulletin)
        let lower = html.lowercased()
        #expect(!lower.contains("<script"))
        #expect(!lower.contains("<img"))
        #expect(!lower.contains("</svg><"))
        #expect(html.contains(htmlEscape(name)))
    }

    /// A list that names only the first of many: the title counts them all, a note says how
    /// many are left out; a whole list has no note even when one is given.
    @Test(arguments: [(total: 1_234, shortened: true), (total: 2, shortened: false)])
    func shortenedListCountsAllAndSaysHowManyMore(total: Int, shortened: Bool) {
        var bulletin = Sample.bulletin()
        bulletin.sections[0].lists = [BulletinList(title: "仍停工的项目", style: .reminder, items: ["甲 <项目>", "乙项目"],
                                                   total: total, moreText: "另有 \(total - 2) 个 & 更多")]
        let html = renderBulletinHTML(bulletin)
        #expect(html.contains("<h3>仍停工的项目（\(total)）</h3>"))
        #expect(html.contains("<li>甲 &lt;项目&gt;</li><li>乙项目</li>"))
        #expect(html.contains("<p class=\"more\">另有 \(total - 2) 个 &amp; 更多</p>") == shortened)
    }
}
