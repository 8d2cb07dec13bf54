import Foundation
import SheetReader

/// COPY rows for the policy layouts' staging tables (issue 8). Pure, like StagingRows.
enum PolicyStaging {
    static let common = "batch_key, region_key, line_no, month_key, project_code, project_name, total_investment_wan, start_date"

    static func table(_ layout: SheetLayout) -> (table: String, columns: String)? {
        switch layout {
        case .centralBudget:
            return ("etl.stage_central_budget", common + ", plan_issued_date, plan_amount_wan, paid_to_date_wan, started")
        case .specialBonds:
            return ("etl.stage_special_bond", common + ", bond_batch, issue_date, issued_wan, used_wan, started")
        case .reservePool:
            return ("etl.stage_reserve_project", common + ", reserve_category, upper_funds_wan")
        default:
            return nil
        }
    }

    /// The project a policy row names: code, name and the row's own region text.
    static func project(_ row: DataRow) -> (code: String, name: String, region: String?)? {
        switch row {
        case .centralBudget(let r): return (r.projectCode, r.projectName, r.region)
        case .specialBond(let r): return (r.projectCode, r.projectName, r.region)
        case .reserveProject(let r): return (r.projectCode, r.projectName, r.region)
        default: return nil
        }
    }

    static func row(_ data: DataRow, batch: Int, region: Int, month: Int) -> [String?]? {
        typealias S = StagingRows
        func head(_ code: String, _ name: String, _ line: Int, _ total: Decimal?, _ start: String?) -> [String?] {
            [S.text(batch), S.text(region), S.text(line), S.text(month),
             code.trimmingCharacters(in: .whitespacesAndNewlines), name.trimmingCharacters(in: .whitespacesAndNewlines),
             S.text(total), S.clean(start)]
        }
        switch data {
        case .centralBudget(let r):
            return head(r.projectCode, r.projectName, r.line, r.totalInvestment, r.startDate)
                + [r.planIssuedDate, S.text(r.planAmount), S.text(r.paidToDate), S.text(r.started)]
        case .specialBond(let r):
            return head(r.projectCode, r.projectName, r.line, nil, r.startDate)
                + [S.clean(r.bondBatch) ?? r.issueDate, r.issueDate, S.text(r.issuedAmount), S.text(r.usedAmount), S.text(r.started)]
        case .reserveProject(let r):
            return head(r.projectCode, r.projectName, r.line, r.totalInvestment, nil)
                + [S.clean(r.category), S.text(r.upperFunds)]
        default:
            return nil
        }
    }
}
