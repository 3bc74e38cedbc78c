import Foundation

/// One pane: its data, the rows it shows, the selection and the scroll position.
///
/// The selection is kept by id, not by index: when a new run arrives at the top, the cursor
/// stays on the run the operator was reading (and the view scrolls with it). When the
/// selected row disappears, the row now at its index (or the last row) is selected.
///
/// Invariants, for any height: when `rows` is empty, `selectedIndex` is nil; otherwise
/// `selectedIndex` is a valid index, `selectedID` is that row's id, and the selected row is
/// inside `scrollOffset ..< scrollOffset + max(height, 1)`.
public struct PaneState<Row: PaneRow>: Equatable, Sendable {
  /// The pane's data as polled (all rows, unfiltered).
  public private(set) var data: Loadable<[Row]>
  /// The rows shown: the data's rows that match the filter, in the chosen order.
  public private(set) var rows: [Row] = []
  /// The id of the selected row; kept while a filter hides every row.
  public private(set) var selectedID: Row.ID?
  /// The index of the selected row in `rows`, nil when `rows` is empty.
  public private(set) var selectedIndex: Int?
  /// The index in `rows` of the first row on screen.
  public private(set) var scrollOffset = 0
  /// The filter text as typed; empty shows every row.
  public private(set) var filter = ""
  /// The order of `rows`.
  public private(set) var sort: Row.Sort

  /// Creates an empty pane.
  public init(data: Loadable<[Row]> = .loading, sort: Row.Sort = Row.defaultSort) {
    self.data = data
    self.sort = sort
  }

  /// The selected row, if any.
  public var selectedRow: Row? {
    selectedIndex.map { rows[$0] }
  }

  /// The rows on screen for a viewport of `height` rows.
  public func visibleRows(height: Int) -> ArraySlice<Row> {
    let end = min(rows.count, scrollOffset + max(height, 0))
    return rows[min(scrollOffset, end)..<end]
  }

  // MARK: - Changes

  /// Replaces the data, keeping the selection on the same row when it is still there.
  mutating func setData(_ newData: Loadable<[Row]>, height: Int) {
    data = newData
    refresh(height: height)
  }

  /// Replaces the data (the pane now shows something else); the selection goes to the row
  /// with id `id` once it is there, else to the first row.
  mutating func reset(to newData: Loadable<[Row]>, selecting id: Row.ID?, height: Int) {
    data = newData
    selectedID = id
    selectedIndex = nil
    scrollOffset = 0
    refresh(height: height)
  }

  /// Shows only rows matching `text` (see `PaneRow.clientMatch`).
  mutating func setFilter(_ text: String, height: Int) {
    filter = text
    refresh(height: height)
  }

  /// Switches to the next order.
  mutating func cycleSort(height: Int) {
    sort = sort.next
    refresh(height: height)
  }

  /// Selects the row shown at `position` (0 is the first on screen), if there is one there.
  mutating func selectVisible(_ position: Int, height: Int) {
    let target = scrollOffset + position
    guard position >= 0, rows.indices.contains(target) else { return }
    select(target, height: height)
  }

  /// Moves the selection by `delta` rows, stopping at either end.
  mutating func move(by delta: Int, height: Int) {
    guard let index = selectedIndex else { return }
    // Clamping in Int64 keeps a huge delta from overflowing.
    let target = Int(max(0, min(Int64(rows.count - 1), Int64(index) + Int64(delta))))
    select(target, height: height)
  }

  /// Selects the first row.
  mutating func moveToStart(height: Int) {
    if !rows.isEmpty { select(0, height: height) }
  }

  /// Selects the last row.
  mutating func moveToEnd(height: Int) {
    if !rows.isEmpty { select(rows.count - 1, height: height) }
  }

  /// Re-establishes the scroll invariant for a new viewport height.
  mutating func fit(height: Int) {
    scrollIntoView(height: height)
  }

  // MARK: - Private

  private mutating func select(_ index: Int, height: Int) {
    selectedIndex = index
    selectedID = rows[index].id
    scrollIntoView(height: height)
  }

  private mutating func refresh(height: Int) {
    let previousIndex = selectedIndex
    let all = data.value ?? []
    let filtered = Row.clientMatch(for: filter).map { all.filter($0) } ?? all
    rows = Row.sorted(filtered, by: sort)
    if rows.isEmpty {
      selectedIndex = nil
    } else if let id = selectedID, let index = rows.firstIndex(where: { $0.id == id }) {
      selectedIndex = index
      // Scroll with the row, so that it stays where it was on screen.
      if let previousIndex { scrollOffset = max(0, scrollOffset + index - previousIndex) }
    } else {
      let index = min(previousIndex ?? 0, rows.count - 1)
      selectedIndex = index
      selectedID = rows[index].id
    }
    scrollIntoView(height: height)
  }

  private mutating func scrollIntoView(height: Int) {
    let height = max(height, 1)
    scrollOffset = min(scrollOffset, max(0, rows.count - height))
    if let index = selectedIndex {
      if index < scrollOffset { scrollOffset = index }
      if index >= scrollOffset + height { scrollOffset = index - height + 1 }
    }
    scrollOffset = max(0, scrollOffset)
  }
}
