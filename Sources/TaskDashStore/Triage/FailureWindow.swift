import Foundation

/// How far back failure triage looks.
public enum FailureWindow: String, CaseIterable, Hashable, Sendable {
  /// The last 24 hours.
  case day
  /// The last 7 days.
  case week
  /// Every failure (the cap still applies).
  case all

  /// The earliest creation time the window takes at `now`, or nil for every time.
  public func start(at now: Date) -> Date? {
    switch self {
    case .day: now.addingTimeInterval(-86_400)
    case .week: now.addingTimeInterval(-7 * 86_400)
    case .all: nil
    }
  }

  /// How a title names the window.
  public var title: String {
    switch self {
    case .day: "last 24 hours"
    case .week: "last 7 days"
    case .all: "all time"
    }
  }

  /// The next window in `allCases` order, wrapping around (the triage screen's toggle).
  public var next: FailureWindow {
    let all = Self.allCases
    return all[(all.firstIndex(of: self)! + 1) % all.count]
  }
}
