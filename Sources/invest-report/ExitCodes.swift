import ArgumentParser
import Foundation
import InvestmentQueries
import PostgresClient

/// BSD sysexits codes of DESIGN §7, as invest-report uses them.
enum SysExit: Int32 {
    case ok = 0
    /// Bad options, or a month/region/indicator that does not exist.
    case usage = 64
    /// The month exists but has no data for the report (also January, reported with February).
    case noInput = 66
    case unavailable = 69
    case software = 70

    var exitCode: ExitCode { ExitCode(rawValue) }
}

enum ErrorReport {
    /// Runs a subcommand body; any error is printed to stderr as one clear, password-free message
    /// and turned into the matching exit code. ArgumentParser's own errors pass through.
    static func run(_ command: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch let error as CleanExit {
            throw error
        } catch {
            let code = sysExit(for: error)
            var message = "invest-report \(command): error: \(error)"
            if code == .unavailable { message += "\n(database unavailable: exit \(code.rawValue))" }
            FileHandle.standardError.write(Data((ConnectionInfo.redactSecrets(in: message) + "\n").utf8))
            throw code.exitCode
        }
    }

    static func sysExit(for error: Error) -> SysExit {
        switch error {
        case let error as QueryError:
            switch error.code {
            case .unknownMonth, .unknownRegion, .unknownIndicator, .unsupported, .noDataForIndicator: return .usage
            case .noData, .januaryMerged: return .noInput
            case .notMigrated: return .unavailable   // no warehouse yet: not a bug
            }
        case let error as PostgresError:
            if error.isConnectionFailure { return .unavailable }
            if error.code == .invalidArgument { return .usage }
            return .software
        default:
            return .software
        }
    }
}
