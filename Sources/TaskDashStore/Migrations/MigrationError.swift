/// Why the migration engine refuses to go on. Each message names what to fix.
public enum MigrationError: Error, Hashable, Sendable, CustomStringConvertible {
  case badFileName(String)
  case duplicateVersion(Int)
  case unpaired(Int)
  /// An applied migration's file changed since it was applied.
  case drift(fileName: String)
  /// The database has versions this binary does not know (it is newer).
  case unknownVersions([Int])
  /// A target version that is not in the catalog.
  case noSuchVersion(Int)
  /// `down` needs an explicit extent.
  case downNeedsExtent
  /// The database has tables taskdash would create, without taskdash's history.
  case collision(ForeignTables)

  public var description: String {
    switch self {
    case .badFileName(let name):
      "migration file \(name) is not named NNNN_snake_title.up.sql or .down.sql"
    case .duplicateVersion(let version): "migration version \(version) appears twice"
    case .unpaired(let version): "migration \(version) needs both an .up.sql and a .down.sql file with the same title"
    case .drift(let fileName):
      "\(fileName) changed after it was applied; restore it and add a new migration instead"
    case .unknownVersions(let versions):
      "the database has migrations this taskdash does not know (\(versions.map(String.init).joined(separator: ", "))): it was migrated by a newer taskdash"
    case .noSuchVersion(let version): "there is no migration \(version)"
    case .downNeedsExtent: "migrate down needs --steps N, --to N or --all"
    case .collision(let foreign):
      "the database already has \(foreign.collisions.joined(separator: ", ")) without taskdash's history"
        + (foreign.isExternalSchema ? " (an external schema)" : "")
        + ": taskdash's migrations would collide with them; nothing was changed"
        + (foreign.isExternalSchema
          ? "; taskdash reads it as it is, and taskdash migrate adopt adds its read indexes" : "")
    }
  }
}
