import Foundation

/// Whose runs, metrics or artifacts to read.
public enum Scope: Hashable, Sendable {
  /// Everything (not valid for metrics).
  case all
  /// Those of one task.
  case task(UUID)
  /// Those of one run.
  case run(UUID)
}
