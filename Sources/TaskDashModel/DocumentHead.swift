/// The start of a stored text (a JSON document or an error message) and its whole length.
///
/// Pages read at most a bounded head of each document, so a run whose results are many
/// megabytes opens at once and holds only the head in memory.
public struct DocumentHead: Hashable, Sendable {
  /// The first bytes of the text, decoded (a character cut at the end is dropped).
  public var text: String
  /// The length of the whole stored text in UTF-8 bytes.
  public var byteCount: Int64

  /// Creates a head.
  public init(text: String, byteCount: Int64) {
    self.text = text
    self.byteCount = byteCount
  }

  /// Whether `text` is the whole stored text.
  public var isWhole: Bool { Int64(text.utf8.count) >= byteCount }
}
