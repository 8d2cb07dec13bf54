import ArgumentParser
import Foundation
import PostgresClient
import Warehouse

/// BSD sysexits codes of DESIGN §7.
enum SysExit: Int32 {
    case ok = 0
    case usage = 64
    case dataErr = 65
    case unavailable = 69
    case software = 70
    case tempFail = 75

    var exitCode: ExitCode { ExitCode(rawValue) }
}

/// Errors that know their exit code conform (e.g. the loader's errors, in their own files).
protocol SysExitMapping: Error {
    var sysExit: SysExit { get }
}

enum ErrorReport {
    /// Runs a subcommand body; any error is printed to stderr as one clear message and turned
    /// into the matching exit code. ArgumentParser's own errors pass through untouched.
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
            throw fail(error, command: command)
        }
    }

    /// Prints `invest-etl <command>: error: …` (password-free) and returns the exit code.
    static func fail(_ error: Error, command: String) -> ExitCode {
        let code = sysExit(for: error)
        var message = "invest-etl \(command): error: \(error)"
        if isNotMigrated(error) { message += "\n(the database has no warehouse tables: run `invest-etl migrate` first)" }
        if code == .unavailable { message += "\n(database unavailable: exit \(code.rawValue))" }
        if code == .tempFail { message += "\n(temporary failure: exit \(code.rawValue); nothing in flight was kept; run again later)" }
        FileHandle.standardError.write(Data((ConnectionInfo.redactSecrets(in: message) + "\n").utf8))
        return code.exitCode
    }

    /// An undefined table or schema of the warehouse's own (`etl.`, `dw.`, `analyst.`).
    static func isNotMigrated(_ error: Error) -> Bool {
        guard let error = error as? PostgresError, error.sqlState == "42P01" || error.sqlState == "3F000" else { return false }
        let text = "\(error)"
        return ["\"etl.", "\"dw.", "\"analyst.", "schema \"etl\"", "schema \"dw\"", "schema \"analyst\""].contains(where: text.contains)
    }

    static func sysExit(for error: Error) -> SysExit {
        switch error {
        case let error as SysExitMapping:
            return error.sysExit
        case let error as PostgresError:
            if error.isConnectionFailure { return .unavailable }
            if error.sqlState == "55P03" { return .tempFail }  // lock_not_available
            // statement_timeout / pg_cancel_backend: the file rolled back; a retry can succeed.
            if error.sqlState == "57014" { return .tempFail }
            // Class 53, insufficient resources (disk full, out of memory, too many connections):
            // the server cannot take the load now.
            if error.sqlState?.hasPrefix("53") == true { return .unavailable }
            if error.code == .invalidArgument { return .usage }
            // A database never migrated is no warehouse yet: unavailable, not a bug.
            if isNotMigrated(error) { return .unavailable }
            return .software
        case let error as MigrationError:
            switch error {
            case .failed(_, let underlying): return sysExit(for: underlying)
            case .badFileName, .notUTF8, .duplicateVersion, .checksumMismatch, .appliedFileMissing, .transactionControl:
                return .dataErr
            }
        case is SQLLocator.NotFound:
            return .usage
        default:
            return .software
        }
    }
}
