/// A screen on the stack above the panes; the top one takes the keys, and Esc pops it.
public enum Screen: Equatable, Sendable {
  /// A run's or a task's own page.
  case page(PageState)
  /// The artifact viewer.
  case viewer(ViewerState)
  /// The help overlay (drawn over the screen below it, which stays live).
  case help
  /// A metric's full-size chart.
  case chart(ChartState)
  /// Failure triage: the failures of a window grouped by error pattern.
  case triage(TriageState)
  /// The runs of one failure group.
  case failureRuns(FailureRunsState)
  /// Two runs side by side.
  case compare(CompareState)

  /// The breadcrumb label, or nil for an overlay.
  public var title: String? {
    switch self {
    case .page(let page): page.title
    case .viewer(let viewer): viewer.subject.name
    case .help: nil
    case .chart(let chart): chart.name
    case .triage: "Failures"
    case .failureRuns(let runs): runs.title
    case .compare(let compare): compare.title
    }
  }
}
