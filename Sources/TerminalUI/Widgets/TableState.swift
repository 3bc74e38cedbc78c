/// The selection and scroll position of a `Table`, kept by its owner between frames.
public struct TableState: Hashable, Sendable {
  /// The selected row, or nil when nothing is selected.
  public var selected: Int?
  /// The first row shown.
  public var offset: Int

  /// Creates a state.
  public init(selected: Int? = nil, offset: Int = 0) {
    self.selected = selected
    self.offset = max(0, offset)
  }

  /// Moves the selection by `delta` rows, clamped to the rows there are; selects the first
  /// row when nothing was selected.
  public mutating func move(by delta: Int, rowCount: Int) {
    guard rowCount > 0 else {
      selected = nil
      return
    }
    let current = selected ?? (delta >= 0 ? -1 : rowCount)
    selected = min(max(0, current + delta), rowCount - 1)
  }

  /// Keeps the selection among the rows there are, or clears it when there are none.
  public mutating func clamp(rowCount: Int) {
    if let selected { self.selected = rowCount > 0 ? min(max(0, selected), rowCount - 1) : nil }
    offset = min(offset, max(0, rowCount - 1))
  }

  /// Scrolls as little as needed for the selection to be among `visibleRows` rows shown,
  /// and never past the last row.
  public mutating func scrollToSelection(visibleRows: Int, rowCount: Int) {
    let visibleRows = max(0, visibleRows)
    offset = min(max(0, offset), max(0, rowCount - visibleRows))
    guard let selected, visibleRows > 0 else { return }
    if selected < offset {
      offset = selected
    } else if selected >= offset + visibleRows {
      offset = selected - visibleRows + 1
    }
  }
}
