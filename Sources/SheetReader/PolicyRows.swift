import Foundation

// Row types of the policy-tracking layouts (issue 8). Part of the reader/loader contract, like
// SheetModel.swift. Money in 万元; dates ISO `YYYY-MM-DD` (day 1 when a cell gave only a month).

/// A project's central-budget investment plan (`central-budget`, 中央预算内投资).
public struct CentralBudgetRow: Sendable, Equatable {
    public var line: Int
    public var projectCode: String
    public var projectName: String
    public var region: String?
    /// 计划下达时间: when the plan was issued.
    public var planIssuedDate: String
    /// 下达中央预算内投资: the amount the plan issued.
    public var planAmount: Decimal
    /// 累计支付: funds paid to date.
    public var paidToDate: Decimal?
    /// 开工时间, when the project has started.
    public var startDate: String?
    public var totalInvestment: Decimal?
    /// Started or not as the 开工时间 cell says in words (已开工, 未开工, 拟10月开工) instead of a
    /// date; nil when it gives a date or nothing.
    public var started: Bool?

    public init(line: Int, projectCode: String, projectName: String, region: String? = nil, planIssuedDate: String,
                planAmount: Decimal, paidToDate: Decimal? = nil, startDate: String? = nil, totalInvestment: Decimal? = nil,
                started: Bool? = nil) {
        self.line = line
        self.projectCode = projectCode
        self.projectName = projectName
        self.region = region
        self.planIssuedDate = planIssuedDate
        self.planAmount = planAmount
        self.paidToDate = paidToDate
        self.startDate = startDate
        self.totalInvestment = totalInvestment
        self.started = started
    }
}

/// A project's share of one special-bond issuance batch (`special-bonds`, 政府专项债券).
public struct SpecialBondRow: Sendable, Equatable {
    public var line: Int
    public var projectCode: String
    public var projectName: String
    public var region: String?
    /// 发行批次 as written (`2022年第一批`); the issue date when the sheet has no batch column.
    public var bondBatch: String
    /// 发行时间: decides the half year and so the use-by deadline.
    public var issueDate: String
    /// 发行金额 allocated to the project.
    public var issuedAmount: Decimal
    /// 已使用金额 (累计支出) to date.
    public var usedAmount: Decimal?
    /// 是否开工, when the sheet says so.
    public var started: Bool?
    public var startDate: String?

    public init(line: Int, projectCode: String, projectName: String, region: String? = nil, bondBatch: String,
                issueDate: String, issuedAmount: Decimal, usedAmount: Decimal? = nil, started: Bool? = nil,
                startDate: String? = nil) {
        self.line = line
        self.projectCode = projectCode
        self.projectName = projectName
        self.region = region
        self.bondBatch = bondBatch
        self.issueDate = issueDate
        self.issuedAmount = issuedAmount
        self.usedAmount = usedAmount
        self.started = started
        self.startDate = startDate
    }
}

/// A project in the infrastructure reserve pool (`reserve-pool`, 基础设施项目储备).
public struct ReserveProjectRow: Sendable, Equatable {
    public var line: Int
    public var projectCode: String
    public var projectName: String
    public var region: String?
    /// 储备类别 (产业园区, 农林水利, …): the column, else the section row above.
    public var category: String
    public var totalInvestment: Decimal?
    /// 拟争取上级资金: upper-level funds the project is to secure.
    public var upperFunds: Decimal?

    public init(line: Int, projectCode: String, projectName: String, region: String? = nil, category: String,
                totalInvestment: Decimal? = nil, upperFunds: Decimal? = nil) {
        self.line = line
        self.projectCode = projectCode
        self.projectName = projectName
        self.region = region
        self.category = category
        self.totalInvestment = totalInvestment
        self.upperFunds = upperFunds
    }
}

extension SheetLayout {
    /// Layouts whose rows are projects keyed by 项目代码 (section rows give a category).
    public var isProjectKeyed: Bool {
        switch self {
        case .projectProgress, .centralBudget, .specialBonds, .reservePool: return true
        case .indicatorSummary, .transferPayments, .targets: return false
        }
    }

    /// The issue-8 layouts (central budget, special bonds, reserve pool).
    public var isPolicy: Bool {
        switch self {
        case .centralBudget, .specialBonds, .reservePool: return true
        default: return false
        }
    }
}
