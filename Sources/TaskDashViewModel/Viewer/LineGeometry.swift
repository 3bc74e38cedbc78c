/// Where display lines start in an artifact's content, computed from nearby bytes only.
///
/// Text lines end after each `\n`. So that a 10 MB line never reaches the renderer whole,
/// a line is also cut at every multiple `a` of `chunk` that has no `\n` in the `chunk`
/// bytes before it — only lines longer than `chunk` are cut, and every display line is at
/// most `2·chunk` bytes. The cut moves back over up to three UTF-8 continuation bytes, so
/// it does not split a character. Because the rule looks only at the bytes around a
/// position, line starts can be found forwards or backwards from anywhere, with a bounded
/// amount of content loaded. Binary content shows 16 bytes per line.
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
    let buffer: [UInt8]
    switch cache.bytes(lower..<upper) {
    case .missing(let window): return .missing(window)
    case .bytes(let bytes): buffer = bytes
    }
    var best = upper
    if let newline = buffer[Int(start - lower)...].firstIndex(of: Self.newline) {
      best = min(best, lower + Int64(newline) + 1)
    }
    var aligned = lower + chunk
    while aligned < best, aligned < length {
      if let cut = cut(at: aligned, in: buffer, from: lower), cut > start {
        best = min(best, cut)
        break
      }
      aligned += chunk
    }
    return .at(best)
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
    let buffer: [UInt8]
    switch cache.bytes(lower..<upper) {
    case .missing(let window): return .missing(window)
    case .bytes(let bytes): buffer = bytes
    }
    var best: Int64 = 0
    if let newline = buffer[..<Int(offset - lower)].lastIndex(of: Self.newline) {
      best = lower + Int64(newline) + 1
    }
    var aligned = (offset + 3) - (offset + 3) % chunk
    while aligned > best, aligned - chunk >= lower {
      if aligned < length, let cut = cut(at: aligned, in: buffer, from: lower), cut <= offset {
        best = max(best, cut)
        break
      }
      aligned -= chunk
    }
    return .at(best)
  }

  /// The start of the line before the one starting at `start` (0 stays 0).
  func previousStart(before start: Int64, in cache: ContentCache) -> Step {
    start <= 0 ? .at(0) : self.start(containing: start - 1, in: cache)
  }

  // MARK: - Private

  private static let newline = UInt8(ascii: "\n")

  /// Where the line is cut at multiple `aligned`, or nil when a `\n` comes within `chunk`
  /// bytes before it. `buffer` starts at `base` and holds `aligned - chunk ... aligned`.
  private func cut(at aligned: Int64, in buffer: [UInt8], from base: Int64) -> Int64? {
    let end = Int(aligned - base)
    if buffer[(end - Int(chunk))..<end].contains(Self.newline) { return nil }
    var cut = end
    // Step back off UTF-8 continuation bytes (10xxxxxx), at most three.
    for _ in 0..<3 where cut < buffer.count && buffer[cut] & 0xC0 == 0x80 {
      cut -= 1
    }
    return base + Int64(cut)
  }
}
