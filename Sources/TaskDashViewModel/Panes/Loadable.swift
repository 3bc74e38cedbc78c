import Foundation

/// A pane's data as the operator sees it: not wanted yet, loading, loaded, or failed.
///
/// A failure keeps the last good value, so the pane goes on showing it, marked stale with
/// its age, instead of going blank when the database goes away.
public enum Loadable<Value: Equatable & Sendable>: Equatable, Sendable {
  /// Nothing to load (for example no run is selected, so there are no metrics to show).
  case idle
  /// The first value is on its way.
  case loading
  /// The latest poll succeeded; `at` is when it last confirmed this value.
  case loaded(Value, at: Date)
  /// The latest poll failed; `lastGood` is the value shown meanwhile, if there was one.
  case failed(LoadFailure, lastGood: Stamped<Value>?)

  /// The value to show: the loaded one, or the last good one after a failure.
  public var value: Value? {
    switch self {
    case .idle, .loading: nil
    case .loaded(let value, _): value
    case .failed(_, let lastGood): lastGood?.value
    }
  }

  /// When the shown value was read, or nil when nothing is shown.
  public var valueDate: Date? {
    switch self {
    case .idle, .loading: nil
    case .loaded(_, let at): at
    case .failed(_, let lastGood): lastGood?.at
    }
  }

  /// The failure, when the latest poll failed.
  public var failure: LoadFailure? {
    if case .failed(let failure, _) = self { failure } else { nil }
  }

  /// Whether a value is shown that the latest poll could not confirm.
  public var isStale: Bool {
    if case .failed(_, .some) = self { true } else { false }
  }

  /// How old the shown value is at `now` (never negative), or nil when nothing is shown.
  public func age(at now: Date) -> Duration? {
    valueDate.map { max(.zero, now.duration(since: $0)) }
  }

  /// This state after a successful poll returned `value`.
  func receiving(_ value: Value, at date: Date) -> Self {
    .loaded(value, at: date)
  }

  /// This state after a successful poll found the value unchanged.
  func confirming(at date: Date) -> Self {
    switch self {
    case .loaded(let value, _): .loaded(value, at: date)
    case .failed(_, let lastGood?): .loaded(lastGood.value, at: date)
    case .idle, .loading, .failed: self
    }
  }

  /// This state after a failed poll.
  func failing(_ failure: LoadFailure) -> Self {
    switch self {
    case .idle, .loading: .failed(failure, lastGood: nil)
    case .loaded(let value, let at): .failed(failure, lastGood: Stamped(value, at: at))
    case .failed(_, let lastGood): .failed(failure, lastGood: lastGood)
    }
  }
}
