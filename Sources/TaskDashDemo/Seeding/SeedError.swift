import TaskDashStore

/// Why seeding refused to write or stopped; every case means nothing was written.
public enum SeedError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The database already holds rows and neither append nor reset was asked for.
  case notEmpty
  /// The taskdash tables do not exist (or are not all there).
  case notMigrated
  /// The requested counts cannot be generated.
  case invalidCounts(String)

  public var description: String {
    switch self {
    case .notEmpty:
      "the database already holds data; nothing was written (use --force to add to it or --reset to replace it)"
    case .notMigrated:
      "the database has no taskdash tables; run taskdash migrate up first"
    case .invalidCounts(let message):
      "invalid counts: \(message)"
    }
  }

  /// Whether a store error says that a table is missing (PostgreSQL 42P01, SQLite "no such table").
  public static func isMissingTable(_ error: any Error) -> Bool {
    guard case StoreError.query(let state, let message) = error else { return false }
    if state == "42P01" { return true }
    let lower = message.lowercased()
    return lower.contains("no such table") || (lower.contains("relation") && lower.contains("does not exist"))
  }
}
