import Foundation
import TaskDashStore

/// The text of `migrate status`.
enum MigrationReport {
  static func render(_ status: MigrationStatus, target: DatabaseTarget) -> String {
    var lines = ["target:  \(target)", "version: \(status.currentVersion.map(String.init) ?? "none")"]
    if let foreign = status.foreign {
      lines.append("found:   " + foreign.summary)
      if !foreign.tables.isEmpty { lines.append("tables:  " + foreign.tables.joined(separator: ", ")) }
    }
    let drifted = Set(status.drifted)
    let formatter = ISO8601DateFormatter()
    for row in status.applied {
      let file = String(format: "%04d_%@", row.version, row.name)
      let mark = drifted.contains(file + ".up.sql") ? "  DRIFTED: file changed since applied" : ""
      lines.append("  applied  \(file)  \(formatter.string(from: row.appliedAt))\(mark)")
    }
    if status.foreign?.isExternalSchema == true {
      // Another program's tables: taskdash's migrations are not pending there, they do not apply.
      lines.append("reading: as it is (taskdash, taskdash snapshot); nothing of it is written")
    } else {
      for migration in status.pending {
        lines.append(String(format: "  pending  %04d_%@", migration.version, migration.name))
      }
    }
    for row in status.unknown {
      lines.append(String(format: "  unknown  %04d_%@  (applied by a newer taskdash)", row.version, row.name))
    }
    if let advice = status.advice(for: "\(target)") { lines.append(advice) }
    return lines.joined(separator: "\n")
  }
}
