/// One difference between two JSON documents: a path added, removed or changed, with the
/// values on one line (sanitized by the UI when drawn).
public struct JSONDifference: Hashable, Sendable {
  /// What happened at the path.
  public enum Kind: Hashable, Sendable {
    /// Only in the newer document.
    case added
    /// Only in the older document.
    case removed
    /// In both, with another value (or another type).
    case changed
  }

  /// Added, removed or changed.
  public let kind: Kind
  /// Where in the document.
  public let path: JSONPath
  /// The older document's value, nil when added.
  public let old: String?
  /// The newer document's value, nil when removed.
  public let new: String?
}
