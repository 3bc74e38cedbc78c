/// One display line of the artifact viewer, as the store holds it.
///
/// Text still goes through the UI's sanitizer before it reaches a cell. For binary content a
/// line is 16 bytes for a hex dump (`bytes` and `offset`), and `segments` are empty.
public struct ContentLine: Hashable, Sendable {
  /// Byte offset of the line's first byte in the content.
  public var offset: Int64
  /// The line's bytes, without its `\n`.
  public var bytes: [UInt8]
  /// The decoded text (invalid UTF-8 as U+FFFD) in runs, with search matches marked.
  public var segments: [ContentSegment]
  /// Whether this line continues the previous one (a long line cut into chunks).
  public var isContinuation: Bool

  /// Creates a line.
  public init(offset: Int64, bytes: [UInt8], segments: [ContentSegment], isContinuation: Bool) {
    self.offset = offset
    self.bytes = bytes
    self.segments = segments
    self.isContinuation = isContinuation
  }

  /// The line's text without highlights.
  public var text: String { segments.map(\.text).joined() }
}
