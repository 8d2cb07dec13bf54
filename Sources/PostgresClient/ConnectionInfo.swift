import Foundation
import CLibPQ

/// Helpers for libpq connection strings (URIs `postgresql://…` or `key=value` strings)
/// that never let a password reach a log line or an error message.
public enum ConnectionInfo {
    /// The connection string with any password replaced by `***`, for logs.
    /// `postgresql://u:secret@h/db` → `postgresql://u:***@h/db`; `password=secret` → `password=***`.
    public static func redacted(_ url: String) -> String {
        redactSecrets(in: url)
    }

    /// Redacts every password-looking part of a free text (URIs with `user:pass@`,
    /// `password=` keywords and URI query parameters), plus any of `knownSecrets`.
    public static func redactSecrets(in text: String, knownSecrets: [String] = []) -> String {
        var result = redactURIUserInfo(redactPasswordKeyword(text))
        for secret in knownSecrets where secret.count >= 3 {
            result = result.replacingAll(secret, with: "***")
        }
        return result
    }

    /// The conninfo options libpq would use for `conninfo` (only those explicitly set).
    /// Throws `.invalidArgument` with libpq's (redacted) message when it does not parse.
    public static func parse(_ conninfo: String) throws -> [String: String] {
        var errorMessage: UnsafeMutablePointer<CChar>? = nil
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            let text = errorMessage.map { String(cString: $0) } ?? "invalid connection string"
            if let errorMessage { PQfreemem(errorMessage) }
            throw PostgresError(
                code: .invalidArgument, operation: "parse connection string",
                message: redactSecrets(in: text.trimmingTrailingNewlines()))
        }
        defer { PQconninfoFree(options) }
        var values: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                values[String(cString: keyword)] = String(cString: value)
            }
            option += 1
        }
        return values
    }

    /// A keyword/value connection string equal to `conninfo` but connecting to `database`.
    /// Used to open a second database on the same server (tests, admin tasks).
    public static func replacingDatabase(in conninfo: String, with database: String) throws -> String {
        var options = try parse(conninfo)
        options["dbname"] = database
        return keywordString(options)
    }

    /// Renders options as a libpq keyword/value string, quoting every value.
    public static func keywordString(_ options: [String: String]) -> String {
        options.keys.sorted().map { key in
            let value = options[key]!
                .replacingAll("\\", with: "\\\\")
                .replacingAll("'", with: "\\'")
            return "\(key)='\(value)'"
        }.joined(separator: " ")
    }

    // MARK: - redaction scanners (character level, no regex: predictable on any input)

    private static func redactPasswordKeyword(_ text: String) -> String {
        let chars = Array(text)
        let key = Array("password=")
        var out: [Character] = []
        out.reserveCapacity(chars.count)
        var i = 0
        while i < chars.count {
            if i + key.count <= chars.count,
               zip(chars[i..<(i + key.count)], key).allSatisfy({ $0.lowercased() == $1.lowercased() }) {
                out.append(contentsOf: chars[i..<(i + key.count)])
                i += key.count
                if i < chars.count, chars[i] == "'" {
                    i += 1
                    while i < chars.count, chars[i] != "'" {
                        if chars[i] == "\\" { i += 1 }
                        i += 1
                    }
                    i += 1  // closing quote
                } else {
                    while i < chars.count, !chars[i].isWhitespace, chars[i] != "&", chars[i] != "\"" { i += 1 }
                }
                out.append(contentsOf: "***")
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return String(out)
    }

    private static func redactURIUserInfo(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let schemeEnd = rest.range(of: "://") {
            result += rest[..<schemeEnd.upperBound]
            rest = rest[schemeEnd.upperBound...]
            // The authority ends at '/', '?', '#', whitespace or a quote.
            let authorityEnd = rest.firstIndex(where: { "/?#\"' \t\n".contains($0) }) ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@"),
               let colon = authority[..<at].firstIndex(of: ":") {
                result += authority[...colon] + "***" + authority[at...]
            } else {
                result += authority
            }
            rest = rest[authorityEnd...]
        }
        return result + rest
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
