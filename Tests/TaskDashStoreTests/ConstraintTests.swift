import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@Suite struct ConstraintTests {
  @Test(arguments: TestBackend.allCases)
  func theDatabaseRefusesAStatusOutsideItsList(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let badTask = Task(name: "bad", status: .unknown("archived"))
      let taskError = await #expect(throws: StoreError.self) {
        try await store.write { try await $0.insert(tasks: [badTask]) }
      }
      #expect(taskError?.sqlState == "23514")

      let task = Sample.task("good")
      try await store.write { try await $0.insert(tasks: [task]) }
      let badRun = TaskRun(taskID: task.id, status: .unknown("retrying"))
      let runError = await #expect(throws: StoreError.self) {
        try await store.write { try await $0.insert(runs: [badRun]) }
      }
      #expect(runError?.sqlState == "23514")
      #expect(try await store.reader.runs(RunQuery()).isEmpty)
    }
  }

  @Test(arguments: TestBackend.allCases)
  func objectColumnsRefuseJSONThatIsNotAnObject(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("owner")
      try await store.write { try await $0.insert(tasks: [task]) }

      for config in ["[1, 2]", "\"text\"", "42", "null"] {
        let error = await #expect(throws: StoreError.self, "config \(config)") {
          try await store.write { try await $0.insert(tasks: [Task(name: "json", config: config)]) }
        }
        #expect(error?.sqlState == "23514", "config \(config)")
      }
      let labelsError = await #expect(throws: StoreError.self) {
        try await store.write {
          try await $0.insert(metrics: [
            MetricSnapshot(taskID: task.id, taskRunID: nil, name: "m", value: 1, labels: "[]")
          ])
        }
      }
      #expect(labelsError?.sqlState == "23514")
      let metadataError = await #expect(throws: StoreError.self) {
        try await store.write {
          try await $0.insert(artifacts: [Artifact(taskID: task.id, taskRunID: nil, name: "a", metadata: "true")])
        }
      }
      #expect(metadataError?.sqlState == "23514")
    }
  }

  @Test(arguments: TestBackend.allCases)
  func jsonColumnsRefuseInvalidJSON(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("owner")
      try await store.write { try await $0.insert(tasks: [task]) }

      await #expect(throws: StoreError.self) {
        try await store.write { try await $0.insert(tasks: [Task(name: "broken", config: "{not json")]) }
      }
      var run = Sample.run(of: task, at: 1)
      run.plan = "{\"steps\": [1, 2"
      let broken = run
      await #expect(throws: StoreError.self) {
        try await store.write { try await $0.insert(runs: [broken]) }
      }
      #expect(try await store.reader.tasks(TaskQuery()).count == 1)
    }
  }

  @Test(arguments: TestBackend.allCases)
  func aRunOfAMissingTaskIsRefused(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let error = await #expect(throws: StoreError.self) {
        try await store.write { try await $0.insert(runs: [TaskRun(taskID: UUID())]) }
      }
      #expect(error?.sqlState == "23503")
    }
  }

  @Test(arguments: TestBackend.allCases)
  func deletingATaskRemovesItsRunsMetricsAndArtifacts(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let doomed = Sample.task("doomed")
      let kept = Sample.task("kept")
      let doomedRun = Sample.run(of: doomed, at: 1)
      let keptRun = Sample.run(of: kept, at: 2)
      try await store.write { transaction in
        try await transaction.insert(tasks: [doomed, kept])
        try await transaction.insert(runs: [doomedRun, keptRun])
        try await transaction.insert(metrics: [
          Sample.metric("m", value: 1, at: 1, run: doomedRun.id),
          Sample.metric("m", value: 1, at: 1, task: doomed.id),
          Sample.metric("m", value: 1, at: 1, run: keptRun.id),
        ])
        try await transaction.insert(artifacts: [
          Sample.artifact("run", at: 1, run: doomedRun.id, content: "x"),
          Sample.artifact("task", at: 1, task: doomed.id),
          Sample.artifact("kept", at: 1, task: kept.id),
        ])
      }

      try await store.raw.execute("DELETE FROM tasks WHERE id = '\(doomed.id.uuidString.lowercased())'")

      #expect(try await store.reader.tasks(TaskQuery()).map(\.id) == [kept.id])
      #expect(try await store.reader.runs(RunQuery()).map(\.id) == [keptRun.id])
      #expect(try await store.reader.metrics(MetricQuery(scope: .run(doomedRun.id))).isEmpty)
      #expect(try await store.reader.metrics(MetricQuery(scope: .task(doomed.id))).isEmpty)
      #expect(try await store.reader.artifacts(ArtifactQuery()).map(\.name) == ["kept"])
      #expect(try await store.raw.integer("SELECT count(*) FROM metric_snapshots") == 1)
    }
  }

  @Test(arguments: TestBackend.allCases)
  func deletingARunRemovesItsMetricsAndArtifacts(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let task = Sample.task("owner")
      let run = Sample.run(of: task, at: 1)
      try await store.write { transaction in
        try await transaction.insert(tasks: [task])
        try await transaction.insert(runs: [run])
        try await transaction.insert(metrics: [Sample.metric("m", value: 1, at: 1, run: run.id)])
        try await transaction.insert(artifacts: [
          Sample.artifact("of run", at: 1, run: run.id), Sample.artifact("of task", at: 1, task: task.id),
        ])
      }

      try await store.write { try await $0.deleteRun(id: run.id) }

      #expect(try await store.reader.runs(RunQuery()).isEmpty)
      #expect(try await store.reader.metrics(MetricQuery(scope: .run(run.id))).isEmpty)
      #expect(try await store.reader.artifacts(ArtifactQuery()).map(\.name) == ["of task"])
    }
  }

  @Test(arguments: TestBackend.allCases)
  func theReaderCannotWrite(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let id = UUID().uuidString.lowercased()
      await #expect(throws: (any Error).self) {
        try await store.readerSession.execute("INSERT INTO tasks (id, name) VALUES ('\(id)', 'sneaky')")
      }
      let visible = try await store.reader.tasks(TaskQuery())
      #expect(visible.isEmpty)
      #expect(try await store.raw.integer("SELECT count(*) FROM tasks") == 0)
    }
  }
}
