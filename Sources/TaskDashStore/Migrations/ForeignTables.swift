/// The tables of a database that has no taskdash history: what `migrate status` names, and what
/// `migrate up` would collide with.
///
/// A database that has the four tables of the contract but no `schema_migrations` was made by
/// someone else (the agent system's ORM, `create_all` or Alembic): an *external schema*. Other
/// tables alone (an application's own) are no obstacle: taskdash's tables go beside them.
public struct ForeignTables: Hashable, Sendable {
  /// The tables of the contract, the ones the dashboard shows.
  public static let contract = ["tasks", "task_runs", "metric_snapshots", "artifacts"]
  /// The tables taskdash's migrations create besides the contract's and the history.
  public static let ownOnly = ["metric_rollups"]
  /// The history table: empty after `migrate down --all`, and no obstacle to `migrate up`.
  public static let history = "schema_migrations"
  /// The table Alembic keeps its revision in.
  public static let alembic = "alembic_version"

  /// Every table found but an empty history, by name, in order.
  public let tables: [String]

  /// What a database holds, from the names of its tables.
  public init(tables: [String]) {
    self.tables = tables.filter { $0 != Self.history }.sorted()
  }

  /// The tables `migrate up` would create that are there already, in the contract's order.
  public var collisions: [String] {
    (Self.contract + Self.ownOnly).filter(tables.contains)
  }

  /// Whether the four tables of the contract are all there.
  public var isExternalSchema: Bool {
    Self.contract.allSatisfy(tables.contains)
  }

  /// Whether `migrate adopt` recorded adding taskdash's indexes here.
  public var isAdopted: Bool {
    tables.contains(AdoptionIndex.recordTable)
  }

  /// Whether Alembic's revision table is there.
  public var hasAlembic: Bool {
    tables.contains(Self.alembic)
  }

  /// The tables that are neither the contract's, taskdash's (adoption record included) nor
  /// Alembic's.
  public var others: [String] {
    tables.filter { !(Self.contract + Self.ownOnly + [Self.alembic, AdoptionIndex.recordTable]).contains($0) }
  }

  /// What is there, in a few words: `a blank database`, `an external schema: tasks, …;
  /// alembic_version present; 2 other tables`, or `no taskdash tables; 3 other tables`.
  public var summary: String {
    if tables.isEmpty { return "a blank database" }
    let notes = [
      hasAlembic ? "\(Self.alembic) present" : nil,
      isAdopted ? "adopted by taskdash (its indexes added)" : nil,
      others.isEmpty ? nil : "\(others.count) other \(others.count == 1 ? "table" : "tables")",
    ].compactMap { $0 }
    let head =
      if isExternalSchema {
        "an external schema: " + collisions.joined(separator: ", ")
      } else if !collisions.isEmpty {
        "some of taskdash's tables: " + collisions.joined(separator: ", ")
      } else {
        "no taskdash tables"
      }
    return ([head] + notes).joined(separator: "; ")
  }
}
