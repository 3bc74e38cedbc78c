import Foundation
import TaskDashModel

/// Everything the dashboard reads. Every call is bounded (a LIMIT) and index-backed.
///
/// Implementations read through a read-only session, so the dashboard cannot write even by
/// mistake.
public protocol DashboardReading: Sendable {
  /// A page of tasks with their counters, running-now count and last run time.
  func tasks(_ query: TaskQuery) async throws -> [TaskRow]
  /// A keyset page of runs, newest first, with their task's name.
  func runs(_ query: RunQuery) async throws -> [RunRow]
  /// The metrics of a run or task, each with its latest points.
  func metrics(_ query: MetricQuery) async throws -> [MetricSeries]
  /// A keyset page of artifacts, newest first, without their content.
  func artifacts(_ query: ArtifactQuery) async throws -> [ArtifactRow]
  /// One artifact's metadata, or nil when it does not exist.
  func artifact(id: UUID) async throws -> ArtifactRow?
  /// Up to `length` bytes of an artifact's UTF-8 content starting at byte `offset`.
  ///
  /// Empty past the end, or when the artifact has no content. A window may end inside a
  /// multi-byte character; the caller joins windows before decoding.
  func artifactContent(id: UUID, offset: Int64, length: Int) async throws -> [UInt8]
  /// Up to `length` bytes of one of a run's documents as its page shows it (PostgreSQL's
  /// text form of a JSON column), starting at byte `offset`.
  ///
  /// Empty past the end, or when the run or the document does not exist; windows join as
  /// `artifactContent`'s do.
  func runDocument(id: UUID, _ document: RunDocument, offset: Int64, length: Int) async throws -> [UInt8]
  /// A run's own page, or nil when the run does not exist.
  ///
  /// Each document (error message, error details, plan, results) is read up to
  /// `documentLimit` characters with its whole length, so a page of a run whose results are
  /// many megabytes costs a bounded read.
  func runPage(id: UUID, documentLimit: Int) async throws -> RunPage?
  /// A task's own page, or nil when the task does not exist; its duration figures cover the
  /// latest `durationRuns` completed runs, computed in the database.
  func taskPage(id: UUID, durationRuns: Int) async throws -> TaskPage?
  /// The oldest task with exactly this name, or nil.
  func taskID(named name: String) async throws -> UUID?
  /// The run numbered `number` of the oldest task named `taskName`, or nil.
  func runID(taskName: String, number: Int) async throws -> UUID?
  /// A cheap probe: round trip, server version and schema version.
  func health() async throws -> Health
  /// The runs that failed or timed out after `query.since`, most recently changed first.
  func recentFailures(_ query: FailureWatchQuery) async throws -> [RunRow]
  /// Closes the connections; later calls throw.
  func close() async
  /// Lets the next call try to connect at once instead of waiting out the retry time of a
  /// refused login (the operator asked for it); readers that never wait do nothing.
  func reconnectNow() async
  /// One metric of a run or task over a window, split into buckets of equal width, each reduced
  /// in the database to its count, finite min and max, newest value and first and last times;
  /// with the series' first and last times, newest type and unit, and the previous run.
  ///
  /// At most `query.buckets` bucket rows are read, however many points the window holds.
  func metricHistory(_ query: MetricHistoryQuery) async throws -> MetricHistory
  /// Failure triage: the failed and timed-out runs of the query's window at `now`, grouped by
  /// `ErrorPattern.fold` of their messages, folded and grouped in the database.
  func failureGroups(_ query: FailureGroupQuery, now: Date) async throws -> FailureGroups
  /// A keyset page of the runs of one failure group at `now`, newest first.
  func failureRuns(_ query: FailureRunQuery, now: Date) async throws -> [RunRow]
  /// A run's metrics summed up for a comparison, alphabetically, at most `maxNames`: each
  /// name's newest value and the min, max and count of its newest `pointLimit` points,
  /// computed in the database.
  func metricSummaries(runID: UUID, maxNames: Int, pointLimit: Int) async throws -> [MetricSummary]
}

extension DashboardReading {
  /// Does nothing: this reader never holds back a connection attempt.
  public func reconnectNow() async {}
}
