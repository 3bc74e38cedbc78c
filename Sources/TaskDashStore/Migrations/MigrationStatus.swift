/// Where a database stands against a catalog.
public struct MigrationStatus: Hashable, Sendable {
  /// Applied versions that the catalog knows, oldest first.
  public var applied: [AppliedMigration]
  /// Catalog versions not applied yet, oldest first.
  public var pending: [Migration]
  /// Applied versions the catalog does not know (a newer binary applied them).
  public var unknown: [AppliedMigration]
  /// Applied migrations whose file changed since (file names).
  public var drifted: [String]
  /// Without any history, the tables the database holds; nil when it has taskdash's history.
  public var foreign: ForeignTables?

  /// The highest applied version, or nil on a blank database.
  public var currentVersion: Int? { (applied + unknown).map(\.version).max() }

  /// Whether the schema is exactly the catalog's: nothing pending, unknown or drifted.
  public var isCurrent: Bool { pending.isEmpty && unknown.isEmpty && drifted.isEmpty }

  /// The schema's verdict against the catalog: a database with a gap is behind from the
  /// first version it lacks, one with versions the catalog does not know is ahead.
  public var verdict: SchemaVerdict {
    if let foreign, !foreign.collisions.isEmpty { return .foreign(foreign) }
    let latest = (applied.map(\.version) + pending.map(\.version)).max() ?? 0
    if let newest = unknown.map(\.version).max() { return .ahead(current: newest, latest: latest) }
    if let first = pending.first { return SchemaVerdict(current: first.version - 1, latest: latest) }
    return .current
  }

  /// What the operator should run about `target`, or nil when the schema is current; a
  /// changed migration file comes first, since nothing else can be trusted until it is fixed.
  public func advice(for target: String) -> String? {
    if let file = drifted.first { return MigrationError.drift(fileName: file).description }
    return verdict.advice(for: target)
  }
}
