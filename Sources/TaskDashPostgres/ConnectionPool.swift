import TaskDashStore

/// A few connections of one role, opened on demand and replaced when they break.
///
/// A broken connection is finished as soon as it is returned, so a server restart leaves no
/// stale backends behind; the next caller opens a fresh one.
actor ConnectionPool {
  /// What a waiting caller is handed: a connection to use, or a reserved slot to open one in.
  private enum Lease {
    case connection(PostgresConnection)
    case slot
  }

  private let conninfo: String
  private let settings: ConnectionSettings
  private let capacity: Int
  /// Runs on every connection the pool opens, before its first use (the reader's LISTEN).
  private let prepare: @Sendable (PostgresConnection) async throws -> Void
  private var idle: [PostgresConnection] = []
  /// Connections open or being opened, idle ones included.
  private var opened = 0
  private var waiters: [CheckedContinuation<Lease, Error>] = []
  private var isClosed = false

  init(
    conninfo: String, settings: ConnectionSettings, capacity: Int,
    prepare: @escaping @Sendable (PostgresConnection) async throws -> Void = { _ in }
  ) {
    self.conninfo = conninfo
    self.settings = settings
    self.capacity = max(1, capacity)
    self.prepare = prepare
  }

  /// A connection for the caller's exclusive use until `release`; `reused` tells whether it
  /// sat idle before (and so may have died meanwhile).
  func acquire() async throws -> (connection: PostgresConnection, reused: Bool) {
    guard !isClosed else { throw StoreError.closed }
    let lease: Lease
    if let connection = idle.popLast() {
      lease = .connection(connection)
    } else if opened < capacity {
      opened += 1
      lease = .slot
    } else {
      lease = try await withCheckedThrowingContinuation { waiters.append($0) }
    }
    switch lease {
    case .connection(let connection):
      return (connection, true)
    case .slot:
      do {
        let connection = try await PostgresConnection.connect(conninfo: conninfo, settings: settings)
        do {
          try await prepare(connection)
        } catch {
          await connection.close()
          throw error
        }
        return (connection, false)
      } catch {
        if let refusal = error as? StoreError, !refusal.isRetryable {
          refuseWaiters(refusal)
        }
        freeSlot()
        throw error
      }
    }
  }

  /// Opens a connection now and keeps it for the next caller: a bad target fails here, at once.
  func connectNow() async throws {
    let connection = try await acquire().connection
    await release(connection)
  }

  /// Gives a connection back; a broken one (or any after `close`) is finished.
  func release(_ connection: PostgresConnection) async {
    let broken = await connection.isBroken
    if isClosed || broken {
      freeSlot()
      await connection.close()
    } else if !waiters.isEmpty {
      waiters.removeFirst().resume(returning: .connection(connection))
    } else {
      idle.append(connection)
    }
  }

  /// Runs `body` with a connection. A reused connection that turns out to be lost (the server
  /// restarted while it sat idle) is replaced and `body` runs again, if `retry` allows; a fresh
  /// connection's failure is final. Every retry consumes one idle connection, so this ends.
  func withConnection<T: Sendable>(
    retry: Bool, _ body: @Sendable (PostgresConnection) async throws -> T
  ) async throws -> T {
    while true {
      let (connection, reused) = try await acquire()
      do {
        let value = try await body(connection)
        await release(connection)
        return value
      } catch {
        let broken = await connection.isBroken
        await release(connection)
        if retry, reused, broken, case .connection = error as? StoreError {
          continue
        }
        throw error
      }
    }
  }

  /// Finishes every idle connection and refuses new work; busy ones finish when returned.
  func close() async {
    isClosed = true
    let pending = waiters
    waiters = []
    for waiter in pending {
      waiter.resume(throwing: StoreError.closed)
    }
    let connections = idle
    idle = []
    opened -= connections.count
    for connection in connections {
      await connection.close()
    }
  }

  /// Fails every waiting caller with a login refusal: handing each of them the free slot in
  /// turn would send the server one more refused login per caller.
  private func refuseWaiters(_ refusal: StoreError) {
    let pending = waiters
    waiters = []
    for waiter in pending {
      waiter.resume(throwing: refusal)
    }
  }

  /// A connection slot became free: hand it to a waiter, or forget it.
  private func freeSlot() {
    if !isClosed, !waiters.isEmpty {
      waiters.removeFirst().resume(returning: .slot)
    } else {
      opened -= 1
    }
  }
}
