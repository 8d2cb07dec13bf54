import ArgumentParser

@main
struct InvestETL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invest-etl",
        abstract: "Load county investment spreadsheets into the warehouse.")
}
