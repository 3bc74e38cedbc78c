/// A JSON string or number as the comparison keeps it: its first bytes, decoded, and enough
/// to tell two long ones apart without holding them whole.
///
/// Up to `JSONText.kept` bytes are kept as they are and compared exactly. A longer text keeps
/// that many bytes for display plus its length and a 64-bit digest of all of it (Swift's
/// `Hasher`, keyed per process), so two documents' texts compare equal when their lengths and
/// digests are; a hostile 100 MB key or value costs its first 4 KiB.
struct JSONText: Hashable, Sendable, Comparable {
  /// How many bytes of a text are kept.
  static let kept = 4096

  /// The kept bytes, decoded (invalid UTF-8 shows as U+FFFD; a character cut at the end too).
  let prefix: String
  /// The length of the whole text in bytes (after unescaping).
  let byteCount: Int
  /// The digest of the whole text when it is longer than `kept`, else 0.
  let digest: Int

  /// Whether `prefix` is the whole text.
  var isWhole: Bool { byteCount <= Self.kept }

  /// PostgreSQL's order of jsonb keys (shorter first, then by bytes), which the streaming
  /// comparison merges object keys by.
  static func < (lhs: JSONText, rhs: JSONText) -> Bool {
    if lhs.byteCount != rhs.byteCount { return lhs.byteCount < rhs.byteCount }
    if lhs.prefix != rhs.prefix { return Array(lhs.prefix.utf8).lexicographicallyPrecedes(rhs.prefix.utf8) }
    return lhs.digest < rhs.digest
  }
}

/// Collects the bytes of one text as they are decoded, keeping the first `JSONText.kept`.
struct JSONTextBuilder {
  private var bytes: [UInt8] = []
  private var hasher = Hasher()
  private var count = 0

  mutating func append(_ byte: UInt8) {
    if count < JSONText.kept { bytes.append(byte) }
    hasher.combine(byte)
    count += 1
  }

  mutating func append(contentsOf run: ArraySlice<UInt8>) {
    if count < JSONText.kept { bytes.append(contentsOf: run.prefix(JSONText.kept - count)) }
    run.withUnsafeBytes { hasher.combine(bytes: $0) }
    count += run.count
  }

  /// The text collected.
  func finish() -> JSONText {
    JSONText(
      prefix: String(decoding: bytes, as: UTF8.self), byteCount: count,
      digest: count > JSONText.kept ? hasher.finalize() : 0)
  }
}
