import Testing
@testable import SheetReader

@Suite struct NameNormalizerTests {
    @Test(arguments: [
        ("灵山县", "灵山县"), (" 灵 山 县 ", "灵山县"), ("钦州港\n片区", "钦州港片区"), ("钦南区\u{3000}", "钦南区"),
        ("县（区）", "县(区)"), ("ＡＢＣ１２３", "ABC123"), ("【一】", "【一】"), ("自贸区\r\n钦州港片区", "自贸区钦州港片区"),
        ("a\u{200B}b", "ab"),
    ])
    func normalizes(raw: String, expected: String) {
        #expect(NameNormalizer.normalize(raw) == expected)
    }
}

@Suite struct HeaderTextTests {
    static let casesCases: [(String, String, MoneyUnit?, Bool)] = [
        ("1-6月\n完成投资（万元）", "1-6月完成投资", .wan, false),
        ("总投资(亿元)", "总投资", .yi, false),
        ("本年累计争取（元）", "本年累计争取", .yuan, false),
        ("同比增长（%）", "同比增长", nil, true),
        ("同比±%", "同比±", nil, true),
        ("完成投资（单位：万元）", "完成投资", .wan, false),
        ("县（区）", "县(区)", nil, false),
        ("1—6月完成投资", "1-6月完成投资", nil, false),
        ("1至6月完成投资", "1-6月完成投资", nil, false),
        ("项 目 名 称", "项目名称", nil, false),
        ("总投资（亿）", "总投资", .yi, false), ("完成投资(千元)", "完成投资", .qian, false),
        ("完成投资（百万元）", "完成投资", .baiwan, false), ("完成投资（单位：万）", "完成投资", .wan, false),
        ("固定资产投资(不含农户)", "固定资产投资(不含农户)", nil, false),
    ]

    @Test(arguments: casesCases)
    func normalizesHeaderCells(raw: String, text: String, unit: MoneyUnit?, percent: Bool) {
        let h = HeaderText(raw)
        #expect(h.text == text)
        #expect(h.unit == unit)
        #expect(h.isPercent == percent)
    }
}
