/// One display line of the artifact viewer: raw text spans with their roles.
///
/// Text here is still the artifact's own: it passes the sanitizer when it is drawn.
public struct ViewerLine: Hashable, Sendable {
  public var spans: [Span]

  /// A run of text in one role.
  public struct Span: Hashable, Sendable {
    public var text: String
    public var role: TextRole

    /// Creates a span.
    public init(_ text: String, _ role: TextRole = .plain) {
      self.text = text
      self.role = role
    }
  }

  /// Creates a line of spans.
  public init(_ spans: [Span]) {
    self.spans = spans
  }

  /// A line of one span.
  public init(_ text: String, _ role: TextRole = .plain) {
    self.spans = [Span(text, role)]
  }

  /// The line's text without roles.
  public var text: String { spans.map(\.text).joined() }
}
