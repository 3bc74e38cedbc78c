import TaskDashModel

/// The four tables of a database someone else made, as a backend found them: each column's
/// name and type, matched against what the dashboard reads (`ExternalContract`).
public struct ExternalSchema: Hashable, Sendable {
  /// A column as the database declares it.
  public struct Found: Hashable, Sendable {
    /// The table it belongs to.
    public let table: String
    /// The column's name.
    public let column: String
    /// Its declared type, lowercased (`uuid`, `timestamp with time zone`, `char(32)`).
    public let type: String
    /// The labels of an enumeration type (PostgreSQL's `CREATE TYPE … AS ENUM`) in their
    /// order; nil for any other type.
    public let enumLabels: [String]?

    /// A found column.
    public init(table: String, column: String, type: String, enumLabels: [String]? = nil) {
      self.table = table
      self.column = column
      self.type = type.lowercased()
      self.enumLabels = enumLabels
    }
  }

  /// A contract column and what the table has for it.
  public struct Match: Hashable, Sendable {
    /// The column the dashboard reads.
    public let column: ExternalContract.Column
    /// The table's column of that name; nil when the table lacks it.
    public let found: Found?
  }

  private let found: [String: [String: Found]]

  /// The schema of these columns; columns of other tables and the contract's unknown columns
  /// are kept but never read.
  public init(_ columns: [Found]) {
    found = Dictionary(grouping: columns, by: \.table).mapValues {
      Dictionary($0.map { ($0.column, $0) }, uniquingKeysWith: { first, _ in first })
    }
  }

  /// The contract's columns of `table` with what the table has for each.
  public func matches(_ table: ExternalContract.Table) -> [Match] {
    table.columns.map { Match(column: $0, found: found[table.name]?[$0.name]) }
  }

  /// Every column the dashboard reads that a table lacks, as `table.column`, in contract order.
  public var missing: [String] {
    ExternalContract.tables.flatMap { table in
      matches(table).filter { $0.found == nil }.map { "\(table.name).\($0.column.name)" }
    }
  }

  /// The columns without which the dashboard cannot show their table, as `table.column`.
  public var missingRequired: [String] {
    ExternalContract.tables.flatMap { table in
      matches(table).filter { $0.found == nil && $0.column.fallback == .required }.map {
        "\(table.name).\($0.column.name)"
      }
    }
  }

  /// Throws `StoreError.schema` naming the first required column a table lacks, in one line.
  public func checkRequired() throws {
    guard let first = missingRequired.first, let dot = first.firstIndex(of: ".") else { return }
    let table = first[..<dot]
    let column = first[first.index(after: dot)...]
    throw StoreError.schema(
      "the external schema's table \(table) has no column \(column), which the dashboard needs to show it")
  }

  /// The views that show the four tables in taskdash's form, one `CREATE TEMP VIEW` per table:
  /// each contract column as `expression` writes it, plus the run's `error_pattern`, the fold of
  /// a failure's message that taskdash stores when a run is written and a view computes when
  /// read. `source` names the real table; `expression` is never asked for a missing column
  /// whose fallback is another column. `kept` are the real table's columns passed through under
  /// their own names (SQLite's `rowid`, which blob reads open the real table by).
  public func viewDefinitions(
    source: (String) -> String, expression: (Match) -> String, errorPattern: (_ message: String) -> String,
    kept: [String] = []
  ) -> [String] {
    ExternalContract.tables.map { table in
      let matches = matches(table)
      // A missing column that falls back to another shows that one, in taskdash's form.
      let shown = matches.map { match in
        guard match.found == nil, case .column(let other) = match.column.fallback,
          let stand = matches.first(where: { $0.column.name == other && $0.found != nil })
        else { return expression(match) }
        return expression(stand)
      }
      var columns = zip(matches, shown).map { "\($1) AS \(Self.quoted($0.column.name))" } + kept
      if table.name == "task_runs",
        let status = matches.first(where: { $0.column.name == "status" }),
        let message = matches.first(where: { $0.column.name == "error_message" })
      {
        columns.append(
          "CASE WHEN \(expression(status)) IN \(RunStatus.sqlList(\.countsAsFailure)) "
            + "THEN \(errorPattern(expression(message))) END AS error_pattern")
      }
      return "CREATE TEMP VIEW \(table.name) AS SELECT \(columns.joined(separator: ", ")) FROM \(source(table.name))"
    }
  }

  /// A name as an SQL identifier, in double quotes (both dialects).
  public static func quoted(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
