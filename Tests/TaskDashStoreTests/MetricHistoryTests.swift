import Foundation
import TaskDashModel
import TaskDashStore
import Testing

/// The bucketed history a chart reads, on both backends: every bucket keeps its extremes.
@Suite struct MetricHistoryTests {
  /// A task with one run, written before each test.
  private func taskAndRun(_ store: StoreFixture) async throws -> (Task, TaskRun) {
    let task = Sample.task("charted")
    let run = Sample.run(of: task, at: 0)
    try await store.write { transaction in
      try await transaction.insert(tasks: [task])
      try await transaction.insert(runs: [run])
    }
    return (task, run)
  }

  private func write(_ values: [(seconds: Double, value: Double)], run: UUID, _ store: StoreFixture) async throws {
    let metrics = values.map { Sample.metric("loss", value: $0.value, at: $0.seconds, run: run, unit: "ratio") }
    try await store.write { try await $0.insert(metrics: metrics) }
  }

  @Test(arguments: TestBackend.allCases)
  func oneSpikeAmongAHundredThousandPointsReachesTheMaximumAtAnyZoom(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (_, run) = try await taskAndRun(store)
      // A point every 10 ms for 1,000 s; the spike at 612.34 s.
      let spike = 61_234
      let points = (0...100_000).map { (seconds: Double($0) / 100, value: $0 == spike ? 9_999.0 : 50) }
      try await write(points, run: run.id, store)

      let whole = try await store.reader.metricHistory(
        MetricHistoryQuery(scope: .run(run.id), name: "loss", buckets: 160))
      #expect(whole.bucketCount == 160)
      #expect(whole.buckets.count == 160)
      #expect(whole.buckets.map(\.count).reduce(0, +) == 100_001)
      #expect(whole.buckets.compactMap(\.max).max() == 9_999)
      #expect(whole.buckets.filter { $0.max == 9_999 }.map(\.index) == [97])
      #expect(whole.buckets.allSatisfy { $0.min == 50 })

      // Narrower and narrower windows around the spike, and one beside it.
      for width in [100.0, 10, 1, 0.05] {
        let from = 612.34 - width / 3
        let zoomed = try await store.reader.metricHistory(
          MetricHistoryQuery(
            scope: .run(run.id), name: "loss", from: .seconds(from), to: .seconds(from + width), buckets: 160))
        #expect(zoomed.buckets.compactMap(\.max).max() == 9_999, "window \(width) s")
        #expect(zoomed.buckets.filter { $0.max == 9_999 }.count == 1, "window \(width) s")
      }
      let beside = try await store.reader.metricHistory(
        MetricHistoryQuery(scope: .run(run.id), name: "loss", from: .seconds(700), to: .seconds(800), buckets: 160))
      #expect(beside.buckets.compactMap(\.max).max() == 50)
    }
  }

  @Test(arguments: TestBackend.reading)
  func anEmptySeriesHasNoBucketsAndNoTimes(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (_, run) = try await taskAndRun(store)
      let history = try await store.reader.metricHistory(
        MetricHistoryQuery(scope: .run(run.id), name: "missing", buckets: 80))
      #expect(history == MetricHistory(name: "missing"))
    }
  }

  @Test(arguments: TestBackend.reading)
  func onePointFillsTheFirstBucketAndSetsTheWindow(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (_, run) = try await taskAndRun(store)
      try await write([(5, 0.25)], run: run.id, store)

      let history = try await store.reader.metricHistory(
        MetricHistoryQuery(scope: .run(run.id), name: "loss", buckets: 80))
      #expect(history.first == Sample.time(5))
      #expect(history.last == Sample.time(5))
      #expect(history.from == Sample.time(5))
      #expect(history.unit == "ratio")
      #expect(history.metricType == .known(.gauge))
      #expect(
        history.buckets == [
          MetricBucket(
            index: 0, count: 1, min: 0.25, max: 0.25, last: 0.25, firstAt: Sample.time(5), lastAt: Sample.time(5))
        ])
    }
  }

  @Test(arguments: TestBackend.reading)
  func equalValuesGiveFlatBuckets(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (_, run) = try await taskAndRun(store)
      try await write((0..<40).map { (Double($0), 7) }, run: run.id, store)

      let history = try await store.reader.metricHistory(
        MetricHistoryQuery(scope: .run(run.id), name: "loss", from: .zero, to: .seconds(40), buckets: 8))
      #expect(history.buckets.map(\.index) == Array(0..<8))
      #expect(history.buckets.allSatisfy { $0.min == 7 && $0.max == 7 && $0.last == 7 && $0.count == 5 })
    }
  }

  @Test(arguments: TestBackend.reading)
  func bucketsWithoutPointsAreLeftOutAndEdgesBelongToTheBucketTheyStart(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (_, run) = try await taskAndRun(store)
      // Two points at 10 s: the newest by id (written last) is the bucket's last value.
      try await write([(0, 1), (9, 3), (10, 4), (10, 6), (55, 2), (99, 8), (100, 9)], run: run.id, store)

      let history = try await store.reader.metricHistory(
        MetricHistoryQuery(scope: .run(run.id), name: "loss", from: .zero, to: .seconds(100), buckets: 10))
      #expect(history.bucketCount == 10)
      #expect(history.from == Sample.time(0))
      #expect(history.to == Sample.time(100))
      #expect(history.last == Sample.time(100))
      #expect(
        history.buckets == [
          MetricBucket(index: 0, count: 2, min: 1, max: 3, last: 3, firstAt: Sample.time(0), lastAt: Sample.time(9)),
          MetricBucket(index: 1, count: 2, min: 4, max: 6, last: 6, firstAt: Sample.time(10), lastAt: Sample.time(10)),
          MetricBucket(index: 5, count: 1, min: 2, max: 2, last: 2, firstAt: Sample.time(55), lastAt: Sample.time(55)),
          MetricBucket(
            index: 9, count: 1, min: 8, max: 8, last: 8, firstAt: Sample.time(99), lastAt: Sample.time(99)),
        ])

      // Without a window the last point is in: the window ends just after it.
      let whole = try await store.reader.metricHistory(
        MetricHistoryQuery(scope: .run(run.id), name: "loss", buckets: 10))
      #expect(whole.buckets.map(\.count).reduce(0, +) == 7)
      #expect(whole.buckets.last?.last == 9)
    }
  }

  @Test(arguments: TestBackend.reading)
  func infinitiesAndNaNAreCountedButLeftOutOfMinAndMax(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (_, run) = try await taskAndRun(store)
      var points: [(seconds: Double, value: Double)] = [
        (0, 1), (1, .infinity), (2, -.infinity), (3, 2), (10, .infinity), (11, -.infinity),
      ]
      if backend == .postgres { points += [(4, .nan), (12, .nan)] }
      try await write(points, run: run.id, store)

      let history = try await store.reader.metricHistory(
        MetricHistoryQuery(scope: .run(run.id), name: "loss", from: .zero, to: .seconds(20), buckets: 2))
      let first = try #require(history.buckets.first)
      #expect((first.min, first.max, first.count) == (1, 2, backend == .postgres ? 5 : 4))
      // A bucket of non-finite values only has no extremes; its last value is as stored.
      let second = try #require(history.buckets.last)
      #expect(second.index == 1)
      #expect(second.min == nil && second.max == nil)
      if backend == .postgres {
        #expect(second.last.isNaN)
      } else {
        #expect(second.last == -.infinity)
      }
    }
  }

  @Test func sqliteCannotHoldNaN() async throws {
    try await TestBackend.sqlite.withFixture { store in
      let (_, run) = try await taskAndRun(store)
      // SQLite stores NaN as NULL, which the NOT NULL value column refuses: no NaN reaches a chart.
      await #expect(throws: (any Error).self) {
        try await write([(0, .nan)], run: run.id, store)
      }
    }
  }

  @Test(arguments: TestBackend.reading)
  func aRunKnowsItsPreviousRunAndATaskReadsItsOwnSnapshots(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (task, first) = try await taskAndRun(store)
      let second = Sample.run(of: task, at: 1)
      try await store.write { transaction in
        try await transaction.insert(runs: [second])
        try await transaction.insert(metrics: [
          Sample.metric("loss", value: 1, at: 1, run: second.id),
          Sample.metric("loss", value: 5, at: 2, task: task.id, unit: "tasks"),
        ])
      }

      let ofSecond = try await store.reader.metricHistory(
        MetricHistoryQuery(scope: .run(second.id), name: "loss", buckets: 10))
      #expect(ofSecond.previousRunID == first.id)
      #expect(ofSecond.buckets.map(\.last) == [1])
      let ofFirst = try await store.reader.metricHistory(
        MetricHistoryQuery(scope: .run(first.id), name: "loss", buckets: 10))
      #expect(ofFirst.previousRunID == nil)
      #expect(ofFirst.buckets.isEmpty)
      let ofTask = try await store.reader.metricHistory(
        MetricHistoryQuery(scope: .task(task.id), name: "loss", buckets: 10))
      #expect(ofTask.unit == "tasks")
      #expect(ofTask.buckets.map(\.last) == [5])
      await #expect(throws: StoreError.self) {
        try await store.reader.metricHistory(MetricHistoryQuery(scope: .all, name: "loss", buckets: 10))
      }
    }
  }

  // MARK: - Long series: buckets of whole minutes

  /// A point every 7 s for two days, written in two halves so that minutes are filled twice;
  /// values wander with one spike and, where the backend keeps them, infinities.
  private static let longSeries: [(seconds: Double, value: Double)] = (0..<24_686).map { index in
    let value: Double =
      switch index {
      case 9_001: 9_999
      case 15_000: .infinity
      case 15_001: -.infinity
      default: (Double(index % 97) - 40) * 0.5
      }
    return (seconds: Double(index) * 7, value: value)
  }

  private static func ticksPerSecond(_ backend: TestBackend) -> Int64 {
    backend == .postgres ? 1_000_000 : 1_000
  }

  /// `time` in a form both backends take as a timestamp literal.
  private static func literal(_ seconds: Double) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: Sample.time(seconds))
  }

  private func writeLongSeries(
    _ points: [(seconds: Double, value: Double)], task: Task, run: TaskRun, _ store: StoreFixture
  )
    async throws
  {
    let metrics = points.map {
      MetricSnapshot(
        taskID: task.id, taskRunID: run.id, name: "loss", metricType: .known(.gauge), value: $0.value,
        timestamp: Sample.time($0.seconds))
    }
    let halves = [metrics.indices.filter { $0 % 2 == 0 }, metrics.indices.filter { $0 % 2 == 1 }]
    for half in halves {
      try await store.write { try await $0.insert(metrics: half.map { metrics[$0] }) }
    }
  }

  /// The buckets of `grid` worked out here from the points themselves (they are in time order):
  /// what a store must answer whether it reads points or minutes.
  private static func reference(_ points: [(seconds: Double, value: Double)], _ grid: BucketGrid) -> [MetricBucket] {
    var buckets: [MetricBucket] = []
    for index in 0..<grid.bucketCount {
      let (low, high) = (grid.date(index), grid.date(index + 1))
      let inside = points.filter { Sample.time($0.seconds) >= low && Sample.time($0.seconds) < high }
      guard let first = inside.first, let last = inside.last else { continue }
      let finite = inside.map(\.value).filter(\.isFinite)
      buckets.append(
        MetricBucket(
          index: index, count: inside.count, min: finite.min(), max: finite.max(), last: last.value,
          firstAt: Sample.time(first.seconds), lastAt: Sample.time(last.seconds)))
    }
    return buckets
  }

  private func expectReference(
    _ query: MetricHistoryQuery, _ points: [(seconds: Double, value: Double)], _ backend: TestBackend,
    _ store: StoreFixture, sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    let history = try await store.reader.metricHistory(query)
    let first = try #require(history.first, sourceLocation: sourceLocation)
    let last = try #require(history.last, sourceLocation: sourceLocation)
    let grid = try #require(
      BucketGrid(query, first: first, last: last, ticksPerSecond: Self.ticksPerSecond(backend)),
      sourceLocation: sourceLocation)
    #expect(grid.wholeMinutes, sourceLocation: sourceLocation)
    #expect(history.from == grid.date(0) && history.to == grid.date(grid.bucketCount), sourceLocation: sourceLocation)
    #expect(history.buckets == Self.reference(points, grid), sourceLocation: sourceLocation)
  }

  @Test(arguments: TestBackend.allCases)
  func aLongSeriesReadInWholeMinutesKeepsEveryPointsExtremes(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (task, run) = try await taskAndRun(store)
      let points = backend == .postgres ? Self.longSeries : Self.longSeries.filter { $0.value.isFinite }
      try await writeLongSeries(points, task: task, run: run, store)

      let whole = MetricHistoryQuery(scope: .run(run.id), name: "loss", buckets: 200)
      try await expectReference(whole, points, backend, store)
      try await expectReference(
        MetricHistoryQuery(scope: .task(task.id), name: "loss", buckets: 200), points, backend, store)
      let zoomed = MetricHistoryQuery(
        scope: .run(run.id), name: "loss", from: .seconds(10_800), to: .seconds(72_000), buckets: 100)
      try await expectReference(zoomed, points, backend, store)
      let history = try await store.reader.metricHistory(whole)
      #expect(history.buckets.compactMap(\.max).max() == 9_999)
      // The triggers counted every point into its minute, each minute once.
      let minutes = Set(points.map { Int($0.seconds + Sample.origin.timeIntervalSince1970) / 60 })
      #expect(try await store.raw.integer("SELECT count(*) FROM metric_rollups") == minutes.count)
      #expect(try await store.raw.integer("SELECT sum(points) FROM metric_rollups") == points.count)
      // Edges on whole minutes: the first at or before the first point, the last after the newest.
      let grid = try #require(
        BucketGrid(
          whole, first: Sample.time(0), last: Sample.time(points[points.count - 1].seconds),
          ticksPerSecond: Self.ticksPerSecond(backend)))
      #expect(grid.edges.allSatisfy { $0 % (60 * Self.ticksPerSecond(backend)) == 0 })
      #expect(
        grid.date(0) <= Sample.time(0) && grid.date(grid.bucketCount) > Sample.time(points[points.count - 1].seconds))
    }
  }

  @Test(arguments: TestBackend.allCases)
  func minutesFollowUpdatesDeletesAndRewrites(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (task, run) = try await taskAndRun(store)
      var points = Self.longSeries.filter { $0.value.isFinite }
      try await writeLongSeries(points, task: task, run: run, store)
      let whole = MetricHistoryQuery(scope: .run(run.id), name: "loss", buckets: 200)

      // Another program changes a point, removes the spike and an hour, then writes into that hour.
      try await store.raw.execute(
        """
        UPDATE metric_snapshots SET value = 123456 WHERE "timestamp" = '\(Self.literal(700))';
        DELETE FROM metric_snapshots WHERE value = 9999;
        DELETE FROM metric_snapshots WHERE "timestamp" >= '\(Self.literal(36_000))' AND "timestamp" < '\(Self.literal(39_600))';
        """)
      points = points.compactMap { point in
        if point.seconds == 700 { return (point.seconds, 123_456) }
        if point.value == 9_999 || (36_000..<39_600).contains(point.seconds) { return nil }
        return point
      }
      try await expectReference(whole, points, backend, store)

      try await store.write {
        try await $0.insert(metrics: [Sample.metric("loss", value: -5, at: 36_001, run: run.id)])
      }
      points.append((36_001, -5))
      points.sort { $0.seconds < $1.seconds }
      try await expectReference(whole, points, backend, store)
    }
  }

  @Test(arguments: TestBackend.allCases)
  func bucketsOfWholeMinutesAreReadFromTheRollupsAndNarrowerOnesFromThePoints(_ backend: TestBackend) async throws {
    try await backend.withFixture { store in
      let (task, run) = try await taskAndRun(store)
      try await writeLongSeries(Self.longSeries.filter { $0.value.isFinite }, task: task, run: run, store)
      // A rollup that disagrees with its points shows which one a chart read.
      try await store.raw.execute("UPDATE metric_rollups SET high = 777777")

      let whole = try await store.reader.metricHistory(
        MetricHistoryQuery(scope: .run(run.id), name: "loss", buckets: 200))
      #expect(whole.buckets.allSatisfy { $0.max == 777_777 })
      let narrow = try await store.reader.metricHistory(
        MetricHistoryQuery(scope: .run(run.id), name: "loss", from: .zero, to: .seconds(3_000), buckets: 100))
      #expect(narrow.buckets.allSatisfy { $0.max != 777_777 })
    }
  }
}
