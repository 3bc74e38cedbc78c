import Foundation
import TaskDashModel
import TaskDashStore

/// Failure triage on the screen stack (`E`): the failed and timed-out runs of a window, grouped
/// by error pattern, with the selected group's example and tasks below the list.
///
/// Enter pushes the group's runs as a screen of their own (`FailureRunsState`) rather than a
/// mode of this one: Esc then pops each as it pops every screen, the breadcrumb names the
/// pattern, and this list keeps its selection and stops polling while the runs are in view.
public struct TriageState: Equatable, Sendable {
  /// How far back the failures go; `t` steps through the windows.
  public internal(set) var window: FailureWindow
  /// The groups, selected by pattern so a new failure reordering them keeps the cursor.
  public internal(set) var groups = PaneState<FailureGroup>()
  /// How many failures the groups were made from, and the most one read takes.
  public internal(set) var failures: Int?
  public internal(set) var cap: Int

  /// Opens triage on `window`, reading at most `cap` failures.
  public init(window: FailureWindow = .day, cap: Int = FailureGroupQuery.defaultCap) {
    self.window = window
    self.cap = cap
  }

  /// Whether the window holds more failures than were read.
  public var isCapped: Bool { (failures ?? 0) >= cap }

  /// The store query for what this screen shows.
  func query(limit: Int) -> FailureGroupQuery {
    FailureGroupQuery(window: window, cap: cap, limit: limit)
  }

  /// The next window; the groups of the old one stay until the new ones arrive.
  mutating func cycleWindow() {
    window = window.next
  }

  mutating func receive(_ read: FailureGroups, at date: Date, height: Int) {
    failures = read.failures
    groups.setData(groups.data.receiving(read.groups, at: date), height: height)
  }
}
