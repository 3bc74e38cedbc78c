/// The lifecycle state of a task (the `tasks.status` column).
public enum TaskStatus: String, CaseIterable, Hashable, Sendable, Codable {
  case pending, running, completed, failed, cancelled, paused
}
