import CSQLite
import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import TaskDashSQLite

@Suite struct SQLiteOpeningTests {
  @Test func aReaderOfAMissingFileSaysWhatToRunAndCreatesNothing() async throws {
    try await TemporaryDatabase.with(migrated: false) { path in
      let error = await #expect(throws: StoreError.self) { try await SQLiteBackend.reader(path: path) }
      #expect(error == .schema("no database at \(path); run taskdash migrate up"))
      #expect(!FileManager.default.fileExists(atPath: path))
    }
  }

  @Test func aReaderOfAFileThatIsNotADatabaseFailsAtOpen() async throws {
    try await TemporaryDatabase.with(migrated: false) { path in
      let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(String(repeating: "not a database ", count: 100).utf8).write(to: URL(fileURLWithPath: path))

      let error = await #expect(throws: StoreError.self) { try await SQLiteBackend.reader(path: path) }
      #expect(error?.isRetryable == false)
      #expect(error?.remedy?.action == "check that the path names a taskdash SQLite file")
    }
  }

  /// Unreadable files are hard to make in a test that may run as root, so the codes are given
  /// directly.
  @Test func aFileThatCannotBeOpenedSaysWhatToCheckByItsResultCode() {
    let remedies = [
      (SQLITE_CANTOPEN, "check the file's path and permissions"),
      (SQLITE_PERM, "check the file's path and permissions"),
      (SQLITE_NOTADB, "check that the path names a taskdash SQLite file"),
      (SQLITE_AUTH, "check the database target and the login"),
    ]
    for (code, action) in remedies {
      let error = SQLiteErrorClassifier.error(code: code, database: nil)
      #expect(error.description == "cannot log in: " + String(cString: sqlite3_errstr(code)))
      #expect(error.remedy?.action == action, "\(code)")
    }
  }

  @Test func onlyACreatingMigrationDriverMakesAMissingFileAndItsDirectories() async throws {
    try await TemporaryDatabase.with(migrated: false) { path in
      let nested = URL(fileURLWithPath: path).deletingLastPathComponent()
        .appendingPathComponent("a/b/c/taskdash.sqlite").path
      let refused = await #expect(throws: StoreError.self) { try await SQLiteBackend.writer(path: nested) }
      #expect(refused == .schema("no database at \(nested); run taskdash migrate up"))
      await #expect(throws: StoreError.self) { try await SQLiteBackend.migrationDriver(path: nested, creating: false) }
      #expect(!FileManager.default.fileExists(atPath: nested))

      let driver = try await SQLiteBackend.migrationDriver(path: nested, creating: true)
      await driver.close()
      #expect(FileManager.default.fileExists(atPath: nested))
    }
  }

  @Test func aWriterUsesWALForeignKeysAndTheBusyTimeout() async throws {
    try await TemporaryDatabase.with { path in
      let writer = try await SQLiteBackend.writer(path: path)
      let connection = try #require((writer as? SQLiteWriter)?.connection)
      #expect(try await TemporaryDatabase.values(connection, "PRAGMA journal_mode") == ["wal"])
      #expect(try await TemporaryDatabase.values(connection, "PRAGMA foreign_keys") == ["1"])
      #expect(
        try await TemporaryDatabase.values(connection, "PRAGMA busy_timeout") == [
          String(SQLiteDatabase.busyTimeoutMilliseconds)
        ])
      await writer.close()
    }
  }

  @Test func theReaderSessionIsReadOnlyAndQueryOnly() async throws {
    try await TemporaryDatabase.with { path in
      let reader = try await SQLiteBackend.reader(path: path)
      let connection = try #require((reader as? SQLiteReader)?.connection)
      #expect(try await TemporaryDatabase.values(connection, "PRAGMA query_only") == ["1"])
      let error = await #expect(throws: StoreError.self) {
        try await connection.perform { try $0.execute("CREATE TABLE intruder (a)") }
      }
      #expect(error == .query(sqlState: "25006", message: "attempt to write a readonly database"))
      await reader.close()
    }
  }

  @Test func aTransactionValueUsedAfterItsTransactionIsRefused() async throws {
    try await TemporaryDatabase.with { path in
      let writer = try await SQLiteBackend.writer(path: path)
      let escaped = try await writer.transaction { transaction in transaction }
      await #expect(throws: StoreError.self) { try await escaped.insert(tasks: [Task(name: "late")]) }
      await writer.close()

      let reader = try await SQLiteBackend.reader(path: path)
      #expect(try await reader.tasks(TaskQuery()).isEmpty)
      await reader.close()
    }
  }

  @Test func aClosedWriterRefusesTransactions() async throws {
    try await TemporaryDatabase.with { path in
      let writer = try await SQLiteBackend.writer(path: path)
      await writer.close()
      await #expect(throws: StoreError.closed) { try await writer.transaction { try await $0.isEmpty() } }
    }
  }
}
