/// One line of a run's or a task's page, with what it is so the UI can style it.
///
/// `text` comes from the database where it shows data: the UI sanitizes it like all data.
public struct PageLine: Hashable, Sendable {
  /// What a line shows.
  public enum Role: Hashable, Sendable {
    /// The page's first line: what it is about.
    case title
    /// A section heading ("Plan", "Error message").
    case heading
    /// A field's label and value, `label` cells wide.
    case field(label: String)
    /// Plain text (an error message, a description).
    case text
    /// A line of pretty-printed JSON.
    case json
    /// A note about the data (nothing stored, shown in part).
    case note
    /// An error message line.
    case error
  }

  /// What the line shows.
  public var role: Role
  /// The line's text (for a field, its value).
  public var text: String

  /// Creates a line.
  public init(_ role: Role, _ text: String) {
    self.role = role
    self.text = text
  }

  /// The text a search looks in: label and value.
  var searchableText: String {
    if case .field(let label) = role { return label + " " + text }
    return text
  }
}
