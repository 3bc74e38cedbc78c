import Foundation
import SeededRandom
import TaskDashModel

/// The values a template's `{{name}}` placeholders are filled from.
public struct TemplateContext: Hashable, Sendable {
  /// Every variable name a template may use; anything else is a parse error.
  public static let names: Set<String> = [
    "task", "task_key", "task_id", "run_id", "run_number", "status", "model", "temperature",
    "max_rounds", "memory_size", "tools", "tools_json", "tool", "timeout", "host", "region",
    "started_at", "completed_at", "date", "duration", "duration_human", "error_message", "i",
  ]

  /// Variable values by name.
  public var values: [String: String]
  /// The task's tools; `{{tool}}` draws one of them each time it is used.
  public var tools: [String]

  /// Creates a context.
  public init(values: [String: String] = [:], tools: [String] = []) {
    self.values = values
    self.tools = tools
  }

  /// The value of `name`; an unset variable renders empty.
  func value(_ name: String, _ random: inout SplitMix64) -> String {
    if name == "tool" {
      return tools.isEmpty ? "tool" : random.pick(tools)
    }
    return values[name] ?? ""
  }

  /// Sets the run's variables: id, number, status, times, duration and error message.
  ///
  /// A run that has not finished is described as of `now`.
  mutating func describe(_ run: TaskRun, now: Date) {
    let start = run.startedAt ?? run.createdAt
    let end = run.completedAt ?? now
    let duration = run.duration ?? max(end.timeIntervalSince(start), 0)
    values["run_id"] = run.id.uuidString.lowercased()
    values["task_id"] = run.taskID.uuidString.lowercased()
    values["run_number"] = run.runNumber.map(String.init) ?? ""
    values["status"] = run.status.rawValue
    values["started_at"] = Timestamps.iso(start)
    values["completed_at"] = Timestamps.iso(end)
    values["date"] = Timestamps.day(start)
    values["duration"] = Decimals.format(duration, decimals: 1)
    values["duration_human"] = Timestamps.human(seconds: duration)
    values["error_message"] = run.errorMessage ?? ""
  }
}
