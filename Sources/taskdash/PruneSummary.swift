import Foundation
import TaskDashStore
import TaskDashViewModel

/// The lines `prune` and `maintain` print about a prune: per table what went, or with a dry run
/// what would go.
enum PruneSummary {
  static func render(_ report: PruneReport, plan: PrunePlan) -> String {
    let verb = plan.dryRun ? "would remove" : "removed"
    var lines = [
      "prune: older than \(ISO8601DateFormatter().string(from: plan.cutoff))"
        + (plan.runs ? ", finished runs included" : "") + (plan.dryRun ? " (dry run: nothing removed)" : "")
    ]
    func row(_ table: String, _ count: Int, _ note: String = "") {
      lines.append(
        "  " + table.padding(toLength: 18, withPad: " ", startingAt: 0) + verb + " "
          + DisplayFormat.grouped(count) + note)
    }
    let partitions = report.droppedPartitions.count
    row(
      "metric_snapshots", report.metricSnapshots,
      partitions == 0
        ? ""
        : " (\(partitions) whole \(partitions == 1 ? "partition" : "partitions")"
          + (plan.dryRun ? " to drop)" : " dropped)"))
    if plan.runs {
      row("task_runs", report.taskRuns)
      row("artifacts", report.artifacts)
    }
    return lines.joined(separator: "\n")
  }
}
