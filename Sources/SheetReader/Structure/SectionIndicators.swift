import Foundation

/// A long indicator or targets sheet whose indicators are named only in section rows
/// (`一、固定资产投资`, its regions' rows, `二、工业投资`, …): no 指标 column, no column named by an
/// indicator, none in the title. Each section names the indicator of the rows below it, as
/// section rows give a project's category (DESIGN §5); the sheet was rejected whole.
extension SheetReading {
    /// Whether a section row among the first rows below the header (read ahead, bounded) names
    /// a known indicator.
    static func sectionsNameIndicators(_ analyzer: HeaderAnalyzer, pending: inout [CSVRecord], read: inout Int,
                                       source: any RecordSource) throws -> Bool {
        var i = 0
        while let record = try peek(i, pending: &pending, read: &read, source: source) {
            i += 1
            if case .section(_, let name)? = RowClassifier.classify(record.fields, keyIsEmpty: true, projectLayout: false),
               analyzer.match(name).indicator != nil {
                return true
            }
        }
        return false
    }

    /// Whether a section row of such a sheet gives the indicator of the rows below: a level-1
    /// section always (`三、地区生产总值`: its rows are another statistic's, skipped); a lower one
    /// only when it names an indicator or investment (`（一）县区` groups keep their section's).
    static func setsIndicator(level: Int, name: String, code: String?) -> Bool {
        level <= 1 || code != nil || mayBeInvestment(name)
    }
}
