/// One column of an export: its name in the header (or JSON key) and how its text is written.
public struct ExportColumn: Hashable, Sendable {
  /// How a column's values are written in JSON (CSV writes every value as its text).
  public enum Kind: Hashable, Sendable {
    /// A string.
    case text
    /// A number, written bare in JSON (a value that is not finite becomes null there).
    case number
  }

  /// The name.
  public let name: String
  /// Its kind.
  public let kind: Kind

  /// Creates a column.
  public init(_ name: String, _ kind: Kind = .text) {
    self.name = name
    self.kind = kind
  }
}
