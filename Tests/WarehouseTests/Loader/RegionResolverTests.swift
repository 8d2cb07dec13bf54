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
}
