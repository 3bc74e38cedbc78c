import Crypto
import Foundation

/// One schema version: its up and down SQL and the checksum recorded when it is applied.
public struct Migration: Hashable, Sendable, Identifiable {
  public var version: Int
  /// The snake_case title from the file name.
  public var name: String
  public var upSQL: String
  public var downSQL: String

  /// Creates a migration.
  public init(version: Int, name: String, upSQL: String, downSQL: String) {
    self.version = version
    self.name = name
    self.upSQL = upSQL
    self.downSQL = downSQL
  }

  public var id: Int { version }

  /// `NNNN_title.up.sql`, the name drift errors point at.
  public var upFileName: String { String(format: "%04d_%@.up.sql", version, name) }

  /// SHA-256 of the up file, lowercase hex: what history stores, and what drift is judged by.
  public var checksum: String {
    SHA256.hash(data: Data(upSQL.utf8)).map { String(format: "%02x", $0) }.joined()
  }
}
