import Foundation
import TaskDashModel
import TaskDashStore

/// The runs of one failure group, newest first, on the screen stack (Enter on a group);
/// Enter opens a run's page.
public struct FailureRunsState: Equatable, Sendable {
  /// The group as triage showed it when Enter was pressed (its pattern names the runs).
  public let group: FailureGroup
  /// The window and cap of the triage it came from, so the runs are the group's runs.
  public let window: FailureWindow
  public let cap: Int
  /// The runs, selected by id.
  public internal(set) var runs = PaneState<RunRow>()

  /// The runs of `group` among the failures of `window`, at most `cap` of them read.
  public init(group: FailureGroup, window: FailureWindow, cap: Int) {
    self.group = group
    self.window = window
    self.cap = cap
  }

  /// The store query for the first page of the group's runs.
  func query(limit: Int) -> FailureRunQuery {
    FailureRunQuery(window: window, pattern: group.pattern, cap: cap, limit: limit)
  }

  /// The breadcrumb label: the pattern, cut short (the screen shows it whole).
  var title: String {
    let label = group.pattern.isEmpty ? "no message" : group.pattern
    return label.count > 32 ? String(label.prefix(31)) + "…" : label
  }
}
