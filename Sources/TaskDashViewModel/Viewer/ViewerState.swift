import Foundation
import TaskDashModel
import TaskDashStore

/// The content viewer: which artifact (or run document), where the screen is, and the content
/// loaded so far.
///
/// Content is read through effects in windows (`ViewerConfig.windowSize`) into a small cache;
/// the screen position is the byte offset of the top line, so nothing needs the whole
/// artifact or a count of its lines. Content up to `wholeDocumentLimit` is read in one
/// piece, and JSON of that size is re-indented. A search through larger content reads it in
/// pieces of `ViewerConfig.scanSize` into a cache of its own, two pieces at most. Memory
/// stays bounded whatever the size.
public struct ViewerState: Equatable, Sendable {
  /// What is read: an artifact (its metadata refreshed by `r`) or a run's document.
  public private(set) var subject: ViewerSubject
  /// How to present the content; nil until its first bytes arrive.
  public private(set) var kind: ContentKind?
  /// Whether the JSON on screen was re-indented (its lines are not the stored ones).
  public private(set) var isReindented = false
  /// Whether the UI wraps long lines.
  public private(set) var wraps = false
  /// Byte offset of the line at the top of the screen.
  public private(set) var top: Int64 = 0
  /// The search, once one was committed.
  public private(set) var search: ViewerSearch?
  /// Why content is missing, if it is.
  public private(set) var problem: ViewerProblem?

  let config: ViewerConfig
  private(set) var cache: ContentCache
  /// Windows asked for and not yet answered.
  private(set) var requested: Set<Int64> = []
  /// A movement waiting for content.
  private(set) var motion: ViewerMotion?
  /// Windows the current screen needs; eviction spares them.
  private var pinned: Set<Int64> = []
  /// The pieces a search of windowed content scans (nil until one scans, and after the search
  /// is cleared): a few large reads instead of one per window, because a read deep into a
  /// large value costs about the same whatever its length (PostgreSQL converts the text up to
  /// the window, SQLite walks the value's page chain).
  private(set) var scanCache: ContentCache?
  /// The piece asked for and not yet answered.
  private(set) var scanRequested: ContentRequest?
  private let isWhole: Bool

  /// Opens `artifact`; content arrives through `plan(rows:columns:)`'s requests.
  public init(artifact: ArtifactRow, config: ViewerConfig = ViewerConfig()) {
    self.init(subject: .artifact(artifact), config: config)
  }

  /// Opens `subject`; content arrives through `plan(rows:columns:)`'s requests.
  public init(subject: ViewerSubject, config: ViewerConfig = ViewerConfig()) {
    self.subject = subject
    self.config = config
    let length = max(0, subject.storedLength ?? 0)
    isWhole = length <= Int64(config.wholeDocumentLimit)
    cache =
      isWhole
      ? ContentCache(windowSize: Int(max(1, length)), length: length, capacity: 1)
      : ContentCache(windowSize: config.windowSize, length: length, capacity: config.cacheWindows)
    if length == 0 { kind = subject.kind(prefix: [], probe: config.binaryProbe) }
  }

  /// The artifact read, or nil for a run's document.
  public var artifact: ArtifactRow? {
    if case .artifact(let row) = subject { return row }
    return nil
  }

  // MARK: - What the UI shows

  /// The content's length in bytes (of the re-indented text, when re-indented).
  public var contentLength: Int64 { cache.length }

  /// Whether content windows are on their way.
  public var isLoading: Bool { !requested.isEmpty || scanRequested != nil }

  /// How much of the content a running search has looked through, from 0 to 1; nil when no
  /// search is running.
  public var searchProgress: Double? {
    guard case .search(let scan) = motion, cache.length > 0 else { return nil }
    let length = cache.length
    let covered =
      scan.forward
      ? (scan.wrapped ? length - scan.origin + scan.position : scan.position - scan.origin)
      : (scan.wrapped ? scan.origin + length - scan.position : scan.origin - scan.position)
    return min(1, max(0, Double(covered) / Double(length)))
  }

  /// Whether the content is read in windows (too large to read whole).
  public var isWindowed: Bool { !isWhole }

  /// How far down the top line is, from 0 to 1.
  public var position: Double {
    cache.length == 0 ? 1 : Double(top) / Double(cache.length)
  }

  /// The lines from the top that fill `rows` screen rows of `columns` cells.
  ///
  /// Fewer lines come back at the end of the content, or where a window is still loading.
  /// With wrapping on, a line's rows are estimated from its character count.
  public func lines(rows: Int, columns: Int) -> [ContentLine] {
    page(rows: rows, columns: columns).lines
  }

  // MARK: - Movement

  /// Scrolls by `count` lines (negative: up).
  mutating func scroll(lines count: Int) {
    motion = .lines(count)
  }

  /// Scrolls one page of `rows` screen rows down or up.
  mutating func scrollPage(down: Bool, rows: Int) {
    let rows = max(1, rows)
    motion = wraps ? .rows(down ? rows : -rows) : .lines(down ? rows : -rows)
  }

  /// Goes to the top of the content.
  mutating func goToStart() {
    motion = nil
    top = 0
  }

  /// Goes to the last page of the content.
  mutating func goToEnd() {
    motion = .end
  }

  /// Turns line wrapping on or off.
  mutating func toggleWrap() {
    wraps.toggle()
  }

  // MARK: - Search

  /// Searches for `query` from the top line down, wrapping around; empty clears the search.
  mutating func startSearch(_ query: String) {
    guard let matcher = ByteSearch(query: query) else {
      search = nil
      scanCache = nil
      if case .search = motion { motion = nil }
      return
    }
    search = ViewerSearch(query: query, status: .searching, currentMatch: nil, matcher: matcher)
    motion = .search(.init(forward: true, position: top, origin: top, wrapped: false))
  }

  /// Moves to the next (or previous) match after (before) the current one.
  mutating func findAgain(forward: Bool) {
    guard var search else { return }
    let position = forward ? search.currentMatch.map { $0 + 1 } ?? top : search.currentMatch ?? top
    search.status = .searching
    self.search = search
    motion = .search(.init(forward: forward, position: position, origin: position, wrapped: false))
  }

  // MARK: - Content

  /// Moves pending movements on and returns the content windows to read now.
  ///
  /// Call after every change; it asks for each window once, and nothing while a problem is
  /// shown (so a failing read is not retried in a loop; `retry()` clears the problem).
  mutating func plan(rows: Int, columns: Int) -> [ContentRequest] {
    guard problem == nil else { return [] }
    if !isWhole { cache.capacity = max(config.cacheWindows, windowsPerPage(rows: rows) + 2) }
    var wanted: [Int64] = []
    var piece: Int64?
    if kind == nil {
      if cache.length > 0 { wanted.append(0) }
    } else {
      switch runMotion(rows: rows, columns: columns) {
      case .window(let window): wanted.append(window)
      case .piece(let index): piece = index
      case nil: break
      }
      let page = page(rows: rows, columns: columns)
      pinPage(page.lines)
      if let window = page.missing { wanted.append(window) }
    }
    // A shorter screen lowers the capacity: let surplus windows go now.
    cache.evict(keeping: pinned)
    var requests: [ContentRequest] = []
    for window in wanted
    where window < cache.windowCount && !requested.contains(window) && !cache.contains(window) {
      requested.insert(window)
      requests.append(request(for: window))
    }
    // One piece at a time: the next is asked for once this one is scanned.
    if let piece, scanRequested == nil, let scanCache, piece < scanCache.windowCount, !scanCache.contains(piece) {
      let range = scanCache.range(of: piece)
      let request = ContentRequest(subject.source, offset: range.lowerBound, length: range.count)
      scanRequested = request
      requests.append(request)
    }
    return requests
  }

  /// Takes in a window of content that was asked for.
  mutating func receive(_ request: ContentRequest, bytes: [UInt8]) {
    guard request.source == subject.source else { return }
    if request == scanRequested {
      scanRequested = nil
      if let index = scanCache?.window(of: request.offset) { scanCache?.store(bytes, at: index, pinned: []) }
    }
    let window = cache.window(of: request.offset)
    guard request == self.request(for: window), requested.remove(window) != nil else { return }
    if kind == nil {
      kind = subject.kind(prefix: bytes, probe: config.binaryProbe)
      if isWhole, kind == .json, Int64(bytes.count) == cache.length, JSONReindenter.looksLikeJSON(bytes),
        let pretty = JSONReindenter.reindent(bytes, limit: config.reindentLimit)
      {
        cache = ContentCache(windowSize: max(1, pretty.count), length: Int64(pretty.count), capacity: 1)
        cache.store(pretty, at: 0, pinned: [])
        isReindented = true
        top = 0
        return
      }
    }
    cache.store(bytes, at: window, pinned: pinned)
    top = min(top, cache.length)
    if kind == .binary { top -= top % LineGeometry.hexWidth }
  }

  /// Notes that reading a window failed; nothing more is read until `retry()`.
  mutating func fail(_ request: ContentRequest, error: StoreError) {
    guard request.source == subject.source else { return }
    let window = cache.window(of: request.offset)
    let wasPiece = request == scanRequested
    if wasPiece { scanRequested = nil }
    let wasWindow = request == self.request(for: window) && requested.remove(window) != nil
    guard wasPiece || wasWindow else { return }
    problem = .failed(error)
    motion = nil
    if search?.status == .searching { search?.status = .stopped }
  }

  /// Takes in fresh metadata; a changed length means changed content, read again.
  mutating func receiveMetadata(_ row: ArtifactRow?) {
    guard let row else {
      problem = .vanished
      return
    }
    guard let artifact, row.id == artifact.id else { return }
    if row.contentLength != artifact.contentLength {
      let wraps = wraps
      self = ViewerState(artifact: row, config: config)
      self.wraps = wraps
    } else {
      subject = .artifact(row)
    }
  }

  /// Notes that reading the metadata failed.
  mutating func failMetadata(_ error: StoreError) {
    problem = .failed(error)
  }

  /// Clears a read failure so the content is asked for again.
  mutating func retry() {
    if case .failed = problem { problem = nil }
  }

  // MARK: - Private

  private var geometry: LineGeometry {
    LineGeometry(chunk: Int64(config.chunkSize), hex: kind == .binary)
  }

  private func request(for window: Int64) -> ContentRequest {
    let range = cache.range(of: window)
    return ContentRequest(subject.source, offset: range.lowerBound, length: range.count)
  }

  /// Windows one screen can span: each line is at most two chunks.
  private func windowsPerPage(rows: Int) -> Int {
    let bytes = Int64(max(rows, 1)) * 2 * Int64(config.chunkSize) + 4 * Int64(config.chunkSize)
    return Int(min(bytes / Int64(config.windowSize) + 2, 1 << 20))
  }

  private mutating func pinPage(_ lines: [ContentLine]) {
    let chunk = Int64(config.chunkSize)
    let end = lines.last.map { $0.offset + Int64($0.bytes.count) + 1 } ?? top
    let from = max(0, top - 3 * chunk - 8)
    let to = min(cache.length, end + 2 * chunk + 1)
    guard from < to else {
      pinned = []
      return
    }
    pinned = Set(cache.window(of: from)...cache.window(of: to - 1))
    for window in pinned.sorted() { cache.touch(window) }
  }

  private func page(rows: Int, columns: Int) -> (lines: [ContentLine], missing: Int64?) {
    guard kind != nil else { return ([], nil) }
    var lines: [ContentLine] = []
    var used = 0
    var position = top
    while used < rows, position < cache.length {
      switch geometry.nextStart(after: position, in: cache) {
      case .missing(let window):
        return (lines, window)
      case .at(let next):
        switch line(from: position, to: next) {
        case .missing(let window):
          return (lines, window)
        case .at:
          return (lines, nil)
        case .line(let line):
          lines.append(line)
          used += wraps ? estimatedRows(line.bytes, columns: columns) : 1
          position = next
        }
      }
    }
    return (lines, nil)
  }

  private enum LineLookup {
    case line(ContentLine)
    case missing(Int64)
    case at
  }

  private func line(from start: Int64, to end: Int64) -> LineLookup {
    guard start < end else { return .at }
    let hex = kind == .binary
    let lookup = cache.bytes(max(0, start - 1)..<end)
    guard case .bytes(var bytes) = lookup else {
      if case .missing(let window) = lookup { return .missing(window) }
      return .at
    }
    var isContinuation = false
    if start > 0 {
      isContinuation = !hex && bytes.first != UInt8(ascii: "\n")
      bytes.removeFirst()
    }
    if hex { return .line(ContentLine(offset: start, bytes: bytes, segments: [], isContinuation: false)) }
    if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
    return .line(
      ContentLine(
        offset: start, bytes: bytes, segments: segments(of: bytes, at: start), isContinuation: isContinuation))
  }

  private func segments(of bytes: [UInt8], at offset: Int64) -> [ContentSegment] {
    guard let search else { return [ContentSegment(String(decoding: bytes, as: UTF8.self))] }
    var result: [ContentSegment] = []
    var cursor = 0
    for match in search.matcher.allMatches(in: bytes) {
      if cursor < match.lowerBound {
        result.append(ContentSegment(String(decoding: bytes[cursor..<match.lowerBound], as: UTF8.self)))
      }
      let isCurrent = search.currentMatch == offset + Int64(match.lowerBound)
      result.append(
        ContentSegment(String(decoding: bytes[match], as: UTF8.self), highlight: isCurrent ? .currentMatch : .match))
      cursor = match.upperBound
    }
    if cursor < bytes.count || result.isEmpty {
      result.append(ContentSegment(String(decoding: bytes[cursor...], as: UTF8.self)))
    }
    return result
  }

  private func estimatedRows(_ bytes: [UInt8], columns: Int) -> Int {
    guard kind != .binary else { return 1 }
    let characters = bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    let columns = max(1, columns)
    return max(1, (characters + columns - 1) / columns)
  }

  // MARK: - Motions

  /// What a pending motion waits for: a window of the content cache, or a piece of the scan
  /// cache.
  private enum Need: Equatable {
    case window(Int64)
    case piece(Int64)
  }

  /// Carries the pending motion as far as loaded content allows; returns what it waits for.
  private mutating func runMotion(rows: Int, columns: Int) -> Need? {
    guard let current = motion else { return nil }
    switch current {
    case .lines(let count):
      return moveLines(count).map(Need.window)
    case .rows(let count):
      return moveRows(count, columns: columns).map(Need.window)
    case .end:
      guard cache.length > 0 else {
        top = 0
        motion = nil
        return nil
      }
      switch geometry.start(containing: cache.length - 1, in: cache) {
      case .missing(let window):
        return .window(window)
      case .at(let start):
        top = start
        let back = max(0, rows - 1)
        motion = back == 0 ? nil : wraps ? .rows(-back) : .lines(-back)
        return runMotion(rows: rows, columns: columns)
      }
    case .reveal(let offset):
      switch geometry.start(containing: offset, in: cache) {
      case .missing(let window):
        return .window(window)
      case .at(let start):
        top = start
        motion = nil
        return nil
      }
    case .search(let scan):
      return runSearch(scan, rows: rows, columns: columns)
    }
  }

  private mutating func moveLines(_ count: Int) -> Int64? {
    var remaining = count
    while remaining != 0 {
      let down = remaining > 0
      if !down, top == 0 { break }
      let step =
        down ? geometry.nextStart(after: top, in: cache) : geometry.previousStart(before: top, in: cache)
      switch step {
      case .missing(let window):
        motion = .lines(remaining)
        return window
      case .at(let start):
        if down, start >= cache.length {
          remaining = 0
        } else {
          top = start
          remaining += down ? -1 : 1
        }
      }
    }
    motion = nil
    return nil
  }

  private mutating func moveRows(_ count: Int, columns: Int) -> Int64? {
    var remaining = abs(count)
    let down = count > 0
    var moved = false
    while remaining > 0 {
      if !down, top == 0 { break }
      let step =
        down ? geometry.nextStart(after: top, in: cache) : geometry.previousStart(before: top, in: cache)
      guard case .at(let other) = step else {
        if case .missing(let window) = step {
          motion = .rows(down ? remaining : -remaining)
          return window
        }
        break
      }
      if down, other >= cache.length { break }
      let lookup = down ? line(from: top, to: other) : line(from: other, to: top)
      guard case .line(let passed) = lookup else {
        if case .missing(let window) = lookup {
          motion = .rows(down ? remaining : -remaining)
          return window
        }
        break
      }
      let cost = estimatedRows(passed.bytes, columns: columns)
      if moved, cost > remaining { break }
      top = other
      moved = true
      remaining -= cost
    }
    motion = nil
    return nil
  }

  private mutating func runSearch(_ scan: ViewerMotion.Scan, rows: Int, columns: Int) -> Need? {
    guard var search else {
      motion = nil
      return nil
    }
    var next = scan
    // The loaded windows first: the next match is often on or near the screen.
    var outcome = Self.scanOnce(scan, search.matcher, in: cache)
    var waitsForPiece = false
    if !isWhole, case .missing(_, let resume) = outcome {
      let pieces = scanCache ?? ContentCache(windowSize: config.scanSize, length: cache.length, capacity: 2)
      scanCache = pieces
      next.position = resume
      outcome = Self.scanOnce(next, search.matcher, in: pieces)
      waitsForPiece = true
    }
    switch outcome {
    case .found(let offset):
      search.currentMatch = offset
      search.status = .found(wrapped: scan.wrapped)
      self.search = search
      motion = .reveal(offset)
      return runMotion(rows: rows, columns: columns)
    case .notFound:
      guard !scan.wrapped else {
        search.status = .notFound
        self.search = search
        motion = nil
        return nil
      }
      next.wrapped = true
      next.position = scan.forward ? 0 : cache.length
      motion = .search(next)
      return runSearch(next, rows: rows, columns: columns)
    case .missing(let window, let resume):
      next.position = resume
      motion = .search(next)
      return waitsForPiece ? .piece(window) : .window(window)
    case .paused(let resume):
      next.position = resume
      motion = .search(next)
      return nil
    }
  }

  /// One bounded step of `scan` through what `source` holds.
  private static func scanOnce(_ scan: ViewerMotion.Scan, _ matcher: ByteSearch, in source: ContentCache)
    -> ByteSearch.Outcome
  {
    // One more window than the cache holds: a scan meets a missing window or finishes.
    let budget = source.capacity + 2
    return scan.forward
      ? matcher.forward(
        from: scan.position, until: scan.wrapped ? scan.origin : source.length, in: source, budget: budget)
      : matcher.backward(
        before: scan.position, downTo: scan.wrapped ? scan.origin : 0, in: source, budget: budget)
  }
}
