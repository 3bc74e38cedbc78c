/// A zoomed chart's window, as time since the series' first point (the store's measure, so the
/// window stays put while the run adds points and lines up another run by time since its start).
public struct ChartWindow: Hashable, Sendable {
  /// The window's start.
  public var from: Duration
  /// The window's end (excluded).
  public var to: Duration

  /// Creates a window.
  public init(from: Duration, to: Duration) {
    self.from = from
    self.to = to
  }

  /// The window's length.
  public var span: Duration { to - from }
}
