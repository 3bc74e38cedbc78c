import Foundation
import TaskDashStore
import Testing

@testable import TaskDashPostgres

/// The reader's session prepares each statement text once and executes it by name after.
@Suite struct PreparedStatementsTests {
  @Test func aTextIsNamedOnceAndTheOldestGivesWayAtCapacity() {
    var prepared = PreparedStatements(capacity: 2)
    for text in ["a", "b"] {
      let (name, evicting) = prepared.nextName()
      #expect(evicting == nil)
      prepared.record(text, as: name, evicted: evicting)
    }
    #expect(prepared.name(of: "a") == "td_1")
    #expect(prepared.name(of: "b") == "td_2")

    let (name, evicting) = prepared.nextName()
    #expect(name == "td_3")
    #expect(evicting == "td_1")
    prepared.record("c", as: name, evicted: evicting)
    #expect(prepared.name(of: "a") == nil)
    #expect(prepared.name(of: "c") == "td_3")

    #expect(prepared.remove("b") == "td_2")
    #expect(prepared.remove("b") == nil)
    // One left: the next has room without evicting.
    #expect(prepared.nextName().evicting == nil)
  }
}

@Suite(.enabled(if: TestDatabase.isEnabled))
struct PreparedSessionTests {
  @Test func theReadersSessionPreparesATextOnceAndFollowsAChangedTable() async throws {
    try await TestDatabase.with { database in
      let admin = try await database.adminConnection()
      try await admin.execute("CREATE TABLE prepared_probe (a integer); INSERT INTO prepared_probe VALUES (1)")
      let session = try await PostgresConnection.connect(conninfo: database.conninfo, settings: .reader)
      let read = "SELECT * FROM prepared_probe WHERE a >= $1::integer"
      for _ in 0..<3 {
        #expect(try await session.query(read, ["0"]).count == 1)
      }
      let held = "SELECT statement FROM pg_prepared_statements WHERE NOT from_sql"
      let texts = try await session.query(held).map { try $0.string(0) }
      #expect(texts.filter { $0 == read }.count == 1, "\(texts)")

      // A migration changes the table's row type under the prepared statement: the server
      // refuses the old form once, and the session prepares it again instead of failing.
      try await admin.execute("ALTER TABLE prepared_probe ADD COLUMN b text DEFAULT 'x'")
      let rows = try await session.query(read, ["0"])
      #expect(try rows.first?.string(1) == "x")
      await session.close()
      await admin.close()
    }
  }
}
