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
}
