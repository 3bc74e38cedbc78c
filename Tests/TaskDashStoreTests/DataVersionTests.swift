import TaskDashModel
import TaskDashStore
import Testing

/// The change detector polls ask before they read: the reader's data version moves when a
/// writer commits. On SQLite it moves only then; PostgreSQL's write-ahead log is the whole
/// cluster's, which other tests' databases share, so there it is only shown to move.
@Suite struct DataVersionTests {
  @Test(arguments: TestBackend.allCases)
  func theDataVersionMovesWhenAWriterCommits(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let versions = try #require(store.reader as? any DataVersionReading)
      let before = try #require(try await versions.dataVersion())
      _ = try await store.reader.tasks(TaskQuery())
      if backend.engine == .sqlite {
        #expect(try await versions.dataVersion() == before)
      }

      try await store.write { try await $0.insert(tasks: [TaskDashModel.Task(name: "alpha")]) }
      let after = try #require(try await versions.dataVersion())
      #expect(after > before)
      if backend.engine == .sqlite {
        #expect(try await versions.dataVersion() == after)
      }
    }
  }
}
