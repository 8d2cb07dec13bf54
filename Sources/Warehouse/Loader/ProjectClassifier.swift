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
    /// - statistics' 工业 is mining, manufacturing and the utilities (采矿业, 制造业, 电力、热力、燃气及
    ///   水生产和供应业, GB/T 4754 divisions 06–46), so those industry names count as industrial too;
    /// - with no industry text, the unified project code's third segment is that GB/T 4754
    ///   division (`2021-450722-30-03-054321`: 30, a manufacturing division) and decides.
    /// - many manufacturing divisions do not say 制造 (农副食品加工业 C13, 非金属矿物制品业 C30,
    ///   黑色金属冶炼和压延加工业 C31 …): their names count as manufacturing;
    /// - an industry text that names no GB/T 4754 section the classifier knows also leaves the
    ///   decision to the code's division.
    public static func classify(category: String?, industry: String?, projectCode: String?) -> ProjectFlags {
        classify(category: category, industry: industry, division: industryDivision(ofProjectCode: projectCode))
    }

    /// The rule, given the industry division of the project code (`industryDivision`): the
    /// result depends on these three only, which `Memo` relies on.
    static func classify(category: String?, industry: String?, division: Int?) -> ProjectFlags {
        var flags = classify(category: category, industry: industry)
        let industryText = industry ?? ""
        if !flags.manufacturing, manufacturingWords.contains(where: { has(industryText, $0) }) {
            flags.manufacturing = true
            flags.industrial = true
        }
        if !flags.industrial, has(industryText, "采矿") || has(industryText, "电力") || has(industryText, "热力")
            || has(industryText, "燃气") || has(industryText, "水的生产") || has(industryText, "水生产") {
            flags.industrial = true
        }
        // The sector-word scan runs only when a code could decide (this is per staged row).
        if !flags.industrial, !flags.realEstate, let division,
           !otherSectorWords.contains(where: { has(industryText, $0) }) {
            if (6...46).contains(division) { flags.industrial = true }
            if (13...43).contains(division) { flags.manufacturing = true }
            if division == 70 { flags.realEstate = true }
        }
        return flags
    }

    /// Words of the GB/T 4754 manufacturing division names (C13–C43) that lack 制造.
    static let manufacturingWords: [StaticString] = [
        "农副食品加工", "食品加工", "烟草制品", "纺织", "服饰", "皮革", "毛皮", "制鞋", "木材加工", "竹、藤",
        "造纸", "纸制品", "印刷", "记录媒介复制", "燃料加工", "炼油", "炼焦", "化学原料", "化学制品", "化学纤维",
        "橡胶", "塑料制品", "非金属矿物制品", "冶炼", "压延加工", "金属制品", "废弃资源综合利用", "设备修理",
    ]

    /// Words of the other GB/T 4754 sections: an industry text with one of them is not industry,
    /// whatever the code says.
    static let otherSectorWords: [StaticString] = [
        "农业", "林业", "畜牧", "渔业", "农、林", "建筑", "土木工程", "批发", "零售", "交通运输", "运输", "仓储", "邮政",
        "住宿", "餐饮", "信息传输", "软件", "信息技术", "金融", "租赁", "商务服务", "科学研究", "技术服务",
        "水利", "环境", "公共设施", "居民服务", "修理和其他服务", "教育", "卫生", "社会工作", "文化", "体育", "娱乐",
        "公共管理", "社会保障", "社会组织", "商贸", "物流", "旅游", "市政", "民生", "城市更新", "电信",
    ]

    /// The GB/T 4754 division in a unified project code (`YYYY-XXXXXX-NN-NN-NNNNNN`), if well formed.
    static func industryDivision(ofProjectCode code: String?) -> Int? {
        guard let code else { return nil }
        // Printable ASCII (every well-formed code): one pass over the bytes, where a byte is a
        // Character, so the same answer as the split below (which was 11% of the loader's
        // client CPU). Anything else takes the split.
        if let division = asciiIndustryDivision(code) { return division == -1 ? nil : division }
        let parts = code.split(separator: "-")
        guard parts.count == 5, parts[0].count == 4, parts[1].count == 6, parts[2].count == 2,
              parts[2].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(parts[2])
    }

    /// `industryDivision` for printable-ASCII codes: the division, -1 for "none", nil when the
    /// code is not printable ASCII (the caller then splits Characters).
    static func asciiIndustryDivision(_ code: String) -> Int? {
        var lengths = (0, 0, 0)
        var parts = 0           // non-empty parts seen ("a--b" has two, as split omits empties)
        var current = 0         // length of the part being read
        var division = 0
        var digits = true
        for byte in code.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            if byte == UInt8(ascii: "-") {
                if current > 0 { parts += 1; current = 0 }
                continue
            }
            if current == 0 && parts == 2 { division = 0; digits = true }
            current += 1
            switch parts {
            case 0: lengths.0 = current
            case 1: lengths.1 = current
            case 2:
                lengths.2 = current
                if (0x30...0x39).contains(byte) { division = division &* 10 &+ Int(byte - 0x30) } else { digits = false }
            default: break
            }
        }
        if current > 0 { parts += 1 }
        guard parts == 5, lengths == (4, 6, 2), digits else { return -1 }
        return division
    }

    /// With the level-1 section above the category (`二、基础设施项目` over `（一）市政交通项目`): the
    /// project is of the section's kinds too (infrastructure of type 市政交通; industrial under
    /// `一、工业项目`), besides what its category, industry and code say.
    static func classify(category: String?, section: String?, industry: String?, division: Int?) -> ProjectFlags {
        var flags = classify(category: category, industry: industry, division: division)
        guard let section, section != category else { return flags }
        let parent = classify(category: section, industry: nil)
        if parent.infrastructure, !flags.infrastructure {
            flags.infrastructure = true
            flags.infrastructureType = category.flatMap(typeName) ?? parent.infrastructureType
        }
        if parent.manufacturing { flags.manufacturing = true }
        if parent.industrial { flags.industrial = true }
        if parent.realEstate { flags.realEstate = true }
        return flags
    }

    public static func classify(category: String?, industry: String?) -> ProjectFlags {
        let category = category ?? ""
        let industry = industry ?? ""
        let text = category + " " + industry
        let manufacturing = has(text, "制造")
        let industrial = manufacturing || has(text, "工业")
        let infrastructure = has(text, "基础设施") || has(text, "基建")
        var type: String?
        if infrastructure {
            type = typeName(has(category, "基础设施") || has(category, "基建") ? category : industry)
        }
        return ProjectFlags(
            industrial: industrial, manufacturing: manufacturing, infrastructure: infrastructure,
            infrastructureType: type, realEstate: has(text, "房地产"))
    }

    /// An infrastructure type from a category: without a trailing 项目 or 类 (`交通基础设施项目` →
    /// `交通基础设施`); nil when empty.
    static func typeName(_ source: String) -> String? {
        var trimmed = source
        for suffix in ["项目", "类"] where trimmed.hasSuffix(suffix) && trimmed.count > suffix.count {
            trimmed = String(trimmed.dropLast(suffix.count))
        }
        return trimmed.isEmpty ? nil : trimmed
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

extension ProjectClassifier {
    /// `classify` remembered for one file: a county restates the same few (category, industry,
    /// code division) combinations on thousands of rows, and the word scans were 16% of the
    /// loader's client CPU, on the thread that feeds the staging COPY. Not shared between
    /// threads (one per `Loader.stage` call).
    final class Memo {
        private struct Key: Hashable {
            var category: String?
            var section: String?
            var industry: String?
            var division: Int?
        }
        private var known: [Key: ProjectFlags] = [:]
        /// A sheet with more distinct combinations than this is classified row by row past it.
        static let capacity = 4096

        func classify(category: String?, industry: String?, projectCode: String?, section: String? = nil) -> ProjectFlags {
            let key = Key(category: category, section: section, industry: industry,
                          division: ProjectClassifier.industryDivision(ofProjectCode: projectCode))
            if let flags = known[key] { return flags }
            let flags = ProjectClassifier.classify(category: category, section: section, industry: industry, division: key.division)
            if known.count < Self.capacity { known[key] = flags }
            return flags
        }
    }
}
