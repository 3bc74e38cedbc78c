/// What a seed writes.
public enum SeedContent: Hashable, Sendable {
  /// The demo data set of Seeds/.
  case demo
  /// Synthetic volume in these counts.
  case scale(ScaleCounts)
}
