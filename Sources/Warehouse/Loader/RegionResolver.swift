import Foundation
import PostgresClient
import SheetReader

/// A region as the loader needs it.
public struct RegionRef: Sendable, Equatable, Hashable {
    public var key: Int
    public var code: String
    public var name: String
    public var level: String
    public var parentKey: Int?
}

/// Resolves region names through `dw.dim_region_alias` after `NameNormalizer.normalize`.
/// The alias table is small (a city's regions and their short forms), so it is read once per
/// file and matched in memory: regions are resolved before staging (DESIGN §9).
public struct RegionResolver: Sendable, Equatable {
    private let byAlias: [String: RegionRef]
    /// Every region, in report order (for messages).
    public let regions: [RegionRef]

    public init(aliases: [String: RegionRef], regions: [RegionRef]) {
        var normalized: [String: RegionRef] = [:]
        for (alias, region) in aliases { normalized[NameNormalizer.normalize(alias)] = region }
        self.byAlias = normalized
        self.regions = regions
    }

    /// Reads the alias table (read-only; used by `--dry-run` too).
    public static func load(from connection: Connection) throws -> RegionResolver {
        let regionRows = try connection.query("""
            SELECT region_key, region_code, name, level, parent_key
            FROM dw.dim_region ORDER BY CASE level WHEN 'province' THEN 0 WHEN 'city' THEN 1 ELSE 2 END, sort_order, region_code
            """)
        var regions: [RegionRef] = []
        var byKey: [Int: RegionRef] = [:]
        for row in regionRows.rows {
            let region = RegionRef(
                key: try row.int("region_key") ?? 0, code: row["region_code"] ?? "", name: row["name"] ?? "",
                level: row["level"] ?? "", parentKey: try row.int("parent_key"))
            regions.append(region)
            byKey[region.key] = region
        }
        var aliases: [String: RegionRef] = [:]
        for row in try connection.query("SELECT alias_normalized, region_key FROM dw.dim_region_alias").rows {
            if let key = try row.int("region_key"), let region = byKey[key], let alias = row["alias_normalized"] {
                aliases[alias] = region
            }
        }
        return RegionResolver(aliases: aliases, regions: regions)
    }

    /// The region of a whole sheet: the reader's (`--region`, title, file name) when it is a
    /// known name, else the longest known name found inside a title row or the file name
    /// (`中国（广西）自由贸易试验区钦州港片区2025年…`, `钦州高新技术产业开发区…`: names longer or
    /// shaped otherwise than the reader's place-name rule, but in the alias table). The loader,
    /// its dry run and the read-ahead's staging lines all place a sheet with this.
    /// Only project sheets look further: their rows without a 县区 cell or code are booked to
    /// the sheet's region; the other layouts name a region on every row (or need the reader's).
    ///
    /// A place the reader found that is not known (`钦州临海工业区`, `钦州市滨海新城`) is not
    /// booked to a known name it merely starts with (钦州): such a sheet has no region, its rows
    /// are placed by their own cells or codes or rejected naming the unknown place, and it
    /// replaces no other sheet. A known name that ends the place (`广西钦州市灵山县`) is taken.
    public func sheetRegion(_ info: SheetInfo) -> RegionRef? {
        if let region = resolve(info.region) { return region }
        guard info.layout == .projectProgress else { return nil }
        let unknownPlace = info.region.map(NameNormalizer.normalize).flatMap { $0.isEmpty ? nil : $0 }
        var best: (alias: String, region: RegionRef)?
        for text in info.titles + [(info.fileName as NSString).lastPathComponent] {
            let normalized = NameNormalizer.normalize(text)
            for (alias, region) in byAlias where alias.count >= 2 && normalized.contains(alias) {
                if let unknownPlace, unknownPlace.contains(alias), !unknownPlace.hasSuffix(alias) { continue }
                // Longest name first; equal lengths by the name, so the choice does not depend
                // on the dictionary's (per-process) order.
                guard let current = best else { best = (alias, region); continue }
                if alias.count > current.alias.count || alias.count == current.alias.count && alias < current.alias {
                    best = (alias, region)
                }
            }
        }
        return best?.region
    }

    public func resolve(_ name: String?) -> RegionRef? {
        guard let name else { return nil }
        let key = NameNormalizer.normalize(name)
        guard !key.isEmpty else { return nil }
        if let region = byAlias[key] { return region }
        // A known name with a bracketed note a clerk adds (钦州港片区（保税港区）, 灵山县（含园区）)
        // is that region; a part of it (钦州市（不含园区）, 除…) is not, and stays unknown.
        guard key.hasSuffix(")"), let open = key.lastIndex(of: "("), open > key.startIndex else { return nil }
        let note = key[key.index(after: open)...]
        guard !note.hasPrefix("不含"), !note.hasPrefix("除"), !note.hasPrefix("其中") else { return nil }
        return byAlias[String(key[..<open])]
    }

    /// The city departments receive transfers in the name of: the sheet's region when it is
    /// a city, else its parent city, else 钦州市 (450700), else the first city.
    public func city(for sheetRegion: RegionRef?) -> RegionRef? {
        if let sheetRegion {
            if sheetRegion.level == "city" { return sheetRegion }
            if let parent = sheetRegion.parentKey, let city = regions.first(where: { $0.key == parent && $0.level == "city" }) {
                return city
            }
        }
        return regions.first(where: { $0.code == "450700" }) ?? regions.first(where: { $0.level == "city" })
    }

    /// The rejection reason for a name that matches no region or alias: the known regions of
    /// the city and the statement that adds an alias.
    public func unknownRegionReason(_ name: String, city: RegionRef?) -> String {
        let shown = regions.filter { region in
            if let city { return region.parentKey == city.key || region.key == city.key }
            return region.level == "county" || region.level == "zone"
        }
        let known = shown.map(\.name).joined(separator: "、")
        let literal = name.replacingOccurrences(of: "'", with: "''")
        let normalized = NameNormalizer.normalize(name).replacingOccurrences(of: "'", with: "''")
        return "未知地区“\(name)” / unknown region \"\(name)\"; known regions: \(known); "
            + "if it is another name of a known region, add an alias: "
            + "INSERT INTO dw.dim_region_alias (alias_normalized, alias, region_key) "
            + "SELECT '\(normalized)', '\(literal)', region_key FROM dw.dim_region WHERE region_code = '<code>';"
    }
}

extension RegionResolver {
    /// The region a unified project code (`2021-450722-30-03-054321`) registers the project in,
    /// when the sheet itself names no more specific region: a city-wide sheet (or one with no
    /// region) lists county projects whose code carries the county's GB/T 2260 code. Only a
    /// region below `sheetRegion` is taken, so a code never moves a project out of the sheet
    /// that reported it.
    public func regionOfProjectCode(_ code: String, below sheetRegion: RegionRef?) -> RegionRef? {
        if let sheetRegion, sheetRegion.level != "city", sheetRegion.level != "province" { return nil }
        let parts = code.split(separator: "-")
        guard parts.count >= 3, parts[1].count == 6, parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber),
              let region = resolve(String(parts[1])), region != sheetRegion else { return nil }
        guard let sheetRegion else { return region }
        var parentKey = region.parentKey
        while let key = parentKey {
            if key == sheetRegion.key { return region }
            parentKey = regions.first(where: { $0.key == key })?.parentKey
        }
        return nil
    }

    /// The region a project row is booked under: the row's region column when it has one (nil
    /// when that name is unknown: the row is rejected), else the region its unified code names
    /// below the sheet's (a county project in a city-wide sheet), else the region of the rows
    /// above when the column was merged over them (`regionAbove`, if known), else the sheet's.
    func projectRegion(regionText: String?, projectCode: String, sheetRegion: RegionRef?,
                       regionAbove: String? = nil) -> RegionRef? {
        if let regionText {
            return resolve(regionText) ?? townshipRegion(regionText, projectCode: projectCode, sheetRegion: sheetRegion)
        }
        if let region = regionOfProjectCode(projectCode, below: sheetRegion) { return region }
        if let above = StagingRows.clean(regionAbove) { return resolve(above) }
        return sheetRegion
    }

    /// A 项目所在地 below the regions the warehouse knows — a town, township, sub-district or
    /// village (`灵山县陆屋镇`, `檀圩镇`, `沙埠镇六坡村`), or the county seat (`县城`): the known region it names, else the
    /// county its unified code names below the sheet, else the sheet's own region when that is a
    /// county or zone (a county's sheet lists its towns). nil (the row is rejected naming the
    /// place) for any other unknown name, and for a bare town in a city-wide sheet.
    func townshipRegion(_ text: String, projectCode: String, sheetRegion: RegionRef?) -> RegionRef? {
        let normalized = NameNormalizer.normalize(text)
        guard Self.townshipSuffixes.contains(where: { normalized.hasSuffix($0) }) || Self.seatWords.contains(normalized)
        else { return nil }
        // The most specific known name in it (`钦州市钦南区沙埠镇`: 钦南区, not 钦州市), then the longest.
        func rank(_ alias: String, _ region: RegionRef) -> (Int, Int, String) {
            (region.level == "province" ? 0 : region.level == "city" ? 1 : 2, alias.count, alias)
        }
        var best: (alias: String, region: RegionRef)?
        for (alias, region) in byAlias where alias.count >= 2 && normalized.contains(alias) {
            if let current = best {
                let (a, b) = (rank(alias, region), rank(current.alias, current.region))
                if a.0 > b.0 || a.0 == b.0 && (a.1 > b.1 || a.1 == b.1 && a.2 < b.2) { best = (alias, region) }
            } else {
                best = (alias, region)
            }
        }
        if let best { return best.region }
        if let region = regionOfProjectCode(projectCode, below: sheetRegion) { return region }
        if let sheetRegion, sheetRegion.level != "city", sheetRegion.level != "province" { return sheetRegion }
        return nil
    }

    /// The county seat or the whole county, as a county's own sheet writes its place (县城 is
    /// the county's town: 灵山县人民医院 in 灵山县's sheet was rejected as an unknown region).
    static let seatWords: Set<String> = ["县城", "城区", "县城区", "主城区", "城关", "全县", "全区", "县域", "县内", "区内"]
    static let townshipSuffixes = ["镇", "乡", "街道", "街道办", "街道办事处", "社区", "村", "村委会", "居委会", "农场", "林场"]
}
