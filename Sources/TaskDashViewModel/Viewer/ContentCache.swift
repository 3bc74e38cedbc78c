/// The loaded windows of one artifact's content, at most `capacity` of them.
///
/// Window `k` holds bytes `k·windowSize ..< (k+1)·windowSize`. When a new window would go
/// past the capacity, the least recently used window that is not pinned (on screen) goes.
struct ContentCache: Equatable, Sendable {
  /// Bytes from a range, or the first window of it that is not loaded.
  enum Lookup: Equatable {
    case bytes([UInt8])
    case missing(Int64)
  }

  /// The loaded bytes around a position: `bytes` start at offset `base`.
  struct Run: Equatable {
    var base: Int64
    var bytes: [UInt8]

    /// The offset just past the last byte.
    var end: Int64 { base + Int64(bytes.count) }
  }

  let windowSize: Int
  /// The content's length; shrinks when the store returns less than expected.
  private(set) var length: Int64
  private(set) var windows: [Int64: [UInt8]] = [:]
  /// Window indices, least recently used first.
  private var recency: [Int64] = []
  var capacity: Int

  init(windowSize: Int, length: Int64, capacity: Int) {
    self.windowSize = max(1, windowSize)
    self.length = max(0, length)
    self.capacity = max(1, capacity)
  }

  /// How many windows the content spans.
  var windowCount: Int64 {
    length == 0 ? 0 : (length - 1) / Int64(windowSize) + 1
  }

  /// The window holding byte `offset`.
  func window(of offset: Int64) -> Int64 {
    offset / Int64(windowSize)
  }

  /// The byte range window `index` covers.
  func range(of index: Int64) -> Range<Int64> {
    let start = index * Int64(windowSize)
    return min(start, length)..<min(length, start + Int64(windowSize))
  }

  func contains(_ index: Int64) -> Bool {
    windows[index] != nil
  }

  /// Stores window `index`; a short window means the content ended there.
  mutating func store(_ bytes: [UInt8], at index: Int64, pinned: Set<Int64>) {
    let expected = range(of: index)
    guard !expected.isEmpty else { return }
    var bytes = bytes
    if bytes.count < expected.count {
      length = expected.lowerBound + Int64(bytes.count)
      for stale in windows.keys where stale > index { forget(stale) }
    } else if bytes.count > expected.count {
      bytes.removeLast(bytes.count - expected.count)
    }
    guard !bytes.isEmpty else { return }
    windows[index] = bytes
    touch(index)
    evict(keeping: pinned.union([index]))
  }

  /// Marks window `index` as just used.
  mutating func touch(_ index: Int64) {
    guard windows[index] != nil else { return }
    recency.removeAll { $0 == index }
    recency.append(index)
  }

  /// Drops windows past the capacity, least recently used first, sparing `pinned` ones.
  mutating func evict(keeping pinned: Set<Int64>) {
    while windows.count > capacity {
      guard let victim = recency.first(where: { !pinned.contains($0) }) ?? recency.first else { return }
      forget(victim)
    }
  }

  /// The bytes of `range` (clamped to the content), or the first missing window.
  func bytes(_ range: Range<Int64>) -> Lookup {
    let lower = max(0, range.lowerBound)
    let upper = min(length, range.upperBound)
    guard lower < upper else { return .bytes([]) }
    var result: [UInt8] = []
    result.reserveCapacity(Int(upper - lower))
    var index = window(of: lower)
    while index * Int64(windowSize) < upper {
      guard let bytes = windows[index] else { return .missing(index) }
      let start = index * Int64(windowSize)
      let from = Int(max(lower, start) - start)
      let to = Int(min(upper, start + Int64(bytes.count)) - start)
      if from < to { result.append(contentsOf: bytes[from..<to]) }
      index += 1
    }
    return .bytes(result)
  }

  /// The longest loaded stretch of `range` (clamped to the content) that holds `anchor`,
  /// or the window of `anchor` when that is not loaded.
  func run(_ range: Range<Int64>, around anchor: Int64) -> Result<Run, Missing> {
    let lower = max(0, range.lowerBound)
    let upper = min(length, range.upperBound)
    let home = window(of: anchor)
    guard windows[home] != nil else { return .failure(Missing(window: home)) }
    guard lower < upper else { return .success(Run(base: lower, bytes: [])) }
    var first = home
    while first > window(of: lower), windows[first - 1] != nil { first -= 1 }
    var last = home
    while last < window(of: upper - 1), windows[last + 1] != nil { last += 1 }
    let base = max(lower, first * Int64(windowSize))
    let end = min(upper, self.range(of: last).upperBound)
    guard case .bytes(let loaded) = self.bytes(base..<end) else { return .failure(Missing(window: home)) }
    return .success(Run(base: base, bytes: loaded))
  }

  /// A window that must be loaded before an answer can be given.
  struct Missing: Error, Equatable {
    var window: Int64
  }

  private mutating func forget(_ index: Int64) {
    windows[index] = nil
    recency.removeAll { $0 == index }
  }
}
