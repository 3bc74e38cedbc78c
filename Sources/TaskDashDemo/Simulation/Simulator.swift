import Foundation
import SeededRandom
import TaskDashModel
import TaskDashStore

/// Keeps a seeded database moving: starts runs, appends metrics, finishes runs with artifacts.
///
/// Each tick is one short transaction, run in a task of its own so that cancelling the
/// simulation never interrupts a transaction half-way; cancellation is checked between ticks.
/// Time comes from the injected `now`, so tests drive it with a fake clock.
public actor Simulator {
  /// A task the simulator starts runs for.
  private struct SimulatedTask {
    var task: Task
    var template: TaskTemplate
    var status: TaskStatus
    var host: String
    var region: String
    var labels: String
    var active = 0
  }

  /// A run the simulator is moving along.
  private struct SimulatedRun {
    var run: TaskRun
    var task: Int
    var series: [MetricSeriesState]
    var outcome: RunStatus
    var plannedEnd: Date?
    var lastPoint: Date?
  }

  /// Everything one tick writes.
  private struct Change: Sendable {
    var newRuns: [TaskRun] = []
    var updates: [TaskRun] = []
    var metrics: [MetricSnapshot] = []
    var artifacts: [Artifact] = []
    var taskStatuses: [TaskStatusChange] = []
  }

  private struct TaskStatusChange: Sendable {
    var id: UUID
    var status: TaskStatus
  }

  private let writer: any DashboardWriting
  private let reader: any DashboardReading
  private let catalog: SeedCatalog
  private let configuration: SimulationConfiguration
  private let now: @Sendable () -> Date
  private var random: SplitMix64
  private var tasks: [SimulatedTask] = []
  private var runs: [SimulatedRun] = []
  private var loaded = false
  private var lastTick: Date?
  private var budget = 0.0
  private var tickNumber = 0

  /// A simulator writing through `writer`; `reader` lists the tasks and the runs still active.
  public init(
    writer: any DashboardWriting, reader: any DashboardReading, catalog: SeedCatalog,
    configuration: SimulationConfiguration = SimulationConfiguration(), now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.writer = writer
    self.reader = reader
    self.catalog = catalog
    self.configuration = configuration
    self.now = now
    random = SplitMix64(seed: configuration.randomSeed)
  }

  /// Ticks until cancelled or until `duration` seconds of the injected clock have passed.
  ///
  /// Returns the totals; a cancellation between ticks ends the loop normally. A failed tick
  /// throws (its transaction rolled back, the earlier ticks stay committed).
  public func run(
    duration: Double? = nil,
    sleep: @escaping @Sendable (Double) async throws -> Void = {
      try await _Concurrency.Task.sleep(nanoseconds: UInt64($0 * 1e9))
    },
    onTick: @escaping @Sendable (SimulationTick) async -> Void = { _ in }
  ) async throws -> SimulationSummary {
    var summary = SimulationSummary()
    let start = now()
    while !_Concurrency.Task.isCancelled {
      let tick = try await tick()
      summary.add(tick)
      await onTick(tick)
      if let duration, now().timeIntervalSince(start) >= duration { break }
      do {
        try await sleep(configuration.tickInterval)
      } catch is CancellationError {
        break
      }
    }
    return summary
  }

  /// One tick: promotes pending runs, appends metrics, finishes due runs, starts new ones and
  /// moves task statuses, all in one transaction. State changes only when it commits.
  public func tick() async throws -> SimulationTick {
    if !loaded { try await load() }
    let time = now()
    var random = random
    var tasks = tasks
    var runs = runs
    var change = Change()
    var events: [SimulationEvent] = []
    var finishedTasks: [Int: RunStatus] = [:]

    for index in runs.indices where runs[index].run.status == .known(.pending) {
      start(&runs[index], template: tasks[runs[index].task].template, at: time, random: &random)
      change.updates.append(runs[index].run)
      events.append(event(runs[index], tasks))
    }

    var stillActive: [SimulatedRun] = []
    for var simulated in runs {
      let end = simulated.plannedEnd.map { min($0, time) } ?? time
      appendMetrics(&simulated, at: end, labels: tasks[simulated.task].labels, random: &random, into: &change)
      if let plannedEnd = simulated.plannedEnd, plannedEnd <= time {
        finish(&simulated, task: tasks[simulated.task], at: plannedEnd, random: &random, into: &change)
        tasks[simulated.task].active -= 1
        finishedTasks[simulated.task] = simulated.outcome
        events.append(event(simulated, tasks))
      } else {
        stillActive.append(simulated)
      }
    }
    runs = stillActive

    let elapsed = lastTick.map { time.timeIntervalSince($0) } ?? configuration.tickInterval
    var budget = budget + configuration.runsPerSecond * max(elapsed, 0)
    let eligible = tasks.indices.filter { tasks[$0].status != .paused && tasks[$0].status != .cancelled }
    var newRuns: [Int] = []
    while budget >= 1, runs.count < configuration.maxActiveRuns, !eligible.isEmpty {
      budget -= 1
      let taskIndex = random.pick(eligible)
      let template = tasks[taskIndex].template
      var run = TaskRun(
        id: random.uuid(), taskID: tasks[taskIndex].task.id, status: .known(.pending), createdAt: time, updatedAt: time)
      var context = template.context(host: tasks[taskIndex].host, region: tasks[taskIndex].region)
      context.describe(run, now: time)
      run.plan = RunContent.plan(template, context, &random)
      change.newRuns.append(run)
      newRuns.append(runs.count)
      runs.append(SimulatedRun(run: run, task: taskIndex, series: [], outcome: .pending))
      tasks[taskIndex].active += 1
    }
    // Runs beyond the cap are not owed later: the backlog would start in a burst.
    budget = min(budget, 1)

    for index in tasks.indices where tasks[index].status != .paused {
      let wanted: TaskStatus? =
        tasks[index].active > 0 ? .running : finishedTasks[index].map(RunContent.taskStatus(after:))
      if let wanted, wanted != tasks[index].status {
        tasks[index].status = wanted
        change.taskStatuses.append(TaskStatusChange(id: tasks[index].task.id, status: wanted))
      }
    }

    let numbers = try await commit(change)
    for (position, index) in newRuns.enumerated() {
      runs[index].run.runNumber = numbers[position]
      events.append(event(runs[index], tasks))
    }

    self.random = random
    self.tasks = tasks
    self.runs = runs
    self.budget = budget
    lastTick = time
    tickNumber += 1
    return SimulationTick(
      number: tickNumber, at: time, events: events, metrics: change.metrics.count, artifacts: change.artifacts.count,
      activeRuns: runs.count)
  }

  // MARK: - Steps

  /// Reads the tasks and the runs left pending or running (by a seed or an earlier simulator).
  private func load() async throws {
    let rows = try await reader.tasks(TaskQuery(sort: .name, limit: 1000))
    guard !rows.isEmpty else { throw SimulationError.noTasks }
    tasks = rows.map { row in
      let template =
        catalog.tasks.first { row.task.name == $0.name || row.task.name.hasPrefix($0.name + " ") }
        ?? catalog.tasks[Int(row.task.id.uuid.0) % catalog.tasks.count]
      let host = random.pick(catalog.hosts)
      let region = random.pick(catalog.regions)
      return SimulatedTask(
        task: row.task, template: template, status: row.task.status.known ?? .pending, host: host, region: region,
        labels: RunContent.labels(task: template, host: host, region: region))
    }
    var active: [RunRow] = []
    for status in [RunStatus.running, .pending] {
      active += try await reader.runs(RunQuery(status: status, limit: configuration.maxActiveRuns))
    }
    let time = now()
    for row in active.sorted(by: { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }) {
      guard let taskIndex = tasks.firstIndex(where: { $0.task.id == row.taskID }) else { continue }
      let template = tasks[taskIndex].template
      var run = TaskRun(
        id: row.id, taskID: row.taskID, runNumber: row.runNumber, status: row.status, startedAt: row.startedAt,
        createdAt: row.createdAt, updatedAt: row.createdAt)
      var context = template.context(host: tasks[taskIndex].host, region: tasks[taskIndex].region)
      context.describe(run, now: time)
      // The reader does not return plans; the simulator gives the run its own.
      run.plan = RunContent.plan(template, context, &random)
      var simulated = SimulatedRun(run: run, task: taskIndex, series: [], outcome: .pending)
      if row.status == .known(.running) {
        // Carry on from where the run is; it ends a little later than now.
        start(&simulated, template: template, at: row.startedAt ?? time, random: &random)
        simulated.plannedEnd = time + random.double(in: 3...45)
      }
      runs.append(simulated)
      tasks[taskIndex].active += 1
    }
    loaded = true
  }

  /// Moves a pending run to running, drawing its outcome and planned end.
  private func start(_ simulated: inout SimulatedRun, template: TaskTemplate, at time: Date, random: inout SplitMix64) {
    let draw = random.unit()
    simulated.outcome = draw < 0.75 ? .completed : draw < 0.9 ? .failed : .timeout
    let duration = RunContent.duration(simulated.outcome, task: template, random: &random) / configuration.timeScale
    simulated.run.status = .known(.running)
    simulated.run.startedAt = time
    simulated.run.updatedAt = time
    simulated.plannedEnd = time + max(duration, configuration.tickInterval)
    simulated.series = catalog.metrics.map { MetricSeriesState(profile: $0, random: &random) }
  }

  /// One point per metric of a running run at `time`.
  private func appendMetrics(
    _ simulated: inout SimulatedRun, at time: Date, labels: String, random: inout SplitMix64, into change: inout Change
  ) {
    guard simulated.run.status == .known(.running), let started = simulated.run.startedAt else { return }
    let elapsed = max(time.timeIntervalSince(started), 0)
    let life = max((simulated.plannedEnd ?? time).timeIntervalSince(started), 1)
    let step = simulated.lastPoint.map { max(time.timeIntervalSince($0), 0) } ?? configuration.tickInterval
    for index in simulated.series.indices {
      let profile = simulated.series[index].profile
      let value = simulated.series[index].next(
        elapsed: elapsed * configuration.timeScale, progress: min(elapsed / life, 1),
        step: step * configuration.timeScale,
        random: &random)
      change.metrics.append(
        MetricSnapshot(
          taskID: simulated.run.taskID, taskRunID: simulated.run.id, name: profile.name,
          metricType: .known(profile.type), value: value, unit: profile.unit, labels: labels, timestamp: time))
    }
    simulated.lastPoint = time
  }

  /// Ends a run with its drawn outcome and writes its log and report.
  private func finish(
    _ simulated: inout SimulatedRun, task: SimulatedTask, at time: Date, random: inout SplitMix64,
    into change: inout Change
  ) {
    let started = simulated.run.startedAt ?? time
    simulated.run.status = .known(simulated.outcome)
    simulated.run.completedAt = time
    simulated.run.duration = (time.timeIntervalSince(started) * 1000).rounded() / 1000
    simulated.run.updatedAt = time
    var context = task.template.context(host: task.host, region: task.region)
    context.describe(simulated.run, now: time)
    let outcome = RunContent.outcome(
      simulated.outcome, task: task.template, catalog: catalog, context: context, random: &random)
    simulated.run.results = outcome.results
    simulated.run.errorMessage = outcome.errorMessage
    simulated.run.errorDetails = outcome.errorDetails
    context.describe(simulated.run, now: time)
    change.updates.append(simulated.run)

    let runArtifacts = task.template.artifacts.filter { $0.scope != .task && $0.when.contains(simulated.outcome) }
    let log = runArtifacts.first { $0.type == .log && !$0.isLargeLog }
    let report = runArtifacts.first { $0.type == .report }
    for spec in [log, report].compactMap({ $0 }) {
      let placement = ArtifactFactory.Placement(
        id: random.uuid(), taskID: task.task.id, run: simulated.run, until: time, createdAt: time)
      change.artifacts.append(
        ArtifactFactory.make(
          spec, task: task.template, at: placement, context: context, largeLogs: false, random: &random))
    }
    if report == nil {
      let placement = ArtifactFactory.Placement(
        id: random.uuid(), taskID: task.task.id, run: simulated.run, until: time, createdAt: time)
      change.artifacts.append(
        ArtifactFactory.failureReport(catalog.failureReport, at: placement, context: context, random: &random))
    }
  }

  private func event(_ simulated: SimulatedRun, _ tasks: [SimulatedTask]) -> SimulationEvent {
    SimulationEvent(
      status: simulated.run.status.known ?? .pending, taskName: tasks[simulated.task].task.name,
      runNumber: simulated.run.runNumber ?? 0, detail: simulated.run.errorMessage)
  }

  /// Writes one tick in one transaction; returns the run numbers of the new runs.
  ///
  /// The unstructured task does not inherit cancellation, so a Ctrl-C arriving now lets the
  /// transaction finish; the loop stops before the next one.
  private func commit(_ change: Change) async throws -> [Int] {
    let writer = writer
    return try await _Concurrency.Task {
      try await writer.transaction { transaction in
        var numbers: [Int] = []
        for run in change.newRuns {
          numbers.append(try await transaction.insert(run: run))
        }
        for run in change.updates {
          try await transaction.update(run: run)
        }
        if !change.metrics.isEmpty { try await transaction.insert(metrics: change.metrics) }
        if !change.artifacts.isEmpty { try await transaction.insert(artifacts: change.artifacts) }
        for status in change.taskStatuses {
          try await transaction.updateTask(id: status.id, status: status.status)
        }
        return numbers
      }
    }.value
  }
}
