import TaskDashStore

/// A one-line text prompt at the bottom of the screen: a pane filter or a viewer search.
public struct Prompt: Hashable, Sendable {
  /// What the text is for.
  public enum Purpose: Hashable, Sendable {
    /// Filters this pane as the operator types.
    case filter(PaneID)
    /// Searches the open artifact when committed.
    case search
  }

  /// The most characters a prompt accepts; longer input is cut.
  public static let maxLength = 200

  /// Filter or search.
  public var purpose: Purpose
  /// The text typed so far.
  public var text: String
  /// The text before the prompt opened, restored when it is cancelled.
  public var original: String
  /// Why the filter typed so far cannot be read; the pane keeps the last one that could.
  public var problem: FilterError?

  /// Creates a prompt.
  public init(purpose: Purpose, text: String, original: String) {
    self.purpose = purpose
    self.text = text
    self.original = original
  }

  /// Appends typed text; control characters are dropped (a prompt holds one line).
  mutating func insert(_ typed: String) {
    var clean = String.UnicodeScalarView()
    clean.append(contentsOf: typed.unicodeScalars.filter { $0.properties.generalCategory != .control })
    text = String((text + String(clean)).prefix(Self.maxLength))
  }

  /// Removes the last character.
  mutating func deleteBackward() {
    if !text.isEmpty { text.removeLast() }
  }
}
