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
  /// How many of the newest runs are read; grows a page at a time as the cursor reaches the
  /// end of a full list, so the list stays one polled query.
  public internal(set) var limit: Int

  /// The runs of `group` among the failures of `window`, at most `cap` of them read, `page`
  /// runs at first.
  public init(group: FailureGroup, window: FailureWindow, cap: Int, page: Int) {
    self.group = group
    self.window = window
    self.cap = cap
    self.limit = page
  }

  /// The store query for the newest `limit` runs of the group.
  var query: FailureRunQuery {
    FailureRunQuery(window: window, pattern: group.pattern, cap: cap, limit: limit)
  }

  /// Reads `page` more runs when the cursor is on the last of a full list (there may be more).
  mutating func extendIfAtEnd(page: Int) {
    guard let index = runs.selectedIndex, index == runs.rows.count - 1, runs.rows.count >= limit else { return }
    limit = min(limit + page, max(cap, limit))
  }

  /// The breadcrumb label: the pattern, cut short (the screen shows it whole).
  var title: String {
    let label = group.pattern.isEmpty ? "no message" : group.pattern
    return label.count > 32 ? String(label.prefix(31)) + "…" : label
  }
}
