import Foundation

// The policy-tracking layouts (issue 8): which columns they understand, how the header tells
// them apart from the four original layouts, and how a data row becomes a typed row.
//
// Detection rule: a policy layout needs its own money column (下达中央预算内投资, 发行金额,
// 拟争取上级资金) or, for the reserve pool, a 储备 title, and never a YTD-completed column —
// a project-progress sheet always has one (1-N月完成投资), so the original layouts cannot be
// mistaken for these and vice versa.

extension SheetLayout {
    /// One list for the three layouts: their columns do not overlap, and a header only matches
    /// the synonyms it has.
    static let policyFields = [
        "project_code", "project_name", "region", "total_investment", "start_date", "period",
        "plan_issued_date", "plan_amount", "paid_amount",
        "bond_batch", "issue_date", "bond_issued", "bond_used", "started",
        "reserve_category", "upper_funds",
    ]

    /// A reserve sheet's 项目类别/行业 column is its reserve category.
    static let policyAliases = ["industry": "reserve_category"]

    static let policyMoneyFields: Set<String> = [
        "plan_amount", "paid_amount", "bond_issued", "bond_used", "upper_funds", "total_investment",
    ]
}

extension SheetReading {
    static func policyLayout(_ roles: [SheetLayout: [ColumnRole?]], title: String) -> SheetLayout? {
        func has(_ l: SheetLayout, _ f: String) -> Bool { roles[l]!.contains(.field(f)) }
        guard !has(.projectProgress, "ytd_completed") else { return nil }
        if has(.centralBudget, "plan_amount") || (has(.centralBudget, "plan_issued_date") && title.contains("中央预算内")) {
            return .centralBudget
        }
        if has(.specialBonds, "bond_issued") || has(.specialBonds, "bond_used") {
            return .specialBonds
        }
        if has(.reservePool, "project_name"), has(.reservePool, "upper_funds") || title.contains("储备") {
            return .reservePool
        }
        return nil
    }

    static func policyMissingColumns(_ layout: SheetLayout, _ roles: [ColumnRole?]) -> [String] {
        func has(_ f: String) -> Bool { roles.contains(.field(f)) }
        var missing: [String] = []
        if !has("project_code") { missing.append("project_code (项目代码/统一项目代码)") }
        if !has("project_name") { missing.append("project_name (项目名称)") }
        switch layout {
        case .centralBudget:
            if !has("plan_issued_date") { missing.append("plan_issued_date (计划下达时间/下达日期)") }
            if !has("plan_amount") { missing.append("plan_amount (下达中央预算内投资/下达金额)") }
        case .specialBonds:
            if !has("issue_date") { missing.append("issue_date (发行时间/发行日期)") }
            if !has("bond_issued") { missing.append("bond_issued (发行金额/专项债券金额)") }
        default:
            break   // reserve pool: the category may come from section rows (一、产业园区)
        }
        return missing
    }

    /// The warning for a central-budget sheet without a paid column or a bond sheet without a
    /// used one (a header the synonym table does not know, or none).
    static func policyMissingMeasure(_ layout: SheetLayout, _ roles: [ColumnRole?]) -> String? {
        switch layout {
        case .centralBudget where !roles.contains(.field("paid_amount")):
            return "没有累计支付列：支付额未知，支付率按 0 计 / no column of the amount paid (累计支付/已支付/已拨付): "
                + "payments are unknown and count as none in the payment rate; if a column holds them, add its header "
                + "to a --synonyms file as paid_amount"
        case .specialBonds where !roles.contains(.field("bond_used")):
            return "没有已使用列：使用额未知，按未使用计 / no column of the amount used (已使用金额/累计支出/已支出): "
                + "usage is unknown and counts as none; if a column holds it, add its header to a --synonyms file as bond_used"
        default:
            return nil
        }
    }

    /// An ISO date from a date column, nil when the column is absent or the cell empty.
    func date(_ cells: [String], _ field: String) throws(CellError) -> String? {
        guard let c = info.columns[field], c < cells.count else { return nil }
        do { return try ValueParser.date(cells[c]) } catch { throw CellError(column: c, reason: error.description) }
    }

    /// The 开工时间 cell: a date (a part of a month as the month), or words saying whether the
    /// project has started — clerks write 已开工 when they do not know the day, 未开工 or 拟10月开工
    /// before it starts. Other text is rejected as not a date.
    func startCell(_ cells: [String]) throws(CellError) -> (date: String?, started: Bool?) {
        do { return (try date(cells, "start_date"), nil) } catch {
            guard let c = info.columns["start_date"] else { throw error }
            // A part of a month (`2022年7月上旬`, `2022年7月底`) is the month, as in project sheets.
            if let month = ValueParser.roughDate(cells[c]) { return (month, nil) }
            guard let word = Self.startedWord(cells[c]) else { throw error }
            return (nil, word)
        }
    }

    /// Whether words in a start column say the project has started: 未开工, 尚未开工, 拟/计划/预计…开工
    /// and 待开工 say not yet; 已开工, 部分开工, 在建, 停工, 竣工, 完工 and 建成 say it has. nil: neither.
    static func startedWord(_ text: String) -> Bool? {
        let t = NameNormalizer.normalize(text)
        if ["未", "没", "尚未", "拟", "计划", "预计", "待", "准备"].contains(where: t.hasPrefix) { return false }
        if t.hasPrefix("已") || ["开工", "在建", "停工", "竣工", "完工", "建成"].contains(where: t.contains) { return true }
        return nil
    }

    private func requiredDate(_ cells: [String], _ field: String, _ what: String) throws(CellError) -> String {
        guard let d = try date(cells, field) else { throw CellError(column: info.columns[field], reason: "missing \(what)") }
        return d
    }

    private func requiredMoney(_ cells: [String], _ field: String, _ what: String) throws(CellError) -> Decimal {
        guard let v = try money(cells, info.columns[field], nonNegative: true) else {
            throw CellError(column: info.columns[field], reason: "missing \(what)")
        }
        return v
    }

    /// A bond batch and its issue date merged over the batch's projects (`2022年第三批 |
    /// 2022年8月12日` on the group's first row only, as Excel exports a merged cell): a row with
    /// both empty takes the last row's. Every row after the first was rejected for a missing date
    /// (12,000 万元 of one batch lost). One of the two empty is a row of its own (no batch text:
    /// the date names the batch; no date: rejected), and a plan's date is not carried: a missing
    /// one is rejected rather than guessed.
    func policyCellsAbove(_ cells: [String]) -> [String] {
        guard info.layout == .specialBonds, let b = info.columns["bond_batch"], let d = info.columns["issue_date"],
              b < cells.count, d < cells.count else { return cells }
        var cells = cells
        let empty = (NameNormalizer.normalize(cells[b]).isEmpty, NameNormalizer.normalize(cells[d]).isEmpty)
        if empty == (true, true), let batch = policyAbove["bond_batch"], let date = policyAbove["issue_date"] {
            cells[b] = batch
            cells[d] = date
        } else if empty == (false, false) {
            policyAbove = ["bond_batch": cells[b], "issue_date": cells[d]]
        } else {
            policyAbove.removeAll()
        }
        return cells
    }

    func parsePolicy(_ cells: [String], line: Int) throws(CellError) -> DataRow? {
        _ = try required(cells, "project_code", "project code (项目代码)")
        let cells = policyCellsAbove(cells)
        let codeText = try required(cells, "project_code", "project code (项目代码)")
        let code: String
        do { code = try ValueParser.projectCode(codeText) } catch {
            throw CellError(column: info.columns["project_code"], reason: error.description)
        }
        let name = try required(cells, "project_name", "project name (项目名称)")
        if let m = try rowMonth(cells), m != info.month {
            throw CellError(column: info.columns["period"], reason: "row is for \(m), the sheet for \(info.month)")
        }
        let region = text(cells, "region")
        let total = try money(cells, info.columns["total_investment"], nonNegative: true)
        switch info.layout {
        case .centralBudget:
            let issued = try requiredDate(cells, "plan_issued_date", "plan issued date (计划下达时间)")
            let amount = try requiredMoney(cells, "plan_amount", "central-budget amount (下达中央预算内投资)")
            let paid = try money(cells, info.columns["paid_amount"], nonNegative: true)
            if let paid, paid > amount {
                throw CellError(column: info.columns["paid_amount"],
                                reason: "paid \(paid) 万元 exceeds the plan's \(amount) 万元")
            }
            let start = try startCell(cells)
            return .centralBudget(CentralBudgetRow(
                line: line, projectCode: code, projectName: name, region: region, planIssuedDate: issued,
                planAmount: amount, paidToDate: paid, startDate: start.date, totalInvestment: total, started: start.started))
        case .specialBonds:
            let issueDate = try requiredDate(cells, "issue_date", "bond issue date (发行时间)")
            let issued = try requiredMoney(cells, "bond_issued", "bond amount issued (发行金额)")
            let used = try money(cells, info.columns["bond_used"], nonNegative: true)
            if let used, used > issued {
                throw CellError(column: info.columns["bond_used"], reason: "used \(used) 万元 exceeds the \(issued) 万元 issued")
            }
            let start = try startCell(cells)
            var started = start.started
            if let c = info.columns["started"], c < cells.count, !cells[c].isEmpty {
                do { started = try ValueParser.yesNo(cells[c]) } catch {
                    guard let word = Self.startedWord(cells[c]) else {
                        throw CellError(column: c, reason: "\(error.description); or 已开工/未开工")
                    }
                    started = word
                }
            }
            return .specialBond(SpecialBondRow(
                line: line, projectCode: code, projectName: name, region: region,
                bondBatch: text(cells, "bond_batch") ?? issueDate, issueDate: issueDate, issuedAmount: issued,
                usedAmount: used, started: started, startDate: start.date))
        case .reservePool:
            // A sub-section (`（一）公路` under `一、交通`) keeps its section's name after it, so
            // the loader can fall back to the configured category it belongs to.
            let section = category.map { c in topCategory.flatMap { $0 == c ? nil : c + "/" + $0 } ?? c }
            guard let category = text(cells, "reserve_category") ?? section else {
                throw CellError(column: info.columns["reserve_category"],
                                reason: "missing reserve category (储备类别), and no section row (一、产业园区) above")
            }
            return .reserveProject(ReserveProjectRow(
                line: line, projectCode: code, projectName: name, region: region, category: category,
                totalInvestment: total, upperFunds: try money(cells, info.columns["upper_funds"], nonNegative: true)))
        default:
            return nil
        }
    }
}
