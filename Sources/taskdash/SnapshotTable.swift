import Foundation
import TaskDashModel
import TaskDashViewModel
import TerminalUI

/// The table form of a snapshot: aligned columns in display cells, every value sanitized and
/// formatted as the dashboard formats it.
enum SnapshotTable {
  static func render(_ snapshot: Snapshot) -> String {
    var out =
      "taskdash snapshot of \(clean(snapshot.target)) at \(ISO8601DateFormatter().string(from: snapshot.generatedAt))\n"
    if let server = snapshot.server { out += "server \(clean(server.summary))\n" }
    if snapshot.schema != "\(SchemaOrigin.taskdash)" {
      out += "schema \(snapshot.schema) (another program's tables, read as they are)\n"
    }
    out += "\nTASKS\n"
    out += table(
      ["NAME", "STATUS", "RUNS", "OK", "FAILED", "SUCCESS", "RUNNING", "SILENT", "LAST RUN"],
      snapshot.tasks.map { task in
        [
          task.name, task.status, "\(task.totalRuns)", "\(task.successfulRuns)", "\(task.failedRuns)",
          DisplayFormat.percent(task.successRate), "\(task.runningNow)", "\(task.silentNow)",
          task.lastRunAt.map(iso) ?? "-",
        ]
      })
    out += "\nRUNS\n"
    out += table(
      ["TASK", "RUN", "STATUS", "STARTED", "DURATION", "ERROR"],
      snapshot.runs.map { run in
        [
          run.taskName, "#\(run.runNumber)",
          run.silentSeconds.map { "silent " + DisplayFormat.duration(seconds: $0) } ?? run.status,
          run.startedAt.map(iso) ?? "-",
          run.duration.map { DisplayFormat.duration(seconds: $0) } ?? "-", run.errorMessage ?? "",
        ]
      })
    if let selected = snapshot.selectedRunID {
      out += "\nMETRICS of run \(selected.uuidString.lowercased())\n"
      out += table(
        ["METRIC", "TYPE", "LATEST", "UNIT", "POINTS"],
        snapshot.metrics.map { metric in
          [
            metric.name, metric.type, DisplayFormat.metric(metric.latest), metric.unit ?? "",
            "\(metric.points.count)",
          ]
        })
      out += "\nARTIFACTS of run \(selected.uuidString.lowercased())\n"
      out += table(
        ["NAME", "TYPE", "SIZE", "CREATED"],
        snapshot.artifacts.map { artifact in
          [artifact.name, artifact.type, DisplayFormat.bytes(artifact.size), iso(artifact.createdAt)]
        })
    }
    return out
  }

  /// Columns padded to their widest cell, capped so one long error cannot push the rest away.
  private static func table(_ header: [String], _ rows: [[String]]) -> String {
    let maxColumn = 48
    let cleaned = ([header] + rows).map { $0.map { TerminalText.truncate(clean($0), toWidth: maxColumn) } }
    var widths = Array(repeating: 0, count: header.count)
    for row in cleaned {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], TerminalText.displayWidth(cell)) }
    }
    var out = ""
    for row in cleaned {
      let cells = row.enumerated().map { index, cell in
        cell + String(repeating: " ", count: widths[index] - TerminalText.displayWidth(cell))
      }
      out += "  " + withoutTrailingSpaces(cells.joined(separator: "  ")) + "\n"
    }
    if rows.isEmpty { out += "  (none)\n" }
    return out
  }

  /// The padding after the last cell goes; a blank first cell keeps its width, so the row's
  /// other cells stay under their headings.
  private static func withoutTrailingSpaces(_ line: String) -> String {
    String(line[..<(line.lastIndex { $0 != " " }.map(line.index(after:)) ?? line.startIndex)])
  }

  private static func clean(_ text: String) -> String { TerminalText.sanitize(text) }

  private static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
