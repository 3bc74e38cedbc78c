import Foundation
import SeededRandom
import TaskDashModel

/// Synthetic volume from the demo set's templates, generated row by row so memory stays flat.
///
/// Every row is a pure function of (seed, row index): run `r` belongs to task `r % tasks` with
/// run number `r / tasks + 1`, and the metrics and artifacts of a run rebuild the run from its
/// index instead of remembering it. Plans, results and errors come from small pools rendered
/// once per task template, since rendering a template per row would dominate the time.
public struct ScaleGenerator: Sendable {
  /// Random streams, one per kind of row, so each row can be rebuilt on its own.
  private enum Stream: UInt64 {
    case tasks = 1, runs, metrics, artifacts, pools
  }

  /// Pre-rendered run columns of one task template.
  private struct Pool: Sendable {
    var plans: [String] = []
    var results: [String] = []
    var failures: [(message: String, details: String)] = []
    var timeouts: [(message: String, details: String)] = []
  }

  /// A task of the scale set with what its rows need.
  private struct TaskInfo: Sendable {
    var task: Task
    var template: Int
    var host: String
    var region: String
    var labels: String
  }

  public let catalog: SeedCatalog
  public let counts: ScaleCounts
  public let seed: UInt64
  public let now: Date
  /// Seconds of history the runs are spread over.
  private let span: Double
  /// The newest runs, still running at `now`.
  private let activeRuns: Int
  private let pools: [Pool]
  private let taskInfos: [TaskInfo]

  /// A generator of `counts` rows for `seed` as of `now`; `counts` must be valid.
  public init(catalog: SeedCatalog, counts: ScaleCounts, seed: UInt64, now: Date) {
    self.catalog = catalog
    self.counts = counts
    self.seed = seed
    self.now = now
    span = catalog.historyDays * 86_400
    activeRuns = min(counts.runs, max(1, counts.tasks / 5))

    var poolRandom = SplitMix64(seed: seed, stream: Stream.pools.rawValue, index: 0)
    pools = catalog.tasks.map { template in
      var context = template.context(host: catalog.hosts[0], region: catalog.regions[0])
      context.describe(
        TaskRun(
          id: poolRandom.uuid(), taskID: poolRandom.uuid(), runNumber: 1, status: .known(.completed),
          startedAt: now - 600, completedAt: now),
        now: now)
      var pool = Pool()
      for _ in 0..<16 {
        pool.plans.append(RunContent.plan(template, context, &poolRandom))
        pool.results.append(RunContent.compact(template.results.render(context, &poolRandom)))
        pool.failures.append(poolRandom.pick(template.errors).render(context, &poolRandom))
        pool.timeouts.append(poolRandom.pick(catalog.timeoutErrors).render(context, &poolRandom))
      }
      return pool
    }

    let runningTasks = Set(((counts.runs - activeRuns)..<counts.runs).map { $0 % counts.tasks })
    taskInfos = (0..<counts.tasks).map { index in
      var random = SplitMix64(seed: seed, stream: Stream.tasks.rawValue, index: UInt64(index))
      let templateIndex = index % catalog.tasks.count
      let template = catalog.tasks[templateIndex]
      let round = index / catalog.tasks.count
      let host = random.pick(catalog.hosts)
      let region = random.pick(catalog.regions)
      let status: TaskStatus =
        runningTasks.contains(index) ? .running : template.status ?? random.pick([.completed, .completed, .failed])
      let created = now - catalog.historyDays * 86_400 - 3600
      let task = Task(
        id: random.uuid(), name: round == 0 ? template.name : "\(template.name) \(round + 1)",
        description: template.description, config: JSONValue.object(template.config).text, status: .known(status),
        maxRounds: template.maxRounds, memorySize: template.memorySize, createdAt: created, updatedAt: now)
      return TaskInfo(
        task: task, template: templateIndex, host: host, region: region,
        labels: RunContent.labels(task: template, host: host, region: region))
    }
  }

  /// The tasks (few: all at once).
  public func tasks() -> [Task] {
    taskInfos.map(\.task)
  }

  /// Runs `range` of the set.
  public func runs(_ range: Range<Int>) -> [TaskRun] {
    range.map(run)
  }

  /// Run `index`: task, number, status, times and its JSON columns.
  public func run(_ index: Int) -> TaskRun {
    var random = SplitMix64(seed: seed, stream: Stream.runs.rawValue, index: UInt64(index))
    let info = taskInfos[index % counts.tasks]
    let template = catalog.tasks[info.template]
    let pool = pools[info.template]
    let created = now - span * (1 - (Double(index) + 0.5) / Double(counts.runs)) - 2
    let status: RunStatus = index >= counts.runs - activeRuns ? .running : random.pick(catalog.finishedDeck)
    let started = created + random.double(in: 0.5...2)
    var run = TaskRun(
      id: random.uuid(), taskID: info.task.id, runNumber: index / counts.tasks + 1, status: .known(status),
      plan: random.pick(pool.plans), startedAt: started, createdAt: created, updatedAt: started)
    guard status.isFinished else { return run }
    // A run created moments ago cannot have run longer than until now.
    let duration = min(
      RunContent.duration(status, task: template, random: &random), max(now.timeIntervalSince(started) - 0.5, 0.1))
    run.duration = duration
    run.completedAt = started + duration
    run.updatedAt = started + duration
    let steps = JSONValue.int(random.int(in: 1...4))
    switch status {
    case .completed:
      run.results = random.pick(pool.results)
    case .cancelled:
      run.results = JSONValue.object(["cancelled_by": .string("operator"), "steps_completed": steps]).text
    case .failed, .timeout:
      let error = random.pick(status == .failed ? pool.failures : pool.timeouts)
      run.results = JSONValue.object(["partial": .bool(true), "steps_completed": steps]).text
      run.errorMessage = error.message
      run.errorDetails = error.details
    case .pending, .running:
      break
    }
    return run
  }

  /// The index of the first metric row of run `index` (metrics are spread evenly over runs).
  private func firstMetric(ofRun index: Int) -> Int {
    // ceil(index * metrics / runs), in 64 bits: 10^7 metrics times 10^6 runs fits.
    (index * counts.metrics + counts.runs - 1) / counts.runs
  }

  /// The metric snapshots in batches, in run order.
  public func metricBatches(size: Int) -> MetricBatches {
    MetricBatches(generator: self, batchSize: size)
  }

  /// Streams the metric rows; holds one run's series state at a time and may stop and resume
  /// inside a run, so no batch is ever larger than its size.
  public struct MetricBatches: Sendable {
    fileprivate let generator: ScaleGenerator
    fileprivate let batchSize: Int
    private var nextRun = 0
    private var current: RunMetrics?

    fileprivate init(generator: ScaleGenerator, batchSize: Int) {
      self.generator = generator
      self.batchSize = max(batchSize, 1)
    }

    /// The next batch, or nil when every metric row has been returned.
    public mutating func next() -> [MetricSnapshot]? {
      var batch: [MetricSnapshot] = []
      batch.reserveCapacity(batchSize)
      while batch.count < batchSize {
        if current == nil {
          guard nextRun < generator.counts.runs else { break }
          current = generator.runMetrics(nextRun)
          nextRun += 1
        }
        if current?.append(to: &batch, limit: batchSize) == false { current = nil }
      }
      return batch.isEmpty ? nil : batch
    }
  }

  /// The metric rows of one run, spread over its life, produced in order.
  fileprivate struct RunMetrics: Sendable {
    let run: TaskRun
    let labels: String
    let profiles: [MetricProfile]
    let count: Int
    let start: Date
    let life: Double
    var states: [MetricSeriesState]
    var random: SplitMix64
    var point = 0

    /// Appends rows until `batch` holds `limit` rows; false once the run has no rows left.
    mutating func append(to batch: inout [MetricSnapshot], limit: Int) -> Bool {
      while point < count {
        guard batch.count < limit else { return true }
        let series = point % profiles.count
        let points = (count - series + profiles.count - 1) / profiles.count
        let step = life / Double(points)
        let elapsed = step * (Double(point / profiles.count) + 0.5)
        let value = states[series].next(elapsed: elapsed, progress: elapsed / life, step: step, random: &random)
        let profile = profiles[series]
        batch.append(
          MetricSnapshot(
            taskID: run.taskID, taskRunID: run.id, name: profile.name, metricType: .known(profile.type), value: value,
            unit: profile.unit, labels: labels, timestamp: start + elapsed))
        point += 1
      }
      return false
    }
  }

  /// The metric stream of run `index`.
  fileprivate func runMetrics(_ index: Int) -> RunMetrics {
    let run = run(index)
    var random = SplitMix64(seed: seed, stream: Stream.metrics.rawValue, index: UInt64(index))
    let start = run.startedAt ?? run.createdAt
    let states = catalog.metrics.map { MetricSeriesState(profile: $0, random: &random) }
    return RunMetrics(
      run: run, labels: taskInfos[index % counts.tasks].labels, profiles: catalog.metrics,
      count: firstMetric(ofRun: index + 1) - firstMetric(ofRun: index), start: start,
      life: max((run.completedAt ?? now).timeIntervalSince(start), 1), states: states, random: random)
  }

  /// Artifacts `range` of the set, spread evenly over the runs.
  public func artifacts(_ range: Range<Int>) -> [Artifact] {
    range.map(artifact)
  }

  /// Artifact `index`: one of its run's artifact kinds, rendered from the templates.
  public func artifact(_ index: Int) -> Artifact {
    var random = SplitMix64(seed: seed, stream: Stream.artifacts.rawValue, index: UInt64(index))
    let runIndex = index * counts.runs / max(counts.artifacts, 1)
    let run = run(runIndex)
    let info = taskInfos[runIndex % counts.tasks]
    let template = catalog.tasks[info.template]
    let status = run.status.known ?? .completed
    var context = template.context(host: info.host, region: info.region)
    context.describe(run, now: now)
    let until = run.completedAt ?? now
    let placement = ArtifactFactory.Placement(
      id: random.uuid(), taskID: run.taskID, run: run, until: until, createdAt: until)
    let kinds = template.artifacts.filter { $0.scope != .task && $0.when.contains(status) }
    let failed = status == .failed || status == .timeout
    if kinds.isEmpty || (failed && random.chance(0.3)) {
      return ArtifactFactory.failureReport(catalog.failureReport, at: placement, context: context, random: &random)
    }
    let spec = random.pick(kinds)
    return ArtifactFactory.make(
      spec, task: template, at: placement, context: context, largeLogs: false, random: &random)
  }
}
