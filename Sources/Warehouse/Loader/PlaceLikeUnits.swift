import SheetReader

/// Receiving units of transfer and target sheets that match no region but read like one
/// (`灵山具`, `钦南县`): DESIGN §5 books a unit that is not a known region as a
/// department, so a misspelt county would silently become a city department and its county
/// would look as if it had sent nothing. The loader still books them so (the contract), and
/// the batch warns once per name, naming the region it probably meant.
struct PlaceLikeUnits {
    private(set) var found: [(line: Int, name: String)] = []
    private var names: Set<String> = []

    mutating func note(_ name: String, line: Int, regions: RegionResolver) {
        guard Self.looksLikePlace(name) || Self.nearest(name, among: regions.regions) != nil,
              names.insert(NameNormalizer.normalize(name)).inserted else { return }
        found.append((line, name))
    }

    func warnings(regions: RegionResolver, bookedUnder owner: String) -> [SheetWarning] {
        found.map { item in
            let nearest = Self.nearest(item.name, among: regions.regions)
            let guess = nearest.map { "（是否为“\($0)”？）" } ?? ""
            let guessEnglish = nearest.map { " (did you mean \($0)?)" } ?? ""
            return SheetWarning(line: item.line, message:
                "单位“\(item.name)”不是已知的县区\(guess)，已作为\(owner)的部门记入 / the unit \(item.name) names no known "
                + "region\(guessEnglish): booked as a department of \(owner), as any unit that is not a region is; if it "
                + "is a region, add an alias (dw.dim_region_alias) and load the file again")
        }
    }

    /// Ends like a place name (县, 区, 市, 镇, 乡) and names no office (局, 委, 办, 中心, 公司 …).
    static func looksLikePlace(_ name: String) -> Bool {
        let text = NameNormalizer.normalize(name)
        guard text.count >= 2, let last = text.last, "县区市镇乡旗".contains(last) else { return false }
        let offices = ["局", "委", "办", "院", "所", "中心", "公司", "站", "队", "部", "厅", "会", "室", "馆", "校",
                       "集团", "政府", "银行", "社", "处", "科", "园区管理"]
        return !offices.contains { text.contains($0) }
    }

    /// The region whose name differs from `name` in one character of three or more (a slip of
    /// the input method: 灵山具, or the wrong suffix: 钦南县).
    static func nearest(_ name: String, among regions: [RegionRef]) -> String? {
        let text = Array(NameNormalizer.normalize(name))
        for region in regions where region.level != "province" {
            let known = Array(NameNormalizer.normalize(region.name))
            if known.count == text.count, known.count >= 3, zip(known, text).filter({ $0 != $1 }).count == 1 {
                return region.name
            }
        }
        return nil
    }
}
