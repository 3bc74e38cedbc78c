/// How many rows each pane and the viewer show; used for paging and to keep the selection
/// on screen.
///
/// `standard(width:height:)` is the default layout's arithmetic; a UI that lays out its panes
/// differently sends its own numbers with `Message.layout`.
public struct PaneLayout: Hashable, Sendable {
  /// Data rows visible in each pane.
  public var paneRows: [PaneID: Int]
  /// Content rows visible in the artifact viewer.
  public var viewerRows: Int
  /// Columns of the viewer's text area (to estimate how many rows a wrapped line takes).
  public var viewerColumns: Int

  /// Creates a layout.
  public init(paneRows: [PaneID: Int], viewerRows: Int, viewerColumns: Int) {
    self.paneRows = paneRows
    self.viewerRows = viewerRows
    self.viewerColumns = viewerColumns
  }

  /// Data rows visible in `pane` (never negative).
  public func rows(for pane: PaneID) -> Int {
    max(0, paneRows[pane] ?? 0)
  }

  /// The default layout for a terminal of `width` × `height` cells.
  ///
  /// Three rows of chrome (header, breadcrumb, key bar); the four panes in a 2×2 grid, each
  /// with a border (two rows) and a column header (one row); the viewer uses the whole body
  /// below a one-row title.
  public static func standard(width: Int, height: Int) -> PaneLayout {
    let body = max(0, height - 3)
    let upper = max(0, body / 2 - 3)
    let lower = max(0, body - body / 2 - 3)
    return PaneLayout(
      paneRows: [.tasks: upper, .runs: upper, .metrics: lower, .artifacts: lower],
      viewerRows: max(0, body - 1), viewerColumns: max(0, width))
  }
}
