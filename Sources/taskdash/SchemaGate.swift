import TaskDashStore

/// Refuses a database whose schema is not the one this binary was built for, saying which
/// migrate command fixes it.
enum SchemaGate {
  /// Throws `StoreError.schema` unless the database is at the embedded catalog's latest version
  /// or holds an external schema the reader can show.
  static func check(_ reader: any DashboardReading, target: DatabaseTarget) async throws {
    let latest = try MigrationCatalog.embedded(target.dialect).latestVersion ?? 0
    let current: Int
    do {
      let health = try await reader.health()
      // The reader found the four tables of another program and reads them through its views.
      guard health.origin == .taskdash else { return }
      current = health.schemaVersion ?? 0
    } catch let error as StoreError where error.isRetryable {
      // Unreachable now: the dashboard shows that and keeps retrying; the schema is checked
      // by every later command that can reach the database.
      return
    }
    var verdict = SchemaVerdict(current: current, latest: latest)
    if verdict == .blank {
      // Without a history, what is there decides: another program's tables are not a blank
      // database to migrate.
      verdict = try await Backends.withMigrator(target) { try await $0.status() }.verdict
    }
    if let advice = verdict.advice(for: "\(target)") {
      throw StoreError.schema(advice)
    }
  }

  /// Throws `StoreError.schema` when the database holds another program's tables (an external
  /// schema, adopted or not): taskdash only reads those, and writes only its own.
  static func refuseForeign(_ target: DatabaseTarget) async throws {
    let status = try await Backends.withMigrator(target) { try await $0.status() }
    if case .foreign = status.verdict, let advice = status.verdict.advice(for: "\(target)") {
      throw StoreError.schema(advice)
    }
  }
}
