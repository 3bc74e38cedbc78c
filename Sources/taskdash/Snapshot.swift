import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashViewModel

/// What the dashboard would show, read once: for `taskdash snapshot`.
struct Snapshot: Encodable {
  var target: String
  var generatedAt: Date
  /// The PostgreSQL server that answered (with a multi-host target, the one libpq chose); absent
  /// for SQLite.
  var server: ServerEntry?
  /// Whose schema the database holds: `taskdash`, `external` (another program's tables, read as
  /// they are) or `adopted` (those, with taskdash's indexes added).
  var schema: String
  var tasks: [TaskFields]
  var runs: [RunEntry]
  /// The run whose metrics and artifacts are listed: the one the dashboard selects, the newest.
  var selectedRunID: UUID?
  var metrics: [MetricEntry]
  var artifacts: [ArtifactEntry]

  /// A run of the list: its fields and the error message as the runs pane holds it.
  typealias RunEntry = JSONObject<RunFields, RunError>

  struct RunError: Encodable {
    var errorMessage: String?
  }

  /// `{"host", "port", "role": "primary" | "standby", "lagSeconds"}`; the lag only on a standby
  /// that has replayed a transaction (0 when it has replayed all it received).
  struct ServerEntry: Encodable {
    var host: String
    var port: String
    var role: String
    var lagSeconds: Double?
    /// The header's words for it (`/run/pg:5432 · standby · 0.4 s behind`), for the table form.
    var summary: String

    private enum CodingKeys: String, CodingKey {
      case host, port, role, lagSeconds
    }

    init(_ server: DatabaseServer) {
      host = server.host
      port = server.port
      switch server.role {
      case .primary: (role, lagSeconds) = ("primary", nil)
      case .standby(let lag): (role, lagSeconds) = ("standby", lag?.seconds)
      }
      summary = server.address + " · " + ServerLabel.role(server.role)
    }
  }

  struct MetricEntry: Encodable {
    var name: String
    var type: String
    var unit: String?
    var latest: Double?
    var points: [Double]
  }

  struct ArtifactEntry: Encodable {
    var id: UUID
    var name: String
    var type: String
    var size: Int64?
    var createdAt: Date
  }

  /// Reads what the dashboard shows at start by running its view-model once: the tasks, the
  /// newest runs (those `filter` keeps, as the runs pane's `/` would), and the metrics and
  /// artifacts of the run selected (the newest), each list with at most `limit` rows.
  static func read(
    from reader: any DashboardReading, target: DatabaseTarget, limit: Int, filter: String = ""
  ) async throws -> Snapshot {
    let now = Date()
    var state = AppState(settings: AppSettings(taskLimit: limit, runLimit: limit, artifactLimit: limit), now: now)
    try state.setFilter(filter, on: .runs)
    try await ReadOnce.run(&state, layout: layout(rows: limit), reader: reader, now: now)
    let (tasks, runs) = (state.tasks.rows, state.runs.rows)
    let (metrics, artifacts) = (state.metrics.rows, state.artifacts.rows)
    return Snapshot(
      target: target.description,
      generatedAt: now,
      server: state.connection.server.map(ServerEntry.init),
      schema: "\(state.connection.origin)",
      tasks: tasks.map(TaskFields.init),
      runs: runs.map { RunEntry(fields: RunFields($0, at: now), rest: RunError(errorMessage: $0.errorMessage)) },
      selectedRunID: state.runs.selectedRow?.id,
      metrics: metrics.map { series in
        MetricEntry(
          name: series.name, type: series.metricType.rawValue, unit: series.unit, latest: series.latest,
          points: series.points)
      },
      artifacts: artifacts.map { artifact in
        ArtifactEntry(
          id: artifact.id, name: artifact.name, type: artifact.artifactType.rawValue,
          size: artifact.contentLength ?? artifact.fileSize, createdAt: artifact.createdAt)
      })
  }

  /// A screen on which every pane shows `rows` rows: a snapshot prints whole lists.
  static func layout(rows: Int) -> PaneLayout {
    let rows = max(1, rows)
    return PaneLayout(
      width: 120, height: 2 * rows + 8, paneRows: Dictionary(uniqueKeysWithValues: PaneID.allCases.map { ($0, rows) }),
      viewerRows: rows, viewerColumns: 120)
  }

  /// The snapshot as JSON, safe to print on a terminal.
  func json() throws -> String {
    try TerminalSafeJSON.encode(self)
  }
}
