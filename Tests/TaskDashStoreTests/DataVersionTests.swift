import TaskDashModel
import TaskDashStore
import Testing

/// SQLite's change detector: the reader's data version moves when another connection commits,
/// and only then. PostgreSQL pushes instead, and its reader has no data version.
@Suite struct DataVersionTests {
  @Test(arguments: TestBackend.allCases)
  func theDataVersionMovesWhenAWriterCommitsAndOnlyThen(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      guard let versions = store.reader as? any DataVersionReading else {
        #expect(backend == .postgres)
        return
      }
      let before = try await versions.dataVersion()
      _ = try await store.reader.tasks(TaskQuery())
      #expect(try await versions.dataVersion() == before)

      try await store.write { try await $0.insert(tasks: [TaskDashModel.Task(name: "alpha")]) }
      let after = try await versions.dataVersion()
      #expect(after != nil)
      #expect(after != before)
      #expect(try await versions.dataVersion() == after)
    }
  }
}
