import Foundation
import SeededRandom
import TaskDashModel

/// Builds the demo data set from the catalog: the same seed and `now` give the same rows.
///
/// Times are relative to `now`, so a fresh demo has runs still running, metrics up to the
/// present and pending runs waiting to start.
public struct DemoGenerator: Sendable {
  public let catalog: SeedCatalog

  /// A generator over `catalog`.
  public init(catalog: SeedCatalog) {
    self.catalog = catalog
  }

  /// The demo rows for `seed` as of `now`.
  public func generate(seed: UInt64, now: Date) -> DemoDataSet {
    var random = SplitMix64(seed: seed)
    var dealer = StatusDealer(deck: catalog.finishedDeck)
    var data = DemoDataSet(tasks: [], runs: [], metrics: [], artifacts: [])
    for template in catalog.tasks {
      generateTask(template, now: now, dealer: &dealer, random: &random, into: &data)
    }
    return data
  }

  private func generateTask(
    _ template: TaskTemplate, now: Date, dealer: inout StatusDealer, random: inout SplitMix64,
    into data: inout DemoDataSet
  ) {
    let taskID = random.uuid()
    let host = random.pick(catalog.hosts)
    let region = random.pick(catalog.regions)
    let count = random.int(in: template.runCount)
    var runs = finishedRuns(
      template, taskID: taskID, count: count - template.active.count, now: now, dealer: &dealer, random: &random)
    runs += activeRuns(template, taskID: taskID, now: now, random: &random)
    runs.sort { $0.createdAt < $1.createdAt }

    let base = template.context(host: host, region: region)
    for index in runs.indices {
      runs[index].runNumber = index + 1
      var context = base
      context.describe(runs[index], now: now)
      runs[index].plan = RunContent.plan(template, context, &random)
      let outcome = RunContent.outcome(
        runs[index].status.known ?? .completed, task: template, catalog: catalog, context: context, random: &random)
      runs[index].results = outcome.results
      runs[index].errorMessage = outcome.errorMessage
      runs[index].errorDetails = outcome.errorDetails
    }

    let createdAt = min(runs.first?.createdAt ?? now, now - catalog.historyDays * 86_400) - 3600
    let labels = RunContent.labels(task: template, host: host, region: region)
    for run in runs {
      data.metrics += metrics(for: run, labels: labels, now: now, random: &random)
    }
    data.artifacts += artifacts(
      template, taskID: taskID, createdAt: createdAt, runs: runs, base: base, now: now, random: &random)

    let statuses = runs.compactMap(\.status.known)
    let derived: TaskStatus =
      if statuses.contains(.running) {
        .running
      } else if statuses.contains(.pending) {
        .pending
      } else {
        RunContent.taskStatus(after: statuses.last ?? .pending)
      }
    data.tasks.append(
      Task(
        id: taskID, name: template.name, description: template.description,
        config: JSONValue.object(template.config).text, status: .known(template.status ?? derived),
        maxRounds: template.maxRounds, memorySize: template.memorySize, createdAt: createdAt,
        updatedAt: runs.map(\.updatedAt).max() ?? createdAt))
    data.runs += runs
  }

  /// Finished runs, newest first in time, each ending before the next one starts.
  private func finishedRuns(
    _ template: TaskTemplate, taskID: UUID, count: Int, now: Date, dealer: inout StatusDealer,
    random: inout SplitMix64
  ) -> [TaskRun] {
    let averageGap = catalog.historyDays * 86_400 / Double(max(count, 1))
    var end = now - random.double(in: 120...1800)
    var runs: [TaskRun] = []
    for _ in 0..<count {
      let status = dealer.deal(&random)
      let duration = RunContent.duration(status, task: template, random: &random)
      let started = end - duration
      let created = started - random.double(in: 2...45)
      runs.append(
        TaskRun(
          id: random.uuid(), taskID: taskID, status: .known(status), startedAt: started, completedAt: end,
          duration: duration, createdAt: created, updatedAt: end))
      end = created - averageGap * random.double(in: 0.3...1.7)
    }
    return runs
  }

  /// The runs still pending or running at `now`.
  private func activeRuns(_ template: TaskTemplate, taskID: UUID, now: Date, random: inout SplitMix64) -> [TaskRun] {
    var runs: [TaskRun] = []
    var latest = now - random.double(in: 600...1200)
    for status in template.active {
      switch status {
      case .running:
        let started = max(latest, now - random.double(in: 0.1...0.6) * template.duration.upperBound)
        let created = started - random.double(in: 2...30)
        runs.append(
          TaskRun(
            id: random.uuid(), taskID: taskID, status: .known(.running), startedAt: started, createdAt: created,
            updatedAt: started))
        latest = started + 1
      default:
        let created = max(latest, now - random.double(in: 5...120))
        runs.append(
          TaskRun(id: random.uuid(), taskID: taskID, status: .known(.pending), createdAt: created, updatedAt: created))
        latest = created + 1
      }
    }
    return runs
  }

  /// The metric series of a started run, from its start to its end (or `now`).
  private func metrics(for run: TaskRun, labels: String, now: Date, random: inout SplitMix64) -> [MetricSnapshot] {
    guard let start = run.startedAt else { return [] }
    let end = run.completedAt ?? now
    let span = max(end.timeIntervalSince(start), 1)
    var snapshots: [MetricSnapshot] = []
    for profile in catalog.metrics {
      var state = MetricSeriesState(profile: profile, random: &random)
      let points = random.int(in: catalog.pointsPerSeries)
      let step = span / Double(points - 1)
      for point in 0..<points {
        let elapsed = step * Double(point)
        let value = state.next(elapsed: elapsed, progress: elapsed / span, step: step, random: &random)
        snapshots.append(
          MetricSnapshot(
            taskID: run.taskID, taskRunID: run.id, name: profile.name, metricType: .known(profile.type),
            value: value, unit: profile.unit, labels: labels, timestamp: start + elapsed))
      }
    }
    return snapshots
  }

  /// The task's artifacts: per-task files, then each run's by its status.
  private func artifacts(
    _ template: TaskTemplate, taskID: UUID, createdAt: Date, runs: [TaskRun], base: TemplateContext, now: Date,
    random: inout SplitMix64
  ) -> [Artifact] {
    var artifacts: [Artifact] = []
    for spec in template.artifacts where spec.scope == .task {
      var context = base
      context.values["task_id"] = taskID.uuidString.lowercased()
      context.values["date"] = Timestamps.day(createdAt)
      let placement = ArtifactFactory.Placement(
        id: random.uuid(), taskID: taskID, run: nil, until: createdAt, createdAt: createdAt + 60)
      artifacts.append(
        ArtifactFactory.make(spec, task: template, at: placement, context: context, largeLogs: true, random: &random))
    }
    for run in runs {
      guard let status = run.status.known else { continue }
      var context = base
      context.describe(run, now: now)
      let placement = ArtifactFactory.Placement(
        id: random.uuid(), taskID: taskID, run: run, until: run.completedAt ?? now, createdAt: run.completedAt ?? now)
      for spec in template.artifacts where spec.scope != .task && spec.when.contains(status) {
        if spec.scope == .latest, runs.last(where: { $0.status.known.map(spec.when.contains) ?? false })?.id != run.id {
          continue
        }
        var each = placement
        each.id = random.uuid()
        artifacts.append(
          ArtifactFactory.make(spec, task: template, at: each, context: context, largeLogs: true, random: &random))
      }
      if status == .failed || status == .timeout {
        artifacts.append(
          ArtifactFactory.failureReport(catalog.failureReport, at: placement, context: context, random: &random))
      }
    }
    return artifacts
  }
}
