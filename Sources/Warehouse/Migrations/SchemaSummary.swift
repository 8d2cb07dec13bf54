import PostgresClient

/// Tables (with exact row counts) and views in the warehouse schemas, for `migrate` output.
public struct SchemaSummary: Sendable {
    public struct Entry: Sendable, Equatable {
        public let schema: String
        public let name: String
        /// "table" or "view"
        public let kind: String
        /// Exact count for tables; nil for views (counting a view could be expensive).
        public let rows: Int?
    }

    public static let schemas = ["dw", "etl", "analyst"]
    public let entries: [Entry]

    public static func read(from connection: Connection, schemas: [String] = schemas) throws -> SchemaSummary {
        let relations = try connection.query("""
            SELECT n.nspname AS schema, c.relname AS name,
                   CASE WHEN c.relkind IN ('r', 'p') THEN 'table' ELSE 'view' END AS kind
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (string_to_array(\(schemas.joined(separator: ",")), ','))
              AND c.relkind IN ('r', 'p', 'v', 'm')
              AND NOT c.relispartition
            ORDER BY array_position(string_to_array(\(schemas.joined(separator: ",")), ','), n.nspname::text),
                     kind, c.relname
            """)
        var entries: [Entry] = []
        for row in relations.rows {
            let schema = row["schema"] ?? "", name = row["name"] ?? "", kind = row["kind"] ?? ""
            var count: Int? = nil
            if kind == "table" {
                count = try connection.query("SELECT count(*) AS n FROM \(.identifier(schema, name))").first?.int("n")
            }
            entries.append(Entry(schema: schema, name: name, kind: kind, rows: count))
        }
        return SchemaSummary(entries: entries)
    }

    /// Aligned text: `schema.table  kind  rows`.
    public var lines: [String] {
        if entries.isEmpty { return ["(no tables in schemas \(Self.schemas.joined(separator: ", ")))"] }
        let names = entries.map { "\($0.schema).\($0.name)" }
        let width = names.map(\.count).max() ?? 0
        let header = "relation".padding(width) + "  kind   rows"
        return [header] + zip(names, entries).map { name, entry in
            name.padding(width) + "  " + entry.kind.padding(5) + "  " + (entry.rows.map(String.init) ?? "-")
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
