import Foundation

/// One step of drilling in: into a task (runs scoped to it), then into one of its runs.
public enum DrillLevel: Hashable, Sendable {
  /// The runs pane shows this task's runs.
  case task(id: UUID, name: String)
  /// The metrics and artifacts panes show this run's.
  case run(id: UUID, taskID: UUID, number: Int)

  /// The breadcrumb label: the task's name, or "run #3".
  public var title: String {
    switch self {
    case .task(_, let name): name
    case .run(_, _, let number): "run #\(number)"
    }
  }
}
