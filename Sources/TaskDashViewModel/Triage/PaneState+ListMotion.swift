extension PaneState {
  /// Applies a motion key to a full-screen list of `height` rows (triage, a group's runs);
  /// false when `action` is not a motion.
  mutating func performMotion(_ action: Action, height: Int) -> Bool {
    switch action {
    case .moveUp: move(by: -1, height: height)
    case .moveDown: move(by: 1, height: height)
    case .pageUp: move(by: -max(1, height), height: height)
    case .pageDown: move(by: max(1, height), height: height)
    case .home: moveToStart(height: height)
    case .end: moveToEnd(height: height)
    default: return false
    }
    return true
  }
}
