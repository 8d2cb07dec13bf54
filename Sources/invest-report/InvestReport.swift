import ArgumentParser

@main
struct InvestReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invest-report",
        abstract: "Answer the investment programme's monthly questions.")
}
