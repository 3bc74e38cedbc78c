import Foundation
import TaskDashPostgres
import TaskDashSQLite
import TaskDashStore

/// Opens the store a target names; the only place that knows both backends.
enum Backends {
  /// A read-only store for the dashboard and `snapshot`; on PostgreSQL with `push`, its session
  /// listens for changes and reports them there (SQLite has no push and ignores it).
  static func reader(_ target: DatabaseTarget, push: PushChannel? = nil) async throws -> any DashboardReading {
    switch target {
    case .postgres(let conninfo, let limits):
      try await PostgresBackend.reader(conninfo: conninfo, limits: limits, push: push)
    case .sqlite(let path): try await SQLiteBackend.reader(path: path)
    }
  }

  /// The dashboard's reader, its schema checked.
  ///
  /// A bad target or schema fails here, before the terminal is taken over, when the server
  /// answers within `patience`. A server that is down is retried by the pollers (the dashboard
  /// opens on its disconnected screen). A refused login (wrong password, unknown database) opens
  /// the dashboard too, whose banner says what to fix; the reader remembers the refusal, so the
  /// server sees one more attempt a minute (or when the operator presses r), not one per pane.
  /// A server that does not answer at all (stopped with SIGSTOP, a silent network) would hold
  /// the start-up for every connect timeout, so after `patience` the dashboard opens anyway, and
  /// its first polls wait for the attempt under way. Every backend it opens reports on `push`.
  static func dashboardReader(
    _ target: DatabaseTarget, push: PushChannel? = nil, patience: Duration = .milliseconds(750)
  ) async throws -> any DashboardReading {
    let open: @Sendable () async throws -> any DashboardReading = { try await checkedReader(target, push: push) }
    let attempt = Task { try await open() }
    switch await outcome(of: attempt, within: patience) {
    case .success(let opened)?:
      return ReconnectingReader(initial: opened, open: open)
    case .failure(let error as StoreError)? where error.isRetryable:
      return ReconnectingReader(open: open)
    case .failure(StoreError.authentication)?:
      // The first polls get this attempt's refusal, without another login.
      return ReconnectingReader(opening: attempt, open: open)
    case .failure(let error)?:
      throw error
    case nil:
      return ReconnectingReader(opening: attempt, open: open)
    }
  }

  /// A reader whose database is at this binary's schema version (closed again when it is not).
  private static func checkedReader(_ target: DatabaseTarget, push: PushChannel? = nil) async throws
    -> any DashboardReading
  {
    let opened = try await reader(target, push: push)
    do {
      try await SchemaGate.check(opened, target: target)
      return opened
    } catch {
      await opened.close()
      throw error
    }
  }

  /// The task's result, or nil when it has not finished within `limit`; the task keeps running.
  private static func outcome<T: Sendable>(of task: Task<T, any Error>, within limit: Duration) async
    -> Result<T, any Error>?
  {
    let (results, continuation) = AsyncStream.makeStream(of: Result<T, any Error>?.self)
    let waiter = Task { continuation.yield(await task.result) }
    let timer = Task {
      try? await Task.sleep(for: limit)
      continuation.yield(nil)
    }
    var iterator = results.makeAsyncIterator()
    let first = await iterator.next() ?? nil
    continuation.finish()
    timer.cancel()
    _ = waiter
    return first
  }

  /// A writing store for `seed` and `simulate`.
  static func writer(_ target: DatabaseTarget) async throws -> any DashboardWriting {
    switch target {
    case .postgres(let conninfo, let limits): try await PostgresBackend.writer(conninfo: conninfo, limits: limits)
    case .sqlite(let path): try await SQLiteBackend.writer(path: path)
    }
  }

  /// Runs `body` with a migrator for the target, closing its connection afterwards; only when
  /// `creating` does a missing SQLite file become a new database.
  static func withMigrator<T>(
    _ target: DatabaseTarget, creating: Bool = false, _ body: (Migrator) async throws -> T
  ) async throws -> T {
    let driver: any MigrationDriver =
      switch target {
      case .postgres(let conninfo, let limits):
        try await PostgresBackend.migrationDriver(conninfo: conninfo, limits: limits)
      case .sqlite(let path): try await SQLiteBackend.migrationDriver(path: path, creating: creating)
      }
    let migrator = Migrator(catalog: try .embedded(target.dialect), driver: driver)
    return try await closing({ await driver.close() }) { try await body(migrator) }
  }

  /// Runs `body` with a reader whose database is at this binary's schema, closing it afterwards.
  /// A command that writes (`writes`) is refused another program's schema too, which the
  /// dashboard would only read.
  static func withCheckedReader<T>(
    _ target: DatabaseTarget, writes: Bool = false, _ body: (any DashboardReading) async throws -> T
  ) async throws -> T {
    if writes { try await SchemaGate.refuseForeign(target) }
    let reader = try await checkedReader(target)
    return try await closing({ await reader.close() }) { try await body(reader) }
  }

  /// Runs `body`, then `close`, whether `body` returned or threw.
  static func closing<T>(_ close: () async -> Void, _ body: () async throws -> T) async throws -> T {
    let result: Result<T, any Error>
    do {
      result = .success(try await body())
    } catch {
      result = .failure(error)
    }
    await close()
    return try result.get()
  }

  /// Runs `body` with the target's maintenance store (partitions, retention), closing it
  /// afterwards.
  static func withMaintainer<T>(_ target: DatabaseTarget, _ body: (any MaintenanceWriting) async throws -> T)
    async throws -> T
  {
    try await with(
      target, postgres: PostgresBackend.maintainer, sqlite: SQLiteBackend.maintainer, close: { await $0.close() }, body)
  }

  /// Runs `body` with the target's exporter (`taskdash export`), closing it afterwards.
  static func withExporter<T>(_ target: DatabaseTarget, _ body: (any ExportReading) async throws -> T)
    async throws -> T
  {
    try await with(
      target, postgres: PostgresBackend.exporter, sqlite: SQLiteBackend.exporter, close: { await $0.close() }, body)
  }

  /// Runs `body` with the target's adopter (`migrate adopt`), closing it afterwards.
  static func withAdopter<T>(_ target: DatabaseTarget, _ body: (any SchemaAdopting) async throws -> T)
    async throws -> T
  {
    try await with(
      target, postgres: PostgresBackend.adopter, sqlite: SQLiteBackend.adopter, close: { await $0.close() }, body)
  }

  /// Opens one of the target's stores with the backend's opener, runs `body` with it and closes
  /// it, whether `body` returned or threw.
  private static func with<Store, T>(
    _ target: DatabaseTarget, postgres: (String, SessionLimits) async throws -> Store,
    sqlite: (String) async throws -> Store, close: (Store) async -> Void, _ body: (Store) async throws -> T
  ) async throws -> T {
    let store =
      switch target {
      case .postgres(let conninfo, let limits): try await postgres(conninfo, limits)
      case .sqlite(let path): try await sqlite(path)
      }
    return try await closing({ await close(store) }) { try await body(store) }
  }

  /// How far ahead of now the commands that write prepare their days.
  static let daysAhead = 7

  /// Prepares the days a command is about to write, from `since` (the oldest time it writes)
  /// through `daysAhead` days from now, so that its rows land in their day's partition rather
  /// than in the default one. Returns how many partitions were created.
  @discardableResult
  static func preparePartitions(_ target: DatabaseTarget, since: Date, now: Date = Date()) async throws -> Int {
    try await withMaintainer(target) { maintainer in
      try await maintainer.ensurePartitions(
        since: since, through: now.addingTimeInterval(Double(daysAhead) * 86_400))
    }
  }
}
