import Foundation
import SheetReader
import Testing
@testable import Warehouse

@Suite struct RegionResolverTests {
    static let province = RegionRef(key: 1, code: "450000", name: "广西壮族自治区", level: "province", parentKey: nil)
    static let city = RegionRef(key: 8, code: "450700", name: "钦州市", level: "city", parentKey: 1)
    static let other = RegionRef(key: 2, code: "450100", name: "南宁市", level: "city", parentKey: 1)
    static let pubei = RegionRef(key: 18, code: "450722", name: "浦北县", level: "county", parentKey: 8)
    static let qinnan = RegionRef(key: 15, code: "450702", name: "钦南区", level: "county", parentKey: 8)
    static let resolver = RegionResolver(
        aliases: Dictionary(uniqueKeysWithValues: [province, city, other, pubei, qinnan].flatMap { [($0.name, $0), ($0.code, $0)] }),
        regions: [province, city, other, pubei, qinnan])

    static let cases: [(code: String, sheet: RegionRef?, expected: RegionRef?)] = [
        ("2021-450722-30-03-054321", city, pubei),        // a county project in a city-wide sheet
        ("2021-450722-30-03-054321", nil, pubei),         // no sheet region at all
        ("2021-450722-30-03-054321", province, pubei),    // two levels down
        ("2021-450722-30-03-054321", qinnan, nil),        // a county's own sheet keeps its projects
        ("2021-450722-30-03-054321", other, nil),         // not below the sheet's city
        ("2021-450700-30-03-054321", city, nil),          // the city itself: nothing more specific
        ("2021-999999-30-03-054321", city, nil),          // unknown code
        ("P-001", city, nil),                             // not a unified code
        ("2021-45072-30-03-054321", city, nil),           // malformed segment
    ]

    @Test(arguments: cases)
    func regionOfProjectCode(code: String, sheet: RegionRef?, expected: RegionRef?) {
        #expect(Self.resolver.regionOfProjectCode(code, below: sheet) == expected)
    }

    static let lingshan = RegionRef(key: 17, code: "450721", name: "灵山县", level: "county", parentKey: 8)
    static let port = RegionRef(key: 20, code: "450771", name: "钦州港片区", level: "zone", parentKey: 8)
    /// With the short names the warehouse seeds (钦州, 灵山, 钦南, 浦北).
    static let withShortNames = RegionResolver(
        aliases: Dictionary(uniqueKeysWithValues: [province, city, pubei, qinnan, lingshan, port].flatMap { [($0.name, $0), ($0.code, $0)] }
            + [("钦州", city), ("灵山", lingshan), ("钦南", qinnan), ("浦北", pubei), ("自贸区钦州港片区", port)]),
        regions: [province, city, pubei, qinnan, lingshan, port])

    /// A 项目所在地 below the known regions (a town, a village) in a project row.
    @Test(arguments: [
        ("灵山县陆屋镇", "2021-450721-13-03-690001", lingshan, lingshan),  // the county it names
        ("檀圩镇", "2021-450721-13-03-690002", lingshan, lingshan),        // a bare town in the county's own sheet
        ("钦州市钦南区沙埠镇", "P-1", city, qinnan),                          // the most specific name, not the city
        ("沙埠镇六坡村", "2021-450702-13-03-000001", city, qinnan),          // a city-wide sheet: the code's county
        ("檀圩镇", "P-2", city, nil),                                     // a bare town in a city-wide sheet: unknown
        ("钦州保税港区", "P-3", lingshan, nil),                             // not a town: an unknown place stays unknown
        ("灵山县", "P-4", city, lingshan),                                 // a known region as before
        ("钦州港片区（保税港区）", "P-5", city, port),                        // a known name with a bracketed note
        ("灵山县(含园区)", "P-6", city, lingshan),
        ("钦州市（不含园区）", "P-7", city, nil),                             // a part of a region is not the region
        ("县城", "P-8", lingshan, lingshan),                               // the county seat in the county's own sheet
        ("县城", "P-9", city, nil),                                       // in a city-wide sheet: which county?
    ] as [(String, String, RegionRef, RegionRef?)])
    func townsArePlacedInTheirRegion(_ text: String, _ code: String, _ sheet: RegionRef, _ expected: RegionRef?) {
        #expect(Self.withShortNames.projectRegion(regionText: text, projectCode: code, sheetRegion: sheet) == expected)
    }

    /// A sheet's region from its title: an unknown place that merely starts with a known name
    /// (钦州) has no region; a known name that ends a longer place is taken.
    @Test(arguments: [
        ("钦州临海工业区2022年1-6月重大项目进度表", "项目.csv", nil),
        ("钦州保税港区2022年1-6月重大项目进度表", "项目.csv", nil),
        ("中国（广西）自由贸易试验区钦州港片区2022年1-6月重大项目进度表", "项目.csv", port),
        ("广西钦州市灵山县2022年1-6月重大项目进度表", "项目.csv", lingshan),
        ("2022年1-6月重大项目进度表", "2022-06_灵山县_重大项目进度.csv", lingshan),
        ("钦州市2022年1-6月重大项目进度表", "项目.csv", city),
    ] as [(String, String, RegionRef?)])
    func sheetRegionFromTheTitle(_ title: String, _ fileName: String, _ expected: RegionRef?) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("region-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(fileName)
        try Data("\(title)\n项目代码,项目名称,本年累计完成投资（万元）\n2022-450721-36-01-000001,甲项目,100\n".utf8).write(to: file)
        let sheet = try SheetReaderOpener.open(file, ReadOptions())
        #expect(Self.withShortNames.sheetRegion(sheet.info) == expected, "reader's region: \(sheet.info.region ?? "none")")
    }
}

@Suite struct PlaceLikeUnitsTests {
    @Test(arguments: [("灵山具", false), ("钦南县", true), ("钦州港片区", true), ("陆屋镇", true),
                      ("区教育局", false), ("市交通运输局", false), ("县城投公司", false), ("市直", false), ("县本级", false)])
    func readsLikeAPlace(name: String, expected: Bool) {
        #expect(PlaceLikeUnits.looksLikePlace(name) == expected)
    }

    @Test func nearestRegionDiffersInOneCharacter() {
        let regions = [RegionRef(key: 1, code: "450721", name: "灵山县", level: "county"),
                       RegionRef(key: 2, code: "450702", name: "钦南区", level: "county")]
        #expect(PlaceLikeUnits.nearest("灵山具", among: regions) == "灵山县")
        #expect(PlaceLikeUnits.nearest("钦南县", among: regions) == "钦南区")
        #expect(PlaceLikeUnits.nearest("浦北县", among: regions) == nil)
    }
}

@Suite struct BatchSenderTests {
    @Test(arguments: [
        (["钦州市交通运输局2025年1-6月交通重大项目推进情况表", "填报单位：钦州市交通运输局 单位：万元"], "钦州市交通运输局"),
        (["2025年1-6月钦州市重点项目投资完成情况", "制表单位：钦州市发展和改革委员会（盖章）"], "钦州市发展和改革委员会"),
        (["灵山县发展和改革局2022年6月重大项目进度表"], "灵山县发展和改革局"),
        (["2022年1-6月重大项目进度表", "填报单位：（盖章）"], nil),
        (["浦北县2022年1-9月重大项目进度表"], nil),
    ] as [([String], String?)])
    func senderFromTitles(titles: [String], expected: String?) {
        #expect(BatchSender.from(titles: titles) == expected)
    }

    @Test func sameOfficeWithOrWithoutItsCity() {
        #expect(BatchSender.same("钦州市交通运输局", "市交通运输局"))
        #expect(!BatchSender.same("钦州市交通运输局", "钦州市发展和改革委员会"))
    }
}
