import Foundation

/// Which runs a comparison shows.
public enum CompareSubject: Hashable, Sendable {
  /// A run against the previous run of its task (the highest lower run number).
  case previous(of: UUID)
  /// Two runs the operator marked; the older is shown on the left.
  case pair(UUID, UUID)
}
