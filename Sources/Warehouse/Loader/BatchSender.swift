import Foundation
import SheetReader

/// Who sent a sheet, as its title rows say: `填报单位：钦州市交通运输局`, `制表单位：…`, or a title
/// that begins with an office (`钦州市交通运输局2025年1-6月交通重大项目推进情况表`). Kept with the
/// batch (V023) so that two offices' sheets of one scope that share some projects (the
/// transport bureau's and the reform commission's city lists) are not taken for a revision of
/// each other (`Merge.unrelatedBatches`). Pure: the title rows in, a normalised name out.
enum BatchSender {
    static let labels = ["填报单位", "报送单位", "制表单位", "填表单位", "编制单位", "报表单位"]
    static let offices = ["局", "委", "委员会", "办", "办公室", "中心", "管委会", "公司", "政府", "厅", "院"]

    static func from(titles: [String]) -> String? {
        for title in titles {
            let text = NameNormalizer.normalize(title)
            for label in labels {
                guard let range = text.range(of: label) else { continue }
                var rest = text[range.upperBound...]
                guard rest.first == ":" || rest.first == "：" else { continue }
                rest = rest.dropFirst()
                // Up to the next field of the row (单位：万元, 日期, 填报人…) or a bracket (（盖章）).
                var name = ""
                for character in rest {
                    if "(（:：,，;；".contains(character) { break }
                    name.append(character)
                }
                for stop in ["单位", "填报", "日期", "时间", "联系", "审核", "负责"] {
                    if let cut = name.range(of: stop), cut.lowerBound > name.startIndex { name = String(name[..<cut.lowerBound]) }
                }
                if name.count >= 2 { return name }
            }
        }
        // A title beginning with an office, before its year.
        for title in titles {
            let text = NameNormalizer.normalize(title)
            guard let year = text.range(of: #"(19|20)\d\d年|二〇|二零"#, options: .regularExpression),
                  year.lowerBound > text.startIndex else { continue }
            let prefix = String(text[..<year.lowerBound])
            if prefix.count >= 3, offices.contains(where: prefix.hasSuffix) { return prefix }
        }
        return nil
    }

    /// The same office written with or without its city (`钦州市交通运输局`, `市交通运输局`,
    /// `交通运输局`): one is the other's ending.
    static func same(_ a: String, _ b: String) -> Bool {
        a == b || a.hasSuffix(b) || b.hasSuffix(a)
    }
}
