import Foundation

/// A row of `schema_migrations`: a version that a database says it has applied.
public struct AppliedMigration: Hashable, Sendable {
  public var version: Int
  public var name: String
  public var checksum: String
  public var appliedAt: Date

  /// Creates a history row value.
  public init(version: Int, name: String, checksum: String, appliedAt: Date) {
    self.version = version
    self.name = name
    self.checksum = checksum
    self.appliedAt = appliedAt
  }
}
