import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashViewModel

/// The one in-memory store of the tests.
///
/// It answers from the rows, pages and contents it was given, filtering tasks by name and runs
/// by task and status as a store would. Before every call it runs its script, which may count
/// the call, hold it (at a `Gate`) or throw (a scripted failure, or a login refused by a
/// `FakeLoginServer`). Once closed, every call throws `StoreError.closed`, as a real reader's do.
public actor MemoryReader: DashboardReading {
  /// What runs before every call, with the call's name.
  public typealias Script = @Sendable (ReaderCall) async throws -> Void

  private var taskRows: [TaskRow]
  private var runRows: [RunRow]
  private let metricRows: [MetricSeries]
  private var artifactRows: [ArtifactRow]
  private var contents: [ContentSource: [UInt8]]
  private let runPages: [UUID: RunPage]
  private let taskPages: [UUID: TaskPage]
  private let healthAnswer: Health
  private let failureAnswer: FailureGroups
  private let summaries: [UUID: [MetricSummary]]
  private let script: Script
  private var isClosed = false
  private let histories: [Scope: MetricHistory]

  /// A reader holding these rows, pages and contents; `script` runs before every call.
  ///
  /// Run pages are kept whole and cut to each call's `documentLimit`.
  public init(
    tasks: [TaskRow] = [], runs: [RunRow] = [], metrics: [MetricSeries] = [], artifacts: [ArtifactRow] = [],
    contents: [ContentSource: [UInt8]] = [:], runPages: [RunPage] = [], taskPages: [TaskPage] = [],
    health: Health = sampleHealth, script: @escaping Script = { _ in }, histories: [Scope: MetricHistory] = [:],
    failureGroups: FailureGroups = FailureGroups(groups: [], failures: 0, cap: FailureGroupQuery.defaultCap),
    metricSummaries: [UUID: [MetricSummary]] = [:]
  ) {
    taskRows = tasks
    runRows = runs
    metricRows = metrics
    artifactRows = artifacts
    self.contents = contents
    self.runPages = Dictionary(runPages.map { ($0.run.id, $0) }) { first, _ in first }
    self.taskPages = Dictionary(taskPages.map { ($0.task.id, $0) }) { first, _ in first }
    healthAnswer = health
    failureAnswer = failureGroups
    self.script = script
    self.histories = histories
    summaries = metricSummaries
  }

  /// Replaces the tasks.
  public func set(tasks: [TaskRow]) {
    taskRows = tasks
  }

  /// Replaces the runs, as writers changing runs would.
  public func set(runs: [RunRow]) {
    runRows = runs
  }

  /// Adds `artifact` (replacing one with its id) with `content`.
  public func set(artifact: ArtifactRow, content: [UInt8]) {
    artifactRows.removeAll { $0.id == artifact.id }
    artifactRows.append(artifact)
    contents[.artifact(artifact.id)] = content
  }

  /// Every task: the fake does not filter.
  public func tasks(_ query: TaskQuery) async throws -> [TaskRow] {
    try await enter(.tasks)
    return taskRows
  }

  /// The runs of the query's task and status, when it names them.
  public func runs(_ query: RunQuery) async throws -> [RunRow] {
    try await enter(.runs)
    return runRows.filter { run in
      (query.taskID.map { $0 == run.taskID } ?? true) && (query.status.map { run.status == .known($0) } ?? true)
    }
  }

  /// Every metric series, whatever the scope.
  public func metrics(_ query: MetricQuery) async throws -> [MetricSeries] {
    try await enter(.metrics)
    return metricRows
  }

  /// Every artifact, whatever the scope.
  public func artifacts(_ query: ArtifactQuery) async throws -> [ArtifactRow] {
    try await enter(.artifacts)
    return artifactRows
  }

  /// The artifact with this id, or nil.
  public func artifact(id: UUID) async throws -> ArtifactRow? {
    try await enter(.artifact)
    return artifactRows.first { $0.id == id }
  }

  /// A window of the artifact's content; empty past its end or without content.
  public func artifactContent(id: UUID, offset: Int64, length: Int) async throws -> [UInt8] {
    try await enter(.artifactContent)
    return window(of: .artifact(id), offset: offset, length: length)
  }

  public func runDocument(id: UUID, _ document: RunDocument, offset: Int64, length: Int) async throws -> [UInt8] {
    try await enter(.runDocument)
    return window(of: .run(id, document), offset: offset, length: length)
  }

  /// The run's page with each document cut to `documentLimit` characters, or nil.
  public func runPage(id: UUID, documentLimit: Int) async throws -> RunPage? {
    try await enter(.runPage)
    guard var page = runPages[id] else { return nil }
    func cut(_ head: DocumentHead?) -> DocumentHead? {
      head.map { DocumentHead(text: String($0.text.prefix(documentLimit)), byteCount: $0.byteCount) }
    }
    page.errorMessage = cut(page.errorMessage)
    page.errorDetails = cut(page.errorDetails)
    page.plan = cut(page.plan)
    page.results = cut(page.results)
    return page
  }

  /// The task's page as given, whatever `durationRuns` says, or nil.
  public func taskPage(id: UUID, durationRuns: Int) async throws -> TaskPage? {
    try await enter(.taskPage)
    return taskPages[id]
  }

  /// The failed and timed-out runs of the query's scope whose last change (here: completion,
  /// else creation, as the rows carry no update time) is after `since`, latest first.
  public func recentFailures(_ query: FailureWatchQuery) async throws -> [RunRow] {
    try await enter(.recentFailures)
    let changed = { (row: RunRow) in row.completedAt ?? row.createdAt }
    return
      runRows
      .filter { [.failed, .timeout].contains($0.status.known) && changed($0) > query.since }
      .filter { query.taskID == nil || $0.taskID == query.taskID }
      .sorted { changed($0) > changed($1) }
      .prefix(query.limit)
      .map { $0 }
  }

  /// The first task with exactly this name, or nil.
  public func taskID(named name: String) async throws -> UUID? {
    try await enter(.taskID)
    return taskRows.first { $0.task.name == name }?.id
  }

  /// The first run of a task with this name and run number, or nil.
  public func runID(taskName: String, number: Int) async throws -> UUID? {
    try await enter(.runID)
    return runRows.first { $0.taskName == taskName && $0.runNumber == number }?.id
  }

  /// The health it was given.
  public func health() async throws -> Health {
    try await enter(.health)
    return healthAnswer
  }

  /// Makes every later call throw `StoreError.closed`.
  public func close() async {
    isClosed = true
  }

  /// The history given for the query's scope, as it was given (not re-bucketed), or an empty one.
  public func metricHistory(_ query: MetricHistoryQuery) async throws -> MetricHistory {
    try await enter(.metricHistory)
    return histories[query.scope] ?? MetricHistory(name: query.name)
  }

  /// The failure groups it was given, whatever the query.
  public func failureGroups(_ query: FailureGroupQuery, now: Date) async throws -> FailureGroups {
    try await enter(.failureGroups)
    return failureAnswer
  }

  /// The failed and timed-out runs whose message folds to the query's pattern, as given.
  public func failureRuns(_ query: FailureRunQuery, now: Date) async throws -> [RunRow] {
    try await enter(.failureRuns)
    return runRows.filter { run in
      (run.status.known?.countsAsFailure ?? false) && ErrorPattern.fold(run.errorMessage ?? "") == query.pattern
    }
  }

  /// The run's summaries as given, cut to `maxNames`.
  public func metricSummaries(runID: UUID, maxNames: Int, pointLimit: Int) async throws -> [MetricSummary] {
    try await enter(.metricSummaries)
    return Array((summaries[runID] ?? []).prefix(maxNames))
  }

  // MARK: - Private

  private func enter(_ call: ReaderCall) async throws {
    if isClosed { throw StoreError.closed }
    try await script(call)
  }

  /// Up to `length` bytes of `content` from `offset`, as the store protocol reads windows.
  private func window(of content: ContentSource, offset: Int64, length: Int) -> [UInt8] {
    slice(contents[content] ?? [], offset: offset, length: length)
  }
}
