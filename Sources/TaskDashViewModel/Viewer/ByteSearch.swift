import Foundation

/// Finds a search text in artifact content, window by window.
///
/// Matching is on UTF-8 bytes with smart case: a query without capital letters ignores ASCII
/// case. A match may straddle two windows. Each call scans at most `budget` windows, so one
/// message never does unbounded work; a missing window is reported for fetching. Candidates
/// for a forward match are found with `memchr`, so a scan through a 100 MB artifact costs
/// little CPU even in a debug build.
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
    haystack.withUnsafeBufferPointer { buffer in
      needle.withUnsafeBufferPointer { needle in firstMatch(needle, in: buffer, starts: starts) }
    }
  }

  /// The last match in `haystack` starting in `starts`.
  func lastMatch(in haystack: [UInt8], starts: Range<Int>) -> Int? {
    haystack.withUnsafeBufferPointer { buffer in
      needle.withUnsafeBufferPointer { needle in
        let lower = max(0, starts.lowerBound)
        var index = min(starts.upperBound, buffer.count - needle.count + 1) - 1
        let (first, other) = firstBytes
        while index >= lower {
          let byte = buffer[index]
          if byte == first || byte == other, matches(needle, in: buffer, at: index) { return index }
          index -= 1
        }
        return nil
      }
    }
  }

  /// Every match in `haystack`, left to right, not overlapping.
  func allMatches(in haystack: [UInt8]) -> [Range<Int>] {
    haystack.withUnsafeBufferPointer { buffer in
      needle.withUnsafeBufferPointer { needle in
        var result: [Range<Int>] = []
        var index = 0
        while let found = firstMatch(needle, in: buffer, starts: index..<buffer.count) {
          result.append(found..<(found + needle.count))
          index = found + needle.count
        }
        return result
      }
    }
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
        // A match wholly inside this window comes before any that runs into the next one.
        if case .bytes(let haystack) = cache.bytes(position..<end),
          let index = firstMatch(in: haystack, starts: 0..<haystack.count)
        {
          return .found(position + Int64(index))
        }
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

  /// The first match starting in `starts`: `memchr` finds the next byte that can begin one,
  /// in each case that byte may take, and each is looked for again only once passed.
  private func firstMatch(
    _ needle: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>, starts: Range<Int>
  ) -> Int? {
    let upper = min(starts.upperBound, buffer.count - needle.count + 1)
    let lower = max(0, starts.lowerBound)
    guard lower < upper, let base = buffer.baseAddress else { return nil }
    let (first, other) = firstBytes
    func next(_ byte: UInt8, from start: Int) -> Int {
      guard start < upper, let found = memchr(base + start, Int32(byte), upper - start) else { return upper }
      return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
    var nextFirst = next(first, from: lower)
    var nextOther = other == first ? upper : next(other, from: lower)
    while true {
      let candidate = min(nextFirst, nextOther)
      guard candidate < upper else { return nil }
      if matches(needle, in: buffer, at: candidate) { return candidate }
      if nextFirst == candidate { nextFirst = next(first, from: candidate + 1) }
      if nextOther == candidate { nextOther = next(other, from: candidate + 1) }
    }
  }

  /// The bytes a match can begin with: the needle's first, and its capital when case is
  /// ignored (the same byte twice otherwise).
  private var firstBytes: (UInt8, UInt8) {
    let first = needle[0]
    let isLetter = ignoresCase && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
    return (first, isLetter ? first & ~0x20 : first)
  }

  private func matches(_ needle: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>, at index: Int)
    -> Bool
  {
    guard index >= 0, index + needle.count <= buffer.count else { return false }
    var offset = 0
    while offset < needle.count {
      var byte = buffer[index + offset]
      if ignoresCase, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte |= 0x20 }
      if byte != needle[offset] { return false }
      offset += 1
    }
    return true
  }
}
