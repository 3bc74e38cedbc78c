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

  /// The highest applied version, or nil on a blank database.
  public var currentVersion: Int? { (applied + unknown).map(\.version).max() }

  /// Whether the schema is exactly the catalog's: nothing pending, unknown or drifted.
  public var isCurrent: Bool { pending.isEmpty && unknown.isEmpty && drifted.isEmpty }

  /// What the operator should run, or nil when the schema is current.
  public var advice: String? {
    if let file = drifted.first { return MigrationError.drift(fileName: file).description }
    if !unknown.isEmpty {
      return MigrationError.unknownVersions(unknown.map(\.version)).description
        + "; upgrade taskdash"
    }
    if !pending.isEmpty {
      return
        "the database schema is behind this taskdash (\(pending.count) pending migration\(pending.count == 1 ? "" : "s")); run: taskdash migrate up"
    }
    return nil
  }
}
