extension TerminalText {
  /// A piece of sanitized text: either the data itself or a mark standing in for something
  /// that could not be shown as it is.
  ///
  /// Drawing marks in their own style (`Theme.mark`) keeps a literal backslash-n in the data
  /// apart from a newline shown as `\n`.
  public struct Segment: Hashable, Sendable {
    /// What a segment holds.
    public enum Kind: Hashable, Sendable {
      /// Text from the data, safe to draw.
      case text
      /// A C0 or C1 control, DEL, or a line or paragraph separator, shown as `\n`, `\x1b`, `<U+009B>`.
      case control
      /// A bidirectional control, shown as `<U+202E>`.
      case bidi
      /// An invisible format character, shown as `<U+200B>`.
      case invisible
      /// A malformed UTF-8 sequence, shown as U+FFFD.
      case invalid
      /// The rest of an over-long line, left out and shown as `…`.
      case truncated
    }

    /// The text to draw.
    public var text: String
    /// Whether this is data text or a mark.
    public var kind: Kind

    /// Creates a segment.
    public init(_ text: String, kind: Kind = .text) {
      self.text = text
      self.kind = kind
    }

    /// Whether this segment is a mark rather than data text.
    public var isMark: Bool { kind != .text }
  }
}
