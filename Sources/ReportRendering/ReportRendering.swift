/// ReportRendering: turns already-computed report data into text — aligned terminal tables, CSV,
/// JSON, Markdown, HTML, and the monthly bulletin (HTML with inline SVG charts, or Markdown).
///
/// Owns: the neutral report model (`ReportTable`, `Bulletin`), number formatting of exact
/// `Decimal` values, display-width text layout, escaping for every output format.
/// Must not touch: the database, files, the network or the clock. Callers (the query layer and
/// `invest-report`) compute every value; this module only formats, and never rounds money
/// through `Double`.
