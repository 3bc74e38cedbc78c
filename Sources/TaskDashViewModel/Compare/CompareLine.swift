/// One line of a comparison: a heading, a row with the older and newer run's values side by
/// side, a difference's path, or a note.
///
/// Text that comes from the database (names, messages, JSON paths and values) is sanitized by
/// the UI when drawn, like all data.
public struct CompareLine: Hashable, Sendable {
  /// What a line shows.
  public enum Role: Hashable, Sendable {
    /// A section heading ("Metrics", "Results").
    case heading
    /// `label`, then `old` and `new` side by side, then `change`.
    case row
    /// The path of a JSON difference, in `label`; the row after it has the two values.
    case path(JSONDifference.Kind)
    /// A note about the section (no differences, comparing, cut).
    case note
  }

  /// What the line shows.
  public var role: Role
  /// A row's label, a heading's or a note's text, or a difference's path.
  public var label: String
  /// The older run's value.
  public var old: String
  /// The newer run's value.
  public var new: String
  /// How the newer value differs ("+3s (+12%)", "added"); empty when it does not.
  public var change: String

  /// Creates a line.
  public init(_ role: Role, _ label: String, old: String = "", new: String = "", change: String = "") {
    self.role = role
    self.label = label
    self.old = old
    self.new = new
    self.change = change
  }
}
