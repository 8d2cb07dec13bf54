import ArgumentParser
import Foundation
import InvestmentQueries
import PostgresClient
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
            let month = options.reportMonth
            // The policy sections are read on a second connection at the same time, from the same
            // snapshot: the server plans and runs the two halves on two cores (at ten million
            // facts the bulletin is ~65 ms of server time, a third of it planning the views).
            let snapshot = try queries.exportSnapshot()
            let url = options.databaseURL
            let policy = BackgroundWork {
                let other = InvestmentQueries(connection: try Connection.connect(url))
                try other.useSnapshot(snapshot)
                return try PolicyBulletinSections(queries: other, month: month, region: region).build()
            }
            var builder = BulletinBuilder(queries: queries, month: month, region: region)
            builder.policySections = { try policy.result() }
            let bulletin = try builder.build()
            switch format {
            case .html: emit(renderBulletinHTML(bulletin))
            case .markdown: emit(renderBulletinMarkdown(bulletin))
            }
        }
    }
}
