import Testing
import Warehouse

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
}
