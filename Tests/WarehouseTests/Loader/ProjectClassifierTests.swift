import Testing
@testable import Warehouse

@Suite struct ProjectClassifierTests {
    @Test(arguments: [
        ("工业项目", "制造业", ProjectFlags(industrial: true, manufacturing: true)),
        ("工业项目", "电力、热力生产和供应业", ProjectFlags(industrial: true)),
        (nil, "汽车制造", ProjectFlags(industrial: true, manufacturing: true)),
        ("服务业项目", "批发和零售业", ProjectFlags()),
        ("交通基础设施项目", "交通运输业", ProjectFlags(infrastructure: true, infrastructureType: "交通基础设施")),
        ("市政基础设施", nil, ProjectFlags(infrastructure: true, infrastructureType: "市政基础设施")),
        ("房地产开发项目", "房地产业", ProjectFlags(realEstate: true)),
        (nil, nil, ProjectFlags()),
    ] as [(String?, String?, ProjectFlags)])
    func classifies(category: String?, industry: String?, expected: ProjectFlags) {
        #expect(ProjectClassifier.classify(category: category, industry: industry) == expected)
    }

    @Test(arguments: [
        // Utilities and mining are industry in the statistics' sense.
        (nil, "电力、热力生产和供应业", nil, ProjectFlags(industrial: true)),
        (nil, "采矿业", nil, ProjectFlags(industrial: true)),
        (nil, "燃气生产和供应业", "2021-450702-45-01-000001", ProjectFlags(industrial: true)),
        // No industry text: the code's GB/T 4754 division decides.
        (nil, nil, "2021-450722-30-03-054321", ProjectFlags(industrial: true, manufacturing: true)),
        (nil, nil, "2021-450722-44-03-054321", ProjectFlags(industrial: true)),
        (nil, nil, "2021-450722-70-03-054321", ProjectFlags(realEstate: true)),
        (nil, nil, "2021-450722-54-03-054321", ProjectFlags()),
        // Industry text wins over the code.
        (nil, "批发和零售业", "2021-450722-30-03-054321", ProjectFlags()),
        (nil, nil, "QZ-2022-001", ProjectFlags()),
        // Manufacturing divisions whose names lack 制造.
        (nil, "农副食品加工业", nil, ProjectFlags(industrial: true, manufacturing: true)),
        (nil, "非金属矿物制品业", "2021-450722-44-03-054321", ProjectFlags(industrial: true, manufacturing: true)),
        (nil, "黑色金属冶炼和压延加工业", nil, ProjectFlags(industrial: true, manufacturing: true)),
        (nil, "橡胶和塑料制品业", nil, ProjectFlags(industrial: true, manufacturing: true)),
        // An industry text that names no known sector leaves it to the code.
        (nil, "新材料", "2021-450722-30-03-054321", ProjectFlags(industrial: true, manufacturing: true)),
        (nil, "新能源", "2021-450722-44-03-054321", ProjectFlags(industrial: true)),
        // A known non-industrial sector decides against the code.
        (nil, "交通运输、仓储和邮政业", "2021-450722-30-03-054321", ProjectFlags()),
    ] as [(String?, String?, String?, ProjectFlags)])
    func classifiesWithCode(category: String?, industry: String?, code: String?, expected: ProjectFlags) {
        #expect(ProjectClassifier.classify(category: category, industry: industry, projectCode: code) == expected)
    }

    /// The byte scan gives what splitting Characters gives, for well-formed codes and for every
    /// way a code can be malformed.
    @Test(arguments: ["2021-450722-30-03-054321", "2021-450722-3a-03-054321", "2021-450722-300-03-054321",
                      "2021--450722-30-03-054321", "-2021-450722-30-03-054321-", "2021-450722-30-03", "2021-450722-30-03-05-06",
                      "21-450722-30-03-054321", "2021-45072-30-03-054321", "2021-450722-30--03-054321", "QZ-2022-001", "",
                      "-", "----", "2021-450722-０３-03-054321", "2021-450722-30-03-054321\r\n", "2021-450722-3\u{301}0-03-054321",
                      "2021 -450722-30-03-054321", "2021-450722-07-03-054321", "2021-450722-00-03-x"])
    func divisionScanMatchesTheSplit(code: String) {
        let parts = code.split(separator: "-")
        let split: Int? = parts.count == 5 && parts[0].count == 4 && parts[1].count == 6 && parts[2].count == 2
            && parts[2].allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(parts[2]) : nil
        #expect(ProjectClassifier.industryDivision(ofProjectCode: code) == split)
    }

    /// The per-file memo answers as the rule does, whatever order the rows come in, for codes
    /// that share a division and codes that do not, and past its capacity.
    /// A category under a section of another kind (`二、基础设施项目` / `（一）市政交通项目`) is of
    /// the section's kind too, typed by the category.
    @Test func aSectionGivesItsKindToTheCategoriesUnderIt() {
        let road = ProjectClassifier.classify(category: "市政交通项目", section: "基础设施项目", industry: nil, division: nil)
        #expect(road.infrastructure && road.infrastructureType == "市政交通" && !road.industrial)
        let plant = ProjectClassifier.classify(category: "新材料项目", section: "工业项目", industry: nil, division: nil)
        #expect(plant.industrial && !plant.infrastructure)
        let alone = ProjectClassifier.classify(category: "市政交通项目", section: nil, industry: nil, division: nil)
        #expect(!alone.infrastructure)
        #expect(ProjectClassifier.Memo().classify(category: "市政交通项目", industry: nil, projectCode: nil, section: "基础设施项目") == road)
    }

    @Test func memoAnswersAsTheRule() {
        let categories: [String?] = [nil, "工业项目", "交通基础设施项目", "房地产开发项目", "服务业项目"]
        let industries: [String?] = [nil, "制造业", "新能源", "批发和零售业", "采矿业", "新材料"]
        let codes: [String?] = [nil, "QZ-2022-001", "2021-450722-30-03-054321", "2022-450702-30-01-000002",
                                "2021-450722-44-03-054321", "2021-450722-70-03-054321", "2021-450722-54-03-054321"]
        let memo = ProjectClassifier.Memo()
        for _ in 0..<2 {
            for category in categories {
                for industry in industries {
                    for code in codes {
                        #expect(memo.classify(category: category, industry: industry, projectCode: code)
                                 == ProjectClassifier.classify(category: category, industry: industry, projectCode: code))
                    }
                }
            }
        }
        for n in 0..<(ProjectClassifier.Memo.capacity + 10) {
            let industry = "行业\(n)" + (n % 3 == 0 ? "制造" : "")
            #expect(memo.classify(category: nil, industry: industry, projectCode: nil)
                    == ProjectClassifier.classify(category: nil, industry: industry, projectCode: nil))
        }
    }
}
