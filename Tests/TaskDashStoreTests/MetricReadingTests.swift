import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@Suite struct MetricReadingTests {
  /// A task with one run, written before each test.
  private func taskAndRun(_ store: StoreFixture) async throws -> (Task, TaskRun) {
    let task = Sample.task("measured")
    let run = Sample.run(of: task, at: 0)
    try await store.write { transaction in
      try await transaction.insert(tasks: [task])
      try await transaction.insert(runs: [run])
    }
    return (task, run)
  }

  @Test(arguments: TestBackend.reading)
  func metricNamesComeAlphabeticallyUpToMaxSeries(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (_, run) = try await taskAndRun(store)
      let names = ["zeta", "alpha", "mid", "beta"]
      let metrics = (0..<12).map { Sample.metric(names[$0 % 4], value: Double($0), at: Double($0), run: run.id) }
      try await store.write { try await $0.insert(metrics: metrics) }

      let all = try await store.reader.metrics(MetricQuery(scope: .run(run.id)))
      #expect(all.map(\.name) == ["alpha", "beta", "mid", "zeta"])
      let two = try await store.reader.metrics(MetricQuery(scope: .run(run.id), maxSeries: 2))
      #expect(two.map(\.name) == ["alpha", "beta"])
    }
  }

  @Test(arguments: TestBackend.reading)
  func aSeriesHoldsItsLastPointsOldestFirst(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (_, run) = try await taskAndRun(store)
      // Written out of time order: the store orders by timestamp, not by insertion.
      let order = [3, 9, 0, 7, 1, 8, 2, 6, 4, 5]
      let metrics = order.map {
        Sample.metric("loss", value: Double($0) / 10, at: Double($0), run: run.id, unit: "ratio")
      }
      try await store.write { try await $0.insert(metrics: metrics) }

      let series = try #require(try await store.reader.metrics(MetricQuery(scope: .run(run.id), points: 4)).first)
      #expect(series.points == [0.6, 0.7, 0.8, 0.9])
      #expect(series.latest == 0.9)
      #expect(series.latestAt == Sample.time(9))
      #expect(series.unit == "ratio")
      #expect(series.metricType == .known(.gauge))

      let wide = try #require(try await store.reader.metrics(MetricQuery(scope: .run(run.id), points: 60)).first)
      #expect(wide.points == (0..<10).map { Double($0) / 10 })
    }
  }

  @Test(arguments: TestBackend.reading)
  func theNewestPointGivesTheTypeAndUnit(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (_, run) = try await taskAndRun(store)
      try await store.write { transaction in
        try await transaction.insert(metrics: [
          Sample.metric("latency", value: 1, at: 1, run: run.id, type: .gauge, unit: "s"),
          Sample.metric("latency", value: 2, at: 2, run: run.id, type: .timer, unit: "ms"),
        ])
      }

      let series = try #require(try await store.reader.metrics(MetricQuery(scope: .run(run.id))).first)
      #expect(series.metricType == .known(.timer))
      #expect(series.unit == "ms")
    }
  }

  @Test(arguments: TestBackend.reading)
  func runScopeAndTaskScopeReadTheirOwnSnapshots(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (task, run) = try await taskAndRun(store)
      let otherRun = Sample.run(of: task, at: 1)
      try await store.write { transaction in
        try await transaction.insert(runs: [otherRun])
        try await transaction.insert(metrics: [
          Sample.metric("run metric", value: 1, at: 1, run: run.id),
          Sample.metric("other run metric", value: 2, at: 1, run: otherRun.id),
          Sample.metric("task metric", value: 3, at: 1, task: task.id),
        ])
      }

      let ofRun = try await store.reader.metrics(MetricQuery(scope: .run(run.id)))
      #expect(ofRun.map(\.name) == ["run metric"])
      let ofTask = try await store.reader.metrics(MetricQuery(scope: .task(task.id)))
      #expect(ofTask.map(\.name) == ["task metric"])
      #expect(try await store.reader.metrics(MetricQuery(scope: .run(UUID()))).isEmpty)
    }
  }

  @Test(arguments: TestBackend.reading)
  func metricsOfEverythingAreRefused(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      await #expect(throws: StoreError.self) {
        try await store.reader.metrics(MetricQuery(scope: .all))
      }
    }
  }
}
