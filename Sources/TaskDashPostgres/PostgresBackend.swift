import TaskDashStore

/// The PostgreSQL store: libpq connections, each on its own thread.
///
/// Connection strings are postgres:// URLs or key=value strings, passed to libpq as they are
/// (so PG* variables, .pgpass and service files apply). Failures throw `StoreError`:
/// `.authentication` for a bad password, unknown database or bad option, `.connection` for an
/// unreachable or refusing server; no message holds the password or the connection string.
public enum PostgresBackend {
  /// The dashboard's reader: read-only sessions with a statement timeout and a client deadline.
  ///
  /// With `push`, its session LISTENs for the push triggers (migration 0007) and reports
  /// changed tables there; on a standby it does not listen, and says nothing.
  public static func reader(conninfo: String, limits: SessionLimits = SessionLimits(), push: PushChannel? = nil)
    async throws -> any DashboardReading
  {
    let reader = PostgresReader(conninfo: conninfo, settings: .reader.limited(by: limits), push: push)
    try await reader.connect()
    return reader
  }

  /// The reader `taskdash export` streams through: its own read-only session, without the
  /// dashboard's statement timeout (one statement reads a whole table).
  public static func exporter(conninfo: String, limits: SessionLimits = SessionLimits()) async throws
    -> any ExportReading
  {
    let reader = PostgresReader(conninfo: conninfo, settings: .exporter.limited(by: limits))
    try await reader.connect()
    return reader
  }

  /// A writer for seeding and simulation; transactions run one at a time on one connection.
  public static func writer(conninfo: String, limits: SessionLimits = SessionLimits()) async throws
    -> any DashboardWriting
  {
    let writer = PostgresWriter(conninfo: conninfo, settings: .writer.limited(by: limits))
    try await writer.connect()
    return writer
  }

  /// The migration driver (history in `schema_migrations`, advisory lock per migration).
  public static func migrationDriver(conninfo: String, limits: SessionLimits = SessionLimits()) async throws
    -> any MigrationDriver
  {
    let driver = PostgresMigrationDriver(conninfo: conninfo, settings: .migrator.limited(by: limits))
    try await driver.connect()
    return driver
  }

  /// Partition upkeep and retention (`taskdash maintain`, `taskdash prune`, and the writers'
  /// partitions ahead).
  public static func maintainer(conninfo: String, limits: SessionLimits = SessionLimits()) async throws
    -> any MaintenanceWriting
  {
    let maintainer = PostgresMaintainer(conninfo: conninfo, settings: .writer.limited(by: limits))
    try await maintainer.connect()
    return maintainer
  }

  /// `taskdash migrate adopt` on an external schema.
  public static func adopter(conninfo: String, limits: SessionLimits = SessionLimits()) async throws
    -> any SchemaAdopting
  {
    let adopter = PostgresAdopter(conninfo: conninfo, settings: .migrator.limited(by: limits))
    try await adopter.connect()
    return adopter
  }
}
