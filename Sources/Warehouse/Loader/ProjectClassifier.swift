/// Indicator flags of a project, derived from its section category and industry text
/// (DESIGN §4: industrial, manufacturing, infrastructure sub-type, real estate). Pure.
public struct ProjectFlags: Sendable, Equatable {
    public var industrial: Bool
    public var manufacturing: Bool
    public var infrastructure: Bool
    public var infrastructureType: String?
    public var realEstate: Bool

    public init(industrial: Bool = false, manufacturing: Bool = false, infrastructure: Bool = false,
                infrastructureType: String? = nil, realEstate: Bool = false) {
        self.industrial = industrial
        self.manufacturing = manufacturing
        self.infrastructure = infrastructure
        self.infrastructureType = infrastructureType
        self.realEstate = realEstate
    }
}

public enum ProjectClassifier {
    /// - 工业 in the category or industry → industrial; 制造 in the industry (or category) →
    ///   manufacturing, which statistics count inside industrial investment;
    /// - 基础设施/基建 → infrastructure, its type being the category without the trailing 项目
    ///   (`交通基础设施项目` → `交通基础设施`);
    /// - 房地产 → real estate.
    public static func classify(category: String?, industry: String?) -> ProjectFlags {
        let category = category ?? ""
        let industry = industry ?? ""
        let text = category + " " + industry
        let manufacturing = text.contains("制造")
        let industrial = manufacturing || text.contains("工业")
        let infrastructure = text.contains("基础设施") || text.contains("基建")
        var type: String?
        if infrastructure {
            let source = category.contains("基础设施") || category.contains("基建") ? category : industry
            var trimmed = source
            for suffix in ["项目", "类"] where trimmed.hasSuffix(suffix) && trimmed.count > suffix.count {
                trimmed = String(trimmed.dropLast(suffix.count))
            }
            type = trimmed.isEmpty ? nil : trimmed
        }
        return ProjectFlags(
            industrial: industrial, manufacturing: manufacturing, infrastructure: infrastructure,
            infrastructureType: type, realEstate: text.contains("房地产"))
    }
}
