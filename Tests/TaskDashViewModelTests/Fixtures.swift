@testable import TaskDashViewModel

/// The layout a 2×2 UI sends for a `width` × `height` terminal: two rows of chrome above the
/// panes and a key bar below them; each pane loses a border and a column header to its rows,
/// the viewer a title row.
func gridLayout(_ width: Int, _ height: Int) -> PaneLayout {
  let body = max(0, height - 3)
  let (upper, lower) = (max(0, body / 2 - 3), max(0, body - body / 2 - 3))
  return PaneLayout(
    width: width, height: height, paneRows: [.tasks: upper, .runs: upper, .metrics: lower, .artifacts: lower],
    viewerRows: max(0, body - 1), viewerColumns: max(0, width))
}

/// The content reads among `effects`.
func contentRequests(_ effects: [Effect]) -> [ContentRequest] {
  effects.compactMap {
    if case .fetchContent(let request) = $0 { request } else { nil }
  }
}
