import Foundation
import TaskDashModel
import TaskDashStore

/// A metric's full-size chart: which series, the data read for it, and how the operator looks
/// at it (cursor, scale, zoom, overlay).
public struct ChartState: Equatable, Sendable {
  /// The shortest window a zoom goes down to, per bucket: the millisecond SQLite keeps.
  static let shortestBucket: Duration = .milliseconds(1)

  /// Whose series: a run's or a task's.
  public let scope: Scope
  /// The metric's name.
  public let name: String
  /// What the series belongs to, for the title ("run #3 of train" or a task's name).
  public let owner: String
  /// The series, bucketed over the window.
  public internal(set) var history: Loadable<MetricHistory> = .loading
  /// The previous run's series over the same window, while the overlay is on.
  public internal(set) var overlay: Loadable<MetricHistory> = .idle
  /// Whether the previous run's series is wanted.
  public internal(set) var showsOverlay = false
  /// Whether values are drawn on a log scale.
  public internal(set) var isLogScale = false
  /// The zoomed window; nil shows the whole series, growing while the run runs.
  public internal(set) var window: ChartWindow?
  /// The bucket under the cursor; nil follows the newest bucket with points.
  public internal(set) var cursor: Int?

  /// A chart of `name` of `scope`, loading.
  public init(scope: Scope, name: String, owner: String) {
    self.scope = scope
    self.name = name
    self.owner = owner
  }

  // MARK: - What to read

  /// The query of the series over the window, one bucket per dot column.
  func query(buckets: Int) -> MetricHistoryQuery {
    MetricHistoryQuery(scope: scope, name: name, from: window?.from, to: window?.to, buckets: max(1, buckets))
  }

  /// The query of the previous run's series over the same window (measured from its own start),
  /// once the series says which run that is; nil while the overlay is off.
  func overlayQuery(buckets: Int) -> MetricHistoryQuery? {
    guard showsOverlay, let previous = history.value?.previousRunID, let shown = shownWindow else { return nil }
    return MetricHistoryQuery(
      scope: .run(previous), name: name, from: shown.from, to: shown.to, buckets: max(1, buckets))
  }

  /// The window the series was read over, zoomed or whole.
  public var shownWindow: ChartWindow? {
    if let window { return window }
    guard let history = history.value, let first = history.first, let to = history.to else { return nil }
    return ChartWindow(from: .zero, to: to.duration(since: first))
  }

  /// The bucket the cursor is on: the chosen one, or the newest with points.
  public var cursorBucket: Int? {
    guard let history = history.value, history.bucketCount > 0 else { return nil }
    return cursor.map { min(max($0, 0), history.bucketCount - 1) } ?? history.buckets.last?.index
  }

  // MARK: - Operator actions

  /// Moves the cursor `delta` buckets, within the window.
  mutating func moveCursor(by delta: Int) {
    guard let history = history.value, history.bucketCount > 0 else { return }
    let start = cursorBucket ?? history.bucketCount - 1
    cursor = min(max(start + delta, 0), history.bucketCount - 1)
  }

  /// Halves (`in`) or doubles the window's time, keeping the time under the cursor at the
  /// cursor's column; zooming out to the whole series or beyond shows the whole series again.
  mutating func zoom(in zoomsIn: Bool) {
    guard let shown = shownWindow, let history = history.value, let first = history.first,
      let last = history.last, history.bucketCount > 0
    else { return }
    let count = history.bucketCount
    let column = cursorBucket ?? count - 1
    let fraction = (Double(column) + 0.5) / Double(count)
    let anchor = shown.from + shown.span * fraction
    let whole = last.duration(since: first) + Self.shortestBucket
    let span = zoomsIn ? max(shown.span / 2, Self.shortestBucket * count) : shown.span * 2
    guard span < whole else {
      window = nil
      cursor = nil
      return
    }
    // Whole microseconds, the finest time a store keeps, so the window is exact.
    let from = Self.microseconds(min(max(anchor - span * fraction, .zero), whole - span))
    window = ChartWindow(from: from, to: from + Self.microseconds(span))
    cursor = column
  }

  private static func microseconds(_ duration: Duration) -> Duration {
    .microseconds(Int64((duration.seconds * 1_000_000).rounded()))
  }

  /// The whole series again, the cursor on its newest bucket.
  mutating func resetZoom() {
    window = nil
    cursor = nil
  }

  /// Log or linear scale.
  mutating func toggleLogScale() {
    isLogScale.toggle()
  }

  /// The previous run's series on or off (a task's chart has no previous run).
  mutating func toggleOverlay() {
    guard case .run = scope else { return }
    showsOverlay.toggle()
  }

  // MARK: - Poll results

  /// Takes in the series (`isOverlay` false) or the overlaid one.
  mutating func receive(_ value: MetricHistory, isOverlay: Bool, at date: Date) {
    if isOverlay {
      overlay = overlay.receiving(value, at: date)
    } else {
      history = history.receiving(value, at: date)
      if let chosen = cursor { cursor = min(chosen, max(0, value.bucketCount - 1)) }
    }
  }

  /// Notes that a poll found its series unchanged.
  mutating func confirm(isOverlay: Bool, at date: Date) {
    if isOverlay { overlay = overlay.confirming(at: date) } else { history = history.confirming(at: date) }
  }

  /// Notes a failed poll; the last good series stays, marked stale.
  mutating func fail(_ failure: LoadFailure, isOverlay: Bool) {
    if isOverlay { overlay = overlay.failing(failure) } else { history = history.failing(failure) }
  }

  /// Forgets the overlaid series once nothing is overlaid.
  mutating func dropOverlay() {
    overlay = .idle
  }
}
