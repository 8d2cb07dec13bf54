import ArgumentParser
import Foundation
import InvestmentQueries
import ReportRendering

struct BulletinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "The monthly bulletin (月度通报): YoY charts against the targets, target progress, transfer payments, alerts, ranking.",
        discussion: "HTML is one self-contained file (inline SVG, no network, no JavaScript): invest-report bulletin --month 2022-06 > bulletin.html")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, markdown
    }

    @OptionGroup var options: ReportOptions

    @Option(help: "Output format: html or markdown.")
    var format: Format = .html

    func validate() throws {
        guard options.by == .region else { throw ValidationError("the bulletin is by region (--by region)") }
        if options.indicator != nil { throw ValidationError("the bulletin covers fai and industrial; --indicator does not apply") }
    }

    func run() throws {
        try ErrorReport.run("bulletin") {
            let queries = try options.connect()
            let (_, region) = try options.resolve(queries, defaultIndicator: nil)
            let bulletin = try BulletinBuilder(queries: queries, month: options.reportMonth, region: region).build()
            switch format {
            case .html: emit(renderBulletinHTML(bulletin))
            case .markdown: emit(renderBulletinMarkdown(bulletin))
            }
        }
    }
}
