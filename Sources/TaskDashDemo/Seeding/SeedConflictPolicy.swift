/// What seeding does when the database already holds rows.
public enum SeedConflictPolicy: String, Hashable, Sendable, CaseIterable {
  /// Refuse with `SeedError.notEmpty` and write nothing.
  case refuse
  /// Add the new rows beside the existing ones (`--force`).
  case append
  /// Delete every row first, in the same transaction (`--reset`).
  case reset
}
