/// Warehouse: everything that writes the warehouse.
///
/// Owns: schema migrations (`Migrations/`), the loader (`Loader/`: source files, batches,
/// staging by COPY and the set-based merge into dimensions, facts and the loader-maintained
/// summaries, supersede and rejects), nightly runs, status and reject listings (`Runs/`), and
/// the sample-data generator (`Sample/`).
/// Must not touch: report formulas and analyst queries (InvestmentQueries and sql/views own
/// them), or how a spreadsheet is parsed (SheetReader owns that; the loader only consumes
/// its `RowOutcome`s).
enum WarehouseModule {}
