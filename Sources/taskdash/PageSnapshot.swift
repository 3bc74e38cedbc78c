import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashViewModel
import TerminalUI

/// A run's or a task's page, read once: for `taskdash snapshot --run` and `--task`.
///
/// The text is the page's own lines (`PageDocument`), so a script sees what the screen shows.
enum PageSnapshot {
  /// What the operator named: a run by id or `TASK NAME#N`, or a task by name.
  enum Reference {
    case run(String)
    case task(String)
  }

  /// A name or id that matches nothing.
  struct NotFound: Error, CustomStringConvertible {
    var description: String
  }

  /// Reads the page `reference` names by opening it in the dashboard's view-model and running
  /// that once, so the page holds what the dashboard's page would.
  static func read(_ reference: Reference, from reader: any DashboardReading, settings: AppSettings) async throws
    -> PageContent
  {
    let subject: PageSubject
    let notFound: String
    switch reference {
    case .run(let text):
      notFound = RunReference.notFound(text)
      guard let id = try await RunReference.resolve(text, reader: reader) else { throw NotFound(description: notFound) }
      subject = .run(id)
    case .task(let name):
      notFound = "no task named \(quoted(name))"
      guard let id = try await reader.taskID(named: name) else { throw NotFound(description: notFound) }
      subject = .task(id)
    }
    let now = Date()
    var state = AppState(settings: settings, now: now)
    state.showPage(subject)
    try await ReadOnce.run(&state, layout: Snapshot.layout(rows: 40), reader: reader, now: now)
    guard let content = state.page?.data.value, content != .missing else { throw NotFound(description: notFound) }
    return content
  }

  private static func quoted(_ text: String) -> String { "\"" + text + "\"" }

  /// The page as text lines, every value sanitized.
  static func text(_ content: PageContent, now: Date) -> String {
    PageDocument.lines(for: content, now: now).map { line in
      let text: String =
        switch line.role {
        case .title, .heading: line.text
        case .field(let label): label + "  " + line.text
        case .text, .json, .note, .error: "  " + line.text
        }
      return TerminalText.sanitize(text) + "\n"
    }.joined()
  }

  /// The page as JSON: stored values as they are (documents as their stored text), a run's
  /// silence judged at `now`.
  static func json(_ content: PageContent, now: Date) throws -> String {
    switch content {
    case .run(let page):
      try TerminalSafeJSON.encode(RunEntry(fields: RunFields(page.run, at: now), rest: RunPageFields(page)))
    case .task(let page):
      try TerminalSafeJSON.encode(TaskEntry(fields: TaskFields(page.task), rest: TaskPageFields(page)))
    case .missing: "null"
    }
  }

  private struct Document: Encodable {
    var text: String
    var bytes: Int64
    var complete: Bool

    init?(_ head: DocumentHead?) {
      guard let head else { return nil }
      (text, bytes, complete) = (head.text, head.byteCount, head.isWhole)
    }
  }

  /// A run's page: the list's run fields, then the page's own.
  private typealias RunEntry = JSONObject<RunFields, RunPageFields>

  private struct RunPageFields: Encodable {
    struct Metric: Encodable {
      var name: String
      var unit: String?
      var latest: Double?
    }
    struct Artifact: Encodable {
      var id: UUID
      var name: String
      var type: String
      var size: Int64?
    }
    var updatedAt: Date
    var errorMessage: Document?
    var errorDetails: Document?
    var plan: Document?
    var results: Document?
    var metrics: [Metric]
    var artifacts: [Artifact]
    var previousRunID: UUID?
    var nextRunID: UUID?

    init(_ page: RunPage) {
      updatedAt = page.updatedAt
      errorMessage = Document(page.errorMessage)
      errorDetails = Document(page.errorDetails)
      plan = Document(page.plan)
      results = Document(page.results)
      metrics = page.metrics.map { Metric(name: $0.name, unit: $0.unit, latest: $0.latest) }
      artifacts = page.artifacts.map {
        Artifact(id: $0.id, name: $0.name, type: $0.artifactType.rawValue, size: $0.contentLength ?? $0.fileSize)
      }
      (previousRunID, nextRunID) = (page.previousRunID, page.nextRunID)
    }
  }

  /// A task's page: the list's task fields, then the page's own.
  private typealias TaskEntry = JSONObject<TaskFields, TaskPageFields>

  private struct TaskPageFields: Encodable {
    struct Durations: Encodable {
      var count: Int
      var p50: Double
      var p95: Double
      var max: Double
    }
    struct Failure: Encodable {
      var id: UUID
      var runNumber: Int
      var status: String
      var completedAt: Date?
      var errorMessage: String?
    }
    var description: String?
    var config: String
    var maxRounds: Int?
    var memorySize: Int?
    var createdAt: Date
    var updatedAt: Date
    var runsByStatus: [String: Int]
    var durations: Durations?
    var latestFailure: Failure?

    init(_ page: TaskPage) {
      let task = page.task.task
      (description, config, maxRounds, memorySize) = (task.description, task.config, task.maxRounds, task.memorySize)
      (createdAt, updatedAt) = (task.createdAt, task.updatedAt)
      runsByStatus = Dictionary(page.runsByStatus.map { ($0.status.rawValue, $0.count) }, uniquingKeysWith: +)
      durations = page.durations.map { Durations(count: $0.count, p50: $0.p50, p95: $0.p95, max: $0.max) }
      latestFailure = page.latestFailure.map {
        Failure(
          id: $0.id, runNumber: $0.runNumber, status: $0.status.rawValue, completedAt: $0.completedAt,
          errorMessage: $0.errorMessage)
      }
    }
  }
}
