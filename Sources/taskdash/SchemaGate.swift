import TaskDashStore

/// Refuses a database whose schema is not the one this binary was built for, saying which
/// migrate command fixes it.
enum SchemaGate {
  /// Throws `StoreError.schema` unless the database is at the embedded catalog's latest version.
  static func check(_ reader: any DashboardReading, target: DatabaseTarget) async throws {
    let latest = try MigrationCatalog.embedded(target.dialect).latestVersion ?? 0
    let current: Int
    do {
      current = try await reader.health().schemaVersion ?? 0
    } catch let error as StoreError where error.isRetryable {
      // Unreachable now: the dashboard shows that and keeps retrying; the schema is checked
      // by every later command that can reach the database.
      return
    }
    if current == 0 {
      throw StoreError.schema(
        "\(target) has no taskdash schema; run: taskdash migrate up (or try: taskdash demo)")
    }
    if current < latest {
      throw StoreError.schema(
        "\(target) is at schema version \(current), this taskdash needs \(latest); run: taskdash migrate up")
    }
    if current > latest {
      throw StoreError.schema(
        "\(target) is at schema version \(current), newer than this taskdash (\(latest)); upgrade taskdash, or run: taskdash migrate down --to \(latest) with the newer binary"
      )
    }
  }
}
