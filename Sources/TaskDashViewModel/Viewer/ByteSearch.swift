/// Finds a search text in artifact content, window by window.
///
/// Matching is on UTF-8 bytes with smart case: a query without capital letters ignores ASCII
/// case. A match may straddle two windows. Each call scans at most `budget` windows, so one
/// message never does unbounded work; a missing window is reported for fetching.
struct ByteSearch: Equatable, Sendable {
  /// The result of one bounded scan.
  enum Outcome: Equatable {
    /// A match starts at this offset.
    case found(Int64)
    /// No match in the range.
    case notFound
    /// This window must be loaded; then scan again from `resume`.
    case missing(Int64, resume: Int64)
    /// The budget ran out; scan again from `resume`.
    case paused(resume: Int64)
  }

  /// The most bytes of a query that are searched for.
  static let maxNeedle = 1024

  let needle: [UInt8]
  let ignoresCase: Bool

  /// A search for `query`, or nil when it is empty.
  init?(query: String) {
    // Whole scalars only, so that a long query is cut on a character boundary.
    var bytes: [UInt8] = []
    for scalar in query.unicodeScalars {
      let encoded = Array(String(scalar).utf8)
      if bytes.count + encoded.count > Self.maxNeedle { break }
      bytes += encoded
    }
    guard !bytes.isEmpty else { return nil }
    ignoresCase = !bytes.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    needle = bytes
  }

  // MARK: - Within one buffer

  /// The first match in `haystack` starting in `starts`.
  func firstMatch(in haystack: [UInt8], starts: Range<Int>) -> Int? {
    starts.first { matches(haystack, at: $0) }
  }

  /// The last match in `haystack` starting in `starts`.
  func lastMatch(in haystack: [UInt8], starts: Range<Int>) -> Int? {
    starts.reversed().first { matches(haystack, at: $0) }
  }

  /// Every match in `haystack`, left to right, not overlapping.
  func allMatches(in haystack: [UInt8]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var index = 0
    while index + needle.count <= haystack.count {
      if matches(haystack, at: index) {
        result.append(index..<(index + needle.count))
        index += needle.count
      } else {
        index += 1
      }
    }
    return result
  }

  // MARK: - Across windows

  /// The first match starting in `from ..< until`.
  func forward(from: Int64, until: Int64, in cache: ContentCache, budget: Int) -> Outcome {
    let size = Int64(cache.windowSize)
    let limit = min(until, cache.length - Int64(needle.count) + 1)
    var position = max(0, from)
    var budget = budget
    while position < limit {
      guard budget > 0 else { return .paused(resume: position) }
      budget -= 1
      let end = min(limit, (position / size + 1) * size)
      switch cache.bytes(position..<(end - 1 + Int64(needle.count))) {
      case .missing(let window):
        return .missing(window, resume: position)
      case .bytes(let haystack):
        if let index = firstMatch(in: haystack, starts: 0..<Int(end - position)) {
          return .found(position + Int64(index))
        }
      }
      position = end
    }
    return .notFound
  }

  /// The last match starting in `downTo ..< before`.
  func backward(before: Int64, downTo: Int64, in cache: ContentCache, budget: Int) -> Outcome {
    let size = Int64(cache.windowSize)
    var end = min(before, cache.length - Int64(needle.count) + 1)
    let lower = max(0, downTo)
    var budget = budget
    while end > lower {
      guard budget > 0 else { return .paused(resume: end) }
      budget -= 1
      let start = max(lower, (end - 1) / size * size)
      switch cache.bytes(start..<(end - 1 + Int64(needle.count))) {
      case .missing(let window):
        return .missing(window, resume: end)
      case .bytes(let haystack):
        if let index = lastMatch(in: haystack, starts: 0..<Int(end - start)) {
          return .found(start + Int64(index))
        }
      }
      end = start
    }
    return .notFound
  }

  // MARK: - Private

  private func matches(_ haystack: [UInt8], at index: Int) -> Bool {
    guard index >= 0, index + needle.count <= haystack.count else { return false }
    for (offset, byte) in needle.enumerated() where fold(haystack[index + offset]) != byte {
      return false
    }
    return true
  }

  private func fold(_ byte: UInt8) -> UInt8 {
    ignoresCase && (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
  }
}
