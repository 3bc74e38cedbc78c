/// The terminal's size and how many rows each pane and the viewer show there; used for paging
/// and to keep the selection on screen.
///
/// The UI works it out with the code it draws with and sends it in `Message.layout`; the
/// view-model does no geometry of its own.
public struct PaneLayout: Hashable, Sendable {
  /// The terminal's width in cells.
  public var width: Int
  /// The terminal's height in cells.
  public var height: Int
  /// Data rows visible in each pane.
  public var paneRows: [PaneID: Int]
  /// Content rows visible in the artifact viewer.
  public var viewerRows: Int
  /// Columns of the viewer's text area (to estimate how many rows a wrapped line takes).
  public var viewerColumns: Int
  /// Dot columns of a chart's plot: one bucket each (0 until the UI says).
  public var chartColumns = 0
  /// Data rows of a full-screen list (failure triage, a group's runs).
  public var listRows: Int

  /// Creates a layout.
  public init(
    width: Int, height: Int, paneRows: [PaneID: Int], viewerRows: Int, viewerColumns: Int, listRows: Int = 0
  ) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.paneRows = paneRows
    self.viewerRows = viewerRows
    self.viewerColumns = viewerColumns
    self.listRows = max(0, listRows)
  }

  /// Data rows visible in `pane` (never negative).
  public func rows(for pane: PaneID) -> Int {
    max(0, paneRows[pane] ?? 0)
  }
}
