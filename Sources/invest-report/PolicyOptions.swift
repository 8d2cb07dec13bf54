import ArgumentParser
import InvestmentQueries

/// Checks the policy reports share: they are by region and have no indicator.
func validatePolicyReport(_ options: ReportOptions, _ name: String) throws {
    guard options.by == .region else {
        throw ValidationError("\(name) is listed by region; --by \(options.by.rawValue) is not available")
    }
    if options.indicator != nil {
        throw ValidationError("\(name) is not an indicator report; --indicator does not apply")
    }
}
