import Testing
@testable import SheetReader

/// The column of a row's unit or region under the headers DRC templates give it, and a targets
/// sheet whose unit column is no synonym beside a 责任单位 column.
@Suite struct UnitHeadersTests {
    static let headers = ["地区（单位）", "县区（单位）", "地区/单位", "县（区）、部门", "地区及部门", "市县区", "县（市、区）/部门"]

    /// The DRC template (finding 1, and 6 without 责任单位): counties, the city and 市直 departments
    /// in one column. Counties were booked as departments named in 责任单位 (`钦南区人民政府`) and
    /// the departments' rows rejected; without 责任单位 the sheet was rejected for want of a region.
    @Test(arguments: headers, [true, false])
    func targetsUnitColumn(header: String, responsibleColumn: Bool) throws {
        func row(_ cells: [String], _ responsible: String) -> [String] { responsibleColumn ? cells + [responsible] : cells }
        let (reader, out) = try readAll([
            ["2022年各县区及市直有关部门固定资产投资、工业投资目标任务分解表"],
            ["单位：亿元、%"],
            row(["序号", header, "指标", "全年目标任务", "目标增速（%）", "一季度", "上半年", "前三季度"], "责任单位"),
            row(["一", "全市", "固定资产投资", "1050.00", "15", "210.00", "504.00", "787.50"], "市发展改革委"),
            row(["1", "钦南区", "固定资产投资", "230.00", "15", "46.00", "110.40", "172.50"], "钦南区人民政府"),
            row(["", "", "工业投资", "70.00", "30", "14.00", "33.60", "52.50"], "钦南区人民政府"),
            row(["1", "市交通运输局", "固定资产投资", "60.00", "10", "12.00", "28.80", "45.00"], ""),
        ])
        #expect(reader.info.layout == .targets)
        let rows = out.compactMap(\.targets).flatMap { $0 }
        #expect(rows.map(\.unit) == ["全市", "钦南区", "钦南区", "市交通运输局"])
        #expect(rows[1].monthlyYTD == [3: D("460000"), 6: D("1104000"), 9: D("1725000")])
        #expect(out.compactMap(\.rejected).isEmpty)
    }

    /// The same headers name the region of an indicator sheet.
    @Test(arguments: headers)
    func indicatorRegionColumn(header: String) throws {
        let (reader, out) = try readAll([
            ["2022年1-6月各县区投资完成情况（万元）"],
            [header, "固定资产投资", "工业投资"],
            ["钦南区", "950000", "305000"],
        ])
        #expect(reader.info.layout == .indicatorSummary)
        #expect(out.compactMap(\.indicators).flatMap { $0 }.map(\.region) == ["钦南区", "钦南区"])
    }

    /// Only joined names of places or units: other joined words stay unknown.
    @Test(arguments: [("地区（单位）", true), ("单位/部门", true), ("县区及园区", false), ("指标/单位", false),
                      ("项目和地区", false)] as [(String, Bool)])
    func joinedPlaceWords(header: String, joins: Bool) {
        #expect(HeaderAnalysisTests.analyzer.match(header).fields.contains("unit") == joins)
    }

    /// A header no synonym knows over the counties, beside 责任单位: the counties' column is the
    /// unit, with a warning, and 责任单位 is not (its 人民政府 became departments).
    @Test(arguments: ["名称", ""])
    func placeColumnBesideResponsibleUnits(header: String) throws {
        let (reader, out) = try readAll([
            ["2022年固定资产投资目标任务分解表"],
            ["单位：万元"],
            ["序号", header, "指标", "全年目标任务", "责任单位"],
            ["1", "全市", "固定资产投资", "10500000", "市发展改革委"],
            ["2", "钦南区", "固定资产投资", "2300000", "钦南区人民政府"],
            ["3", "钦州港片区", "固定资产投资", "3000000", "钦州港片区管委会"],
            ["4", "市交通运输局", "固定资产投资", "600000", ""],
        ])
        #expect(out.compactMap(\.targets).flatMap { $0 }.map(\.unit) == ["全市", "钦南区", "钦州港片区", "市交通运输局"])
        #expect(reader.warnings.contains { $0.message.contains("holds region names: read as the unit column") })
    }

    /// Departments under 责任单位 with no column of places: 责任单位 stays the unit column.
    @Test func departmentsOnly() throws {
        let (reader, out) = try readAll([
            ["2022年市直部门固定资产投资目标任务分解表"],
            ["序号", "责任单位", "指标", "全年目标任务", "备注"],
            ["1", "市交通运输局", "固定资产投资", "200000", "含港区"],
            ["2", "市水利局", "固定资产投资", "80000", ""],
        ])
        #expect(out.compactMap(\.targets).flatMap { $0 }.map(\.unit) == ["市交通运输局", "市水利局"])
        #expect(reader.warnings.isEmpty)
    }
}

/// A transposed sheet (finding 9): the rejection says regions as columns are not supported.
@Suite struct RegionsAcrossTests {
    @Test(arguments: [nil, SheetLayout.indicatorSummary])
    func transposedSheetIsRejectedSayingSo(layout: SheetLayout?) {
        let error = sheetError {
            _ = try readAll([
                ["2022年1-6月钦州市各县区投资主要指标"],
                ["指标名称", "计量单位", "全市", "钦南区", "钦北区", "灵山县"],
                ["固定资产投资", "万元", "4680000", "950000", "600000", "880000"],
                ["同比增长", "%", "14.9", "18.8", "-5.1", "15.8"],
            ], options: ReadOptions(layout: layout))
        }
        #expect(error?.message.contains("regions as columns (全市 | 钦南区 | 钦北区 | 灵山县)") == true)
        #expect(error?.message.contains("not supported") == true)
    }

    @Test func noHintForOtherHeaders() {
        #expect(UnitColumn.regionsAcross(["项目名称", "总投资", "钦南区"]) == "")
    }
}
