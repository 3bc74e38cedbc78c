import Foundation

/// The ordered migrations of one dialect, parsed from `NNNN_title.up.sql` / `.down.sql` pairs.
public struct MigrationCatalog: Hashable, Sendable {
  public var migrations: [Migration]

  /// A catalog of these migrations, sorted by version.
  public init(migrations: [Migration]) {
    self.migrations = migrations.sorted { $0.version < $1.version }
  }

  /// Parses files given as name → contents; every version needs both halves, once.
  public init(files: [String: String]) throws {
    var ups: [Int: (name: String, sql: String)] = [:]
    var downs: [Int: (name: String, sql: String)] = [:]
    for (fileName, contents) in files {
      guard let parsed = Self.parseFileName(fileName) else {
        throw MigrationError.badFileName(fileName)
      }
      let isUp = parsed.direction == .up
      if (isUp ? ups[parsed.version] : downs[parsed.version]) != nil {
        throw MigrationError.duplicateVersion(parsed.version)
      }
      if isUp {
        ups[parsed.version] = (parsed.name, contents)
      } else {
        downs[parsed.version] = (parsed.name, contents)
      }
    }
    var migrations: [Migration] = []
    for version in Set(ups.keys).union(downs.keys) {
      guard let up = ups[version], let down = downs[version], up.name == down.name else {
        throw MigrationError.unpaired(version)
      }
      migrations.append(Migration(version: version, name: up.name, upSQL: up.sql, downSQL: down.sql))
    }
    self.init(migrations: migrations)
  }

  /// The catalog built into the binary for a dialect.
  public static func embedded(_ dialect: SQLDialect) throws -> MigrationCatalog {
    try MigrationCatalog(files: EmbeddedFiles.migrations(dialect))
  }

  /// The newest version, or nil for an empty catalog.
  public var latestVersion: Int? { migrations.last?.version }

  /// Splits `0001_create_tasks.up.sql` into 1, `create_tasks` and `.up`.
  static func parseFileName(_ fileName: String) -> (version: Int, name: String, direction: MigrationDirection)? {
    let direction: MigrationDirection
    let stem: Substring
    if fileName.hasSuffix(".up.sql") {
      direction = .up
      stem = fileName.dropLast(".up.sql".count)
    } else if fileName.hasSuffix(".down.sql") {
      direction = .down
      stem = fileName.dropLast(".down.sql".count)
    } else {
      return nil
    }
    let parts = stem.split(separator: "_", maxSplits: 1)
    guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCII),
      let version = Int(parts[0]), version > 0,
      parts[1].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" })
    else { return nil }
    return (version, String(parts[1]), direction)
  }
}
