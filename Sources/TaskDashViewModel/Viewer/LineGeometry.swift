/// Where display lines start in an artifact's content, computed from nearby bytes only.
///
/// Text lines end after each `\n`. So that a 10 MB line never reaches the renderer whole,
/// a line is also cut at every multiple `a` of `chunk` that has no `\n` in the `chunk`
/// bytes before it — only lines longer than `chunk` are cut, and every display line is at
/// most `2·chunk` bytes. The cut moves back over up to three UTF-8 continuation bytes, so
/// it does not split a character. Because the rule looks only at the bytes around a
/// position, line starts can be found forwards or backwards from anywhere, with a bounded
/// amount of content loaded; a window is asked for only when the answer depends on it.
/// Binary content shows 16 bytes per line.
struct LineGeometry: Equatable, Sendable {
  /// A line start, or the window that must be loaded to find it.
  enum Step: Equatable {
    case at(Int64)
    case missing(Int64)
  }

  /// Bytes per hex dump line.
  static let hexWidth: Int64 = 16

  let chunk: Int64
  let hex: Bool

  /// The start of the line after the one starting at `start`, or the content's length.
  func nextStart(after start: Int64, in cache: ContentCache) -> Step {
    let length = cache.length
    guard start < length else { return .at(length) }
    if hex { return .at(min(length, start - start % Self.hexWidth + Self.hexWidth)) }
    let lower = start - start % chunk
    let upper = min(length, start + 2 * chunk + 1)
    let run: ContentCache.Run
    switch cache.run(lower..<upper, around: start) {
    case .failure(let missing): return .missing(missing.window)
    case .success(let loaded): run = loaded
    }
    var newlineStart: Int64?
    if let index = run.bytes[Int(start - run.base)...].firstIndex(of: Self.newline) {
      newlineStart = run.base + Int64(index) + 1
    }
    // Cuts before the newline (or before the end of what is loaded) come first.
    let horizon = min(newlineStart ?? run.end, length)
    var aligned = lower + chunk
    while aligned < horizon {
      if aligned - chunk < run.base { return .missing(cache.window(of: run.base - 1)) }
      if let cut = cut(at: aligned, in: run), cut > start { return .at(cut) }
      aligned += chunk
    }
    if let newlineStart { return .at(newlineStart) }
    // No line is longer than 2·chunk, so a loaded stretch reaching `upper` has decided.
    return run.end >= upper ? .at(upper) : .missing(cache.window(of: run.end))
  }

  /// The start of the line holding byte `offset` (the last line for offsets past the end).
  func start(containing offset: Int64, in cache: ContentCache) -> Step {
    let length = cache.length
    guard length > 0 else { return .at(0) }
    let offset = min(max(0, offset), length - 1)
    if hex { return .at(offset - offset % Self.hexWidth) }
    // A display line is at most 2·chunk bytes, and a cut looks `chunk` bytes further back.
    let lower = max(0, offset - 3 * chunk - 8)
    let upper = min(length, offset + 4)
    let run: ContentCache.Run
    switch cache.run(lower..<upper, around: offset) {
    case .failure(let missing): return .missing(missing.window)
    case .success(let loaded): run = loaded
    }
    var newlineStart: Int64?
    if let index = run.bytes[..<Int(offset - run.base)].lastIndex(of: Self.newline) {
      newlineStart = run.base + Int64(index) + 1
    } else if run.base == 0 {
      newlineStart = 0
    }
    let floor = newlineStart ?? 0
    var aligned = (offset + 3) - (offset + 3) % chunk
    while aligned > floor {
      if aligned - chunk < run.base { break }
      if aligned < length {
        if aligned >= run.end { return .missing(cache.window(of: run.end)) }
        if let cut = cut(at: aligned, in: run), cut <= offset { return .at(cut) }
      }
      aligned -= chunk
    }
    if let newlineStart { return .at(newlineStart) }
    // Every line start lies within 2·chunk + 3 bytes, so a stretch from `lower` has decided.
    return run.base <= lower ? .at(lower) : .missing(cache.window(of: run.base - 1))
  }

  /// The start of the line before the one starting at `start` (0 stays 0).
  func previousStart(before start: Int64, in cache: ContentCache) -> Step {
    start <= 0 ? .at(0) : self.start(containing: start - 1, in: cache)
  }

  // MARK: - Private

  private static let newline = UInt8(ascii: "\n")

  /// Where the line is cut at multiple `aligned`, or nil when a `\n` comes within `chunk`
  /// bytes before it. `run` holds `aligned - chunk ... aligned`.
  private func cut(at aligned: Int64, in run: ContentCache.Run) -> Int64? {
    let end = Int(aligned - run.base)
    if run.bytes[(end - Int(chunk))..<end].contains(Self.newline) { return nil }
    var cut = end
    // Step back off UTF-8 continuation bytes (10xxxxxx), at most three.
    for _ in 0..<3 where cut < run.bytes.count && run.bytes[cut] & 0xC0 == 0x80 {
      cut -= 1
    }
    return run.base + Int64(cut)
  }
}
