/// Plans migrations from a catalog and a database's history, and runs them through a driver.
public struct Migrator: Sendable {
  public let catalog: MigrationCatalog
  public let driver: any MigrationDriver

  /// Creates a migrator.
  public init(catalog: MigrationCatalog, driver: any MigrationDriver) {
    self.catalog = catalog
    self.driver = driver
  }

  // MARK: - Reading

  /// Applied, pending, unknown and drifted versions.
  public func status() async throws -> MigrationStatus {
    let history = try await driver.appliedMigrations()
    let byVersion = Dictionary(uniqueKeysWithValues: catalog.migrations.map { ($0.version, $0) })
    var status = MigrationStatus(applied: [], pending: [], unknown: [], drifted: [])
    for row in history {
      guard let migration = byVersion[row.version] else {
        status.unknown.append(row)
        continue
      }
      status.applied.append(row)
      if migration.checksum != row.checksum {
        status.drifted.append(migration.upFileName)
      }
    }
    let appliedVersions = Set(history.map(\.version))
    status.pending = catalog.migrations.filter { !appliedVersions.contains($0.version) }
    if history.isEmpty {
      status.foreign = ForeignTables(tables: try await driver.tableNames())
    }
    return status
  }

  // MARK: - Changing

  /// Applies pending migrations up to and including `target` (all when nil).
  /// Returns the versions this call applied.
  @discardableResult
  public func up(to target: Int? = nil) async throws -> [Int] {
    if let target, !catalog.migrations.contains(where: { $0.version == target }) {
      throw MigrationError.noSuchVersion(target)
    }
    let status = try await checkedStatus()
    var applied: [Int] = []
    for migration in status.pending where target.map({ migration.version <= $0 }) ?? true {
      if try await driver.run(migration, .up) {
        applied.append(migration.version)
      }
    }
    return applied
  }

  /// How far `down` goes.
  public enum DownExtent: Hashable, Sendable {
    /// Revert this many of the newest applied migrations.
    case steps(Int)
    /// Revert every migration newer than this version (0 reverts all).
    case to(Int)
    /// Revert everything.
    case all
  }

  /// Reverts applied migrations, newest first. Returns the versions this call reverted.
  @discardableResult
  public func down(_ extent: DownExtent) async throws -> [Int] {
    let status = try await checkedStatus()
    let byVersion = Dictionary(uniqueKeysWithValues: catalog.migrations.map { ($0.version, $0) })
    let newestFirst = status.applied.map(\.version).sorted(by: >)
    let chosen: [Int]
    switch extent {
    case .steps(let count):
      guard count > 0 else { throw MigrationError.downNeedsExtent }
      chosen = Array(newestFirst.prefix(count))
    case .to(let version):
      guard version == 0 || byVersion[version] != nil else { throw MigrationError.noSuchVersion(version) }
      chosen = newestFirst.filter { $0 > version }
    case .all:
      chosen = newestFirst
    }
    var reverted: [Int] = []
    for version in chosen {
      if let migration = byVersion[version], try await driver.run(migration, .down) {
        reverted.append(version)
      }
    }
    return reverted
  }

  /// The status, refusing to go on over drifted or unknown versions.
  private func checkedStatus() async throws -> MigrationStatus {
    let status = try await status()
    if let file = status.drifted.first { throw MigrationError.drift(fileName: file) }
    if !status.unknown.isEmpty { throw MigrationError.unknownVersions(status.unknown.map(\.version)) }
    if case .foreign(let tables) = status.verdict { throw MigrationError.collision(tables) }
    return status
  }
}
