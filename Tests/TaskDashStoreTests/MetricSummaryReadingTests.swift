import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@Suite struct MetricSummaryReadingTests {
  /// A task with two runs, written before each test.
  private func twoRuns(_ store: StoreFixture) async throws -> (TaskRun, TaskRun) {
    let task = Sample.task("compared")
    let (first, second) = (Sample.run(of: task, at: 0), Sample.run(of: task, at: 1))
    try await store.write { transaction in
      try await transaction.insert(tasks: [task])
      try await transaction.insert(runs: [first, second])
    }
    return (first, second)
  }

  @Test(arguments: TestBackend.reading)
  func eachNameHasItsNewestValueAndTheRangeOfItsPoints(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (run, other) = try await twoRuns(store)
      // Written out of time order: the newest is the one at t=5, not the last written.
      let values: [(Double, Double)] = [(3, 0.5), (5, 0.25), (1, 0.75), (4, -2), (2, 9)]
      try await store.write { transaction in
        try await transaction.insert(
          metrics: values.map { Sample.metric("loss", value: $0.1, at: $0.0, run: run.id, unit: "ratio") } + [
            Sample.metric("accuracy", value: 0.5, at: 1, run: run.id, type: .counter),
            Sample.metric("loss", value: 100, at: 9, run: other.id),
          ])
      }

      let summaries = try await store.reader.metricSummaries(runID: run.id, maxNames: 10, pointLimit: 1_000)
      #expect(summaries.map(\.name) == ["accuracy", "loss"])
      let loss = try #require(summaries.last)
      #expect(loss.last == 0.25)
      #expect(loss.lastAt == Sample.time(5))
      #expect(loss.min == -2)
      #expect(loss.max == 9)
      #expect(loss.points == 5)
      #expect(loss.unit == "ratio")
      #expect(loss.metricType == .known(.gauge))
      #expect(summaries.first?.metricType == .known(.counter))
      #expect(summaries.first?.points == 1)
    }
  }

  @Test(arguments: TestBackend.reading)
  func theRangeCoversOnlyTheNewestPointsUpToTheBound(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (run, _) = try await twoRuns(store)
      // The spike is the oldest point: a bound of 3 leaves it out.
      let points = [100.0, 1, 2, 3].enumerated().map {
        Sample.metric("m", value: $0.element, at: Double($0.offset), run: run.id)
      }
      try await store.write { try await $0.insert(metrics: points) }

      let bounded = try #require(
        try await store.reader.metricSummaries(runID: run.id, maxNames: 10, pointLimit: 3).first)
      #expect(bounded.points == 3)
      #expect(bounded.max == 3)
      #expect(bounded.min == 1)
      let whole = try #require(
        try await store.reader.metricSummaries(runID: run.id, maxNames: 10, pointLimit: 10).first)
      #expect(whole.points == 4)
      #expect(whole.max == 100)
    }
  }

  @Test(arguments: TestBackend.reading)
  func namesAreCappedAlphabeticallyAndAnUnknownRunHasNone(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (run, _) = try await twoRuns(store)
      let names = ["zeta", "alpha", "mid", "beta"]
      try await store.write { transaction in
        try await transaction.insert(metrics: names.map { Sample.metric($0, value: 1, at: 0, run: run.id) })
      }

      let two = try await store.reader.metricSummaries(runID: run.id, maxNames: 2, pointLimit: 10)
      #expect(two.map(\.name) == ["alpha", "beta"])
      #expect(try await store.reader.metricSummaries(runID: UUID(), maxNames: 10, pointLimit: 10).isEmpty)
    }
  }
}
