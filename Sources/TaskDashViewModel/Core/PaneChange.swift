import Foundation

/// A change that means the same for any of the four panes, whatever its rows; applied with
/// `AppState.change(_:_:)`, the one place the panes are told apart.
enum PaneChange {
  /// Move the selection by this many rows.
  case move(by: Int)
  /// Select the row at this position on screen (0 is the first row shown); a position below
  /// the last row selects nothing.
  case selectVisible(Int)
  /// Select the first row.
  case moveToStart
  /// Select the last row.
  case moveToEnd
  /// Next sort order.
  case cycleSort
  /// A new filter text.
  case setFilter(String)
  /// The poll found the data unchanged at this time.
  case confirm(at: Date)
  /// The poll failed; the rows stay, marked stale.
  case fail(LoadFailure)
  /// The pane's height changed.
  case fit
}
