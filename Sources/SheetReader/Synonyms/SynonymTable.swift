import Foundation

/// One way a header cell (or an indicator name in a cell) can match the table.
public struct SynonymMatch: Sendable, Equatable, Hashable {
    /// The canonical name: a field (`project_code`), `indicator:<code>` or `measure:<kind>`.
    public var canonical: String
    /// The number an `N` in the synonym matched (`1-N月完成投资` on `1-6月完成投资` -> 6).
    public var month: Int?
}

/// The header synonym table, loaded from data: the bundled `synonyms.tsv` plus operator files.
///
/// File format: one `canonical<TAB>synonym` or `canonical<TAB>syn1|syn2|...` per line, `#`
/// starts a comment. Synonyms are compared after the same normalisation as header cells
/// (`HeaderText`): spaces, line breaks, bracket width and trailing units do not matter. In a
/// synonym, `N` stands for a month number 1–12 and `YYYY` for a four-digit year, so
/// `1-N月完成投资` matches `1-6月完成投资` (synonyms therefore cannot contain a literal
/// capital N or YYYY).
public struct SynonymTable: Sendable {
    struct Entry: Sendable {
        var canonical: String
        var tokens: [Token]
    }
    enum Token: Sendable, Equatable {
        case literal(String)
        case month
        case year
    }

    private var exact: [String: [String]] = [:]
    private var patterns: [Entry] = []
    /// Positions in `patterns` by what a matching text starts with: the first character of a
    /// pattern's leading literal, or any ASCII digit for a pattern that starts with N or YYYY.
    /// Trying every pattern on every header cell made a 100,000-column header take half a
    /// minute (a debug build, two cores; the reliability suite allows 60 s).
    private var patternsByFirst: [Character: [Int]] = [:]
    private var patternsFromDigit: [Int] = []

    public init() {}

    /// Parses table text; `source` names the file in error messages.
    public mutating func add(contentsOf text: String, source: String) throws {
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var line = String(rawLine)
            if let hash = line.firstIndex(of: "#") { line = String(line[..<hash]) }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let parts = line.split(separator: "\t", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw SheetError(code: .unreadable, file: source, line: index + 1,
                                 message: "synonym line must be 'canonical<TAB>synonym[|synonym…]': \(rawLine)")
            }
            for synonym in parts[1].split(separator: "|") {
                add(canonical: parts[0], synonym: String(synonym))
            }
        }
    }

    public mutating func add(canonical: String, synonym: String) {
        let text = HeaderText(synonym).text
        guard !text.isEmpty else { return }
        if text.contains("N") || text.contains("YYYY") {
            let tokens = SynonymTable.tokenize(text)
            if case .literal(let l)? = tokens.first, let c = l.first {
                patternsByFirst[c, default: []].append(patterns.count)
            } else {
                patternsFromDigit.append(patterns.count)
            }
            patterns.append(Entry(canonical: canonical, tokens: tokens))
        } else if !(exact[text]?.contains(canonical) ?? false) {
            exact[text, default: []].append(canonical)
        }
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var literal = ""
        var rest = Substring(text)
        while let c = rest.first {
            if rest.hasPrefix("YYYY") {
                if !literal.isEmpty { tokens.append(.literal(literal)); literal = "" }
                tokens.append(.year); rest = rest.dropFirst(4)
            } else if c == "N" {
                if !literal.isEmpty { tokens.append(.literal(literal)); literal = "" }
                tokens.append(.month); rest = rest.dropFirst()
            } else {
                literal.append(c); rest = rest.dropFirst()
            }
        }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        return tokens
    }

    /// All canonical names an already-normalised header text matches, table order.
    public func matches(normalized text: String) -> [SynonymMatch] {
        var out: [SynonymMatch] = (exact[text] ?? []).map { SynonymMatch(canonical: $0, month: nil) }
        guard let first = text.first else { return out }
        var candidates = patternsByFirst[first] ?? []
        if first.isASCII, first.isNumber, !patternsFromDigit.isEmpty {
            candidates = (candidates + patternsFromDigit).sorted()  // table order
        }
        for index in candidates {
            let entry = patterns[index]
            if let month = SynonymTable.match(entry.tokens[...], Substring(text), month: nil) {
                let m = SynonymMatch(canonical: entry.canonical, month: month == 0 ? nil : month)
                if !out.contains(m) { out.append(m) }
            }
        }
        return out
    }

    /// Convenience: normalise a raw cell first.
    /// The one indicator a title names (`2022年1-3月各县区固定资产投资完成情况` -> `fai`): synonyms
    /// found inside the text, shorter ones inside a longer match dropped; nil when none or several.
    func indicator(inTitle text: String) -> String? {
        var found: [(range: Range<String.Index>, code: String)] = []
        for (synonym, canonicals) in exact {
            guard let code = canonicals.first(where: { $0.hasPrefix("indicator:") }) else { continue }
            var start = text.startIndex
            while let r = text.range(of: synonym, range: start..<text.endIndex) {
                found.append((r, String(code.dropFirst("indicator:".count))))
                start = r.upperBound
            }
        }
        let kept = found.filter { f in
            !found.contains { g in g.range != f.range && g.range.lowerBound <= f.range.lowerBound && f.range.upperBound <= g.range.upperBound }
        }
        let codes = Set(kept.map(\.code))
        return codes.count == 1 ? codes.first : nil
    }

    /// The name a transfer's fund category is stored under (`政府性基金` -> `政府性基金转移支付`,
    /// from the table's `category:` entries); any other name as written.
    func fundCategory(_ name: String) -> String {
        let text = HeaderText(name).text
        let prefix = "category:"
        guard let m = (exact[text] ?? []).first(where: { $0.hasPrefix(prefix) }) else { return name }
        return String(m.dropFirst(prefix.count))
    }

    public func matches(_ raw: String) -> [SynonymMatch] {
        matches(normalized: HeaderText(raw).text)
    }

    /// Returns the captured month (0 when the pattern has none) or nil for no match.
    private static func match(_ tokens: ArraySlice<Token>, _ text: Substring, month: Int?) -> Int? {
        guard let token = tokens.first else { return text.isEmpty ? (month ?? 0) : nil }
        switch token {
        case .literal(let l):
            guard text.hasPrefix(l) else { return nil }
            return match(tokens.dropFirst(), text.dropFirst(l.count), month: month)
        case .year:
            let digits = text.prefix(4)
            guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return match(tokens.dropFirst(), text.dropFirst(4), month: month)
        case .month:
            for length in [2, 1] {
                let digits = text.prefix(length)
                guard digits.count == length, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                      let n = Int(digits), (1...12).contains(n) else { continue }
                if let r = match(tokens.dropFirst(), text.dropFirst(length), month: n) { return r }
            }
            return nil
        }
    }

    /// The bundled table (Resources/synonyms.tsv).
    public static func bundled() throws -> SynonymTable {
        try bundledOnce.get()
    }

    /// Parsed once per process: the resource does not change while it runs, and parsing it
    /// for every opened file was 11% of `invest-etl read` over the county files.
    private static let bundledOnce = Result<SynonymTable, any Error> {
        guard let url = Bundle.module.url(forResource: "synonyms", withExtension: "tsv") else {
            throw SheetError(code: .unreadable, file: "synonyms.tsv", message: "the bundled synonym table is missing")
        }
        return try load(files: [url])
    }

    /// The bundled table extended by operator files (ReadOptions.synonymFiles).
    public static func load(operatorFiles: [URL]) throws -> SynonymTable {
        var table = try bundled()
        for url in operatorFiles { try table.addFile(url) }
        return table
    }

    static func load(files: [URL]) throws -> SynonymTable {
        var table = SynonymTable()
        for url in files { try table.addFile(url) }
        return table
    }

    mutating func addFile(_ url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SheetError(code: .unreadable, file: url.path, message: "cannot read synonym file: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SheetError(code: .invalidEncoding, file: url.path, message: "synonym file is not UTF-8")
        }
        try add(contentsOf: text, source: url.path)
    }
}
