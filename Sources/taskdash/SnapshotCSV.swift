import Foundation
import TaskDashStore

/// `snapshot --format csv`: the dashboard's tables as CSV sections, text as stored.
///
/// The tasks table, an empty line, the runs table, and with a selected run an empty line and
/// its metrics, another and its artifacts; each section starts with its header row. Times are
/// UTC ISO 8601, durations seconds, rates fractions: values for programs, not the screen's forms.
enum SnapshotCSV {
  static func render(_ snapshot: Snapshot) -> String {
    var sections = [
      section(
        [
          "id", "name", "status", "total_runs", "successful_runs", "failed_runs", "success_rate", "running_now",
          "silent_now", "last_run_at",
        ],
        snapshot.tasks.map { task in
          [
            id(task.id), task.name, task.status, "\(task.totalRuns)", "\(task.successfulRuns)", "\(task.failedRuns)",
            task.successRate.map(JSONText.number), "\(task.runningNow)", "\(task.silentNow)", task.lastRunAt.map(time),
          ]
        }),
      section(
        [
          "id", "task_id", "task", "run_number", "status", "silent", "silent_seconds", "started_at", "completed_at",
          "duration", "error_message",
        ],
        snapshot.runs.map { entry in
          let run = entry.fields
          return [
            id(run.id), id(run.taskID), run.taskName, "\(run.runNumber)", run.status, run.silent ? "true" : "false",
            run.silentSeconds.map(JSONText.number), run.startedAt.map(time), run.completedAt.map(time),
            run.duration.map(JSONText.number), entry.rest.errorMessage,
          ]
        }),
    ]
    if let selected = snapshot.selectedRunID {
      sections.append(
        section(
          ["run_id", "name", "type", "unit", "latest", "points"],
          snapshot.metrics.map { metric in
            [
              id(selected), metric.name, metric.type, metric.unit, metric.latest.map(JSONText.number),
              metric.points.map(JSONText.number).joined(separator: " "),
            ]
          }))
      sections.append(
        section(
          ["run_id", "id", "name", "type", "size", "created_at"],
          snapshot.artifacts.map { artifact in
            [
              id(selected), id(artifact.id), artifact.name, artifact.type, artifact.size.map { "\($0)" },
              time(artifact.createdAt),
            ]
          }))
    }
    return sections.joined(separator: "\r\n")
  }

  private static func section(_ header: [String], _ rows: [[String?]]) -> String {
    let columns = header.map { ExportColumn($0) }
    return ([ExportFormat.csv.header(columns) ?? ""] + rows.map { ExportFormat.csv.line($0, columns: columns) })
      .joined()
  }

  private static func id(_ id: UUID) -> String { id.uuidString.lowercased() }

  private static func time(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: date)
  }
}
