import Foundation
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

/// Says on stderr that a city-wide table answers a county's `--region` with its city's figures
/// (bond batches and the reserve pool's targets are the city's): the table looked like the
/// county's own.
func noteCityWide(_ region: RegionRef?, _ what: String, instead: String) {
    guard let region, region.level != "city", region.level != "province" else { return }
    FileHandle.standardError.write(Data(("note: \(what) are city-wide: these are the figures of \(region.name)'s city, "
                                         + "not of \(region.name) alone; \(instead)\n").utf8))
}

/// Says on stderr which regions reported such a sheet earlier in the year but not this month:
/// the totals leave their plans or bonds out.
func noteNotReported(_ queries: InvestmentQueries, _ sheet: PolicySheet, month: ReportMonth, region: RegionRef?) throws {
    let missing = try queries.regionsNotReported(sheet, month: month, region: region)
    guard !missing.isEmpty else { return }
    FileHandle.standardError.write(Data(("note: \(missing.joined(separator: "、")) reported earlier in \(month.year) but not "
                                         + "for \(month): the totals leave their \(sheet == .centralBudget ? "plans" : "bonds") out\n").utf8))
}
