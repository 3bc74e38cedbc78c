import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import TaskDashPostgres

/// The dashboard's one reading session also listens: between reads its thread waits on the
/// socket and passes notifications on; a lost session says so, and the reconnect of the next
/// read listens again. The time limit only ends a wait for a signal that never comes; under a
/// loaded server creating and migrating the database alone took over a minute.
@Suite(.enabled(if: TestDatabase.isEnabled), .timeLimit(.minutes(10)))
struct PushListenerTests {
  @Test func theReadingSessionListensBetweenReadsAndListensAgainAfterAReconnect() async throws {
    try await TestDatabase.with { database in
      try await database.migrate()
      let push = PushChannel()
      var signals = push.signals.makeAsyncIterator()
      let reader = try await PostgresBackend.reader(conninfo: database.conninfo, push: push)
      #expect(await signals.next() == .listening)

      // Idle between reads, a writer's statement arrives as its table's name.
      let writer = try await database.adminConnection()
      try await writer.execute("INSERT INTO tasks (name) VALUES ('alpha')")
      #expect(await signals.next() == .changed([.tasks]))
      // A notification that arrives while reads go on is passed on too.
      try await writer.execute("INSERT INTO tasks (name) VALUES ('beta')")
      #expect(try await reader.tasks(TaskQuery()).count == 2)
      #expect(await signals.next() == .changed([.tasks]))

      // One backend reads and listens.
      let backends = try await database.query(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'taskdash' AND datname = $1",
        [database.name])
      #expect(try backends.first?.int(0) == 1)

      // The session is lost: said at once, without a read; the next read reconnects and listens.
      _ = try await database.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'taskdash' AND datname = $1",
        [database.name])
      #expect(await signals.next() == .lost)
      #expect(try await reader.tasks(TaskQuery()).count == 2)
      #expect(await signals.next() == .listening)
      try await writer.execute("DELETE FROM tasks WHERE name = 'beta'")
      // The cascade's four notifications may come in more than one read of the socket.
      var changed: Set<ChangedTable> = []
      while changed.count < ChangedTable.allCases.count, case .changed(let tables)? = await signals.next() {
        changed.formUnion(tables)
      }
      #expect(changed == Set(ChangedTable.allCases))

      await reader.close()
      await writer.close()
    }
  }
}
