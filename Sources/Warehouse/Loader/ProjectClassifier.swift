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
        let manufacturing = has(text, "制造")
        let industrial = manufacturing || has(text, "工业")
        let infrastructure = has(text, "基础设施") || has(text, "基建")
        var type: String?
        if infrastructure {
            let source = has(category, "基础设施") || has(category, "基建") ? category : industry
            var trimmed = source
            for suffix in ["项目", "类"] where trimmed.hasSuffix(suffix) && trimmed.count > suffix.count {
                trimmed = String(trimmed.dropLast(suffix.count))
            }
            type = trimmed.isEmpty ? nil : trimmed
        }
        return ProjectFlags(
            industrial: industrial, manufacturing: manufacturing, infrastructure: infrastructure,
            infrastructureType: type, realEstate: has(text, "房地产"))
    }

    /// Substring test on UTF-8 bytes (Foundation's `contains` bridges to NSString: 14% of
    /// staging). For these CJK words byte and character matching agree.
    static func has(_ text: String, _ word: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        var text = text
        return text.withUTF8 { hay in
            guard hay.count >= needle.count, let first = needle.first else { return false }
            var i = 0
            let last = hay.count - needle.count
            while i <= last {
                if hay[i] == first {
                    var j = 1
                    while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
