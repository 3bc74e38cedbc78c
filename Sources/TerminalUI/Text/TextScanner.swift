/// What the scanner hands out: a segment of sanitized text, or the end of a line.
enum TextPiece: Hashable, Sendable {
  case segment(TerminalText.Segment)
  case lineBreak
}

/// The sanitizer itself: turns scalars into safe segments, lazily.
///
/// It reads its source only as far as the consumer pulls, so truncating a 10 MB line to a
/// table column reads a few hundred scalars. Safe scalars are gathered into chunks and cut
/// into grapheme clusters there, where each cluster gets its combining marks capped and a
/// dotted circle put under a mark that has no base.
struct TextScanner<Source: IteratorProtocol>: IteratorProtocol where Source.Element == DecodedScalar {
  /// Safe scalars gathered before they are cut into clusters; large enough that clusters
  /// rarely span two chunks, small enough to keep truncation lazy.
  private static var chunkScalars: Int { 1024 }

  private var source: Source
  private let lineBreaks: Bool
  private let lineLimit: Int
  /// What was marked or left out so far.
  private(set) var report = TerminalText.Report()

  /// Pending scalars as UTF-8, how many there are, and whether all are ASCII (the fast
  /// path: printable ASCII never joins into a larger cluster with printable ASCII).
  private var pending: [UInt8] = []
  private var pendingCount = 0
  private var pendingIsASCII = true
  private var output: [TextPiece] = []
  private var outputIndex = 0
  private var lineCount = 0
  private var skippingLine = false
  private var heldCarriageReturn = false
  private var exhausted = false
  /// The last cluster went out capped while more of it may follow: marks that still extend
  /// it are left out instead of starting over on a dotted circle.
  private var extendingCappedCluster = false

  /// A scanner over `source`.
  ///
  /// With `lineBreaks`, `\n` and `\r\n` end a line instead of becoming marks. At most
  /// `lineLimit` scalars of a line are read; the rest becomes one `…` mark.
  init(_ source: Source, lineBreaks: Bool, lineLimit: Int) {
    self.source = source
    self.lineBreaks = lineBreaks
    self.lineLimit = max(0, lineLimit)
  }

  mutating func next() -> TextPiece? {
    while outputIndex == output.count {
      if exhausted { return nil }
      output.removeAll(keepingCapacity: true)
      outputIndex = 0
      step()
    }
    defer { outputIndex += 1 }
    return output[outputIndex]
  }

  // MARK: - Reading

  private mutating func step() {
    guard let item = source.next() else {
      if heldCarriageReturn {
        heldCarriageReturn = false
        accept(.scalar("\r"))
      }
      flush(keepingLastCluster: false)
      exhausted = true
      return
    }
    if heldCarriageReturn {
      heldCarriageReturn = false
      if case .scalar("\n") = item {
        endLine()
        return
      }
      accept(.scalar("\r"))
    }
    if lineBreaks, case .scalar("\r") = item {
      heldCarriageReturn = true
      return
    }
    accept(item)
  }

  private mutating func accept(_ item: DecodedScalar) {
    if lineBreaks, case .scalar("\n") = item {
      endLine()
      return
    }
    if skippingLine { return }
    if lineCount >= lineLimit {
      emitMark(TerminalText.Segment("…", kind: .truncated))
      skippingLine = true
      // With no line to come after it, the rest of the input need not be read at all.
      if !lineBreaks { exhausted = true }
      return
    }
    lineCount += 1
    switch item {
    case .invalid:
      emitMark(TerminalText.Segment("\u{FFFD}", kind: .invalid))
    case .scalar(let scalar):
      if let mark = ScalarClass.mark(for: scalar) {
        emitMark(TerminalText.Segment(mark.text, kind: mark.kind))
      } else {
        if scalar.isASCII {
          pending.append(UInt8(scalar.value))
        } else {
          pendingIsASCII = false
          pending.append(contentsOf: scalar.utf8)
        }
        pendingCount += 1
        if pendingCount >= Self.chunkScalars { flush(keepingLastCluster: true) }
      }
    }
  }

  private mutating func endLine() {
    flush(keepingLastCluster: false)
    extendingCappedCluster = false
    output.append(.lineBreak)
    lineCount = 0
    skippingLine = false
  }

  private mutating func emitMark(_ segment: TerminalText.Segment) {
    flush(keepingLastCluster: false)
    extendingCappedCluster = false
    report.count(segment.kind)
    output.append(.segment(segment))
  }

  // MARK: - Clusters

  /// Cuts the pending scalars into clusters and emits them.
  ///
  /// When more input may follow, the last cluster stays pending since the next scalar may
  /// extend it, unless it already fills a whole chunk (a pile of marks): then it goes out
  /// capped, and the marks that follow it are counted and left out.
  private mutating func flush(keepingLastCluster: Bool) {
    guard pendingCount > 0 else { return }
    if pendingIsASCII {
      flushASCII(keepingLastCluster: keepingLastCluster)
      return
    }
    let text = String(decoding: pending, as: UTF8.self)
    pending.removeAll(keepingCapacity: true)
    pendingCount = 0
    pendingIsASCII = true
    var safe = ""
    var start = text.startIndex
    while start < text.endIndex {
      let end = text.index(after: start)
      let cluster = text.unicodeScalars[start..<end]
      let isLast = end == text.endIndex
      if keepingLastCluster && isLast {
        let count = cluster.count
        if count < Self.chunkScalars {
          for scalar in cluster { pending.append(contentsOf: scalar.utf8) }
          pendingCount = count
          pendingIsASCII = cluster.allSatisfy { $0.isASCII }
          break
        }
      }
      let base = cluster[cluster.startIndex]
      if extendingCappedCluster && ScalarClass.isCombiningMark(base) {
        report.droppedMarks += cluster.count
      } else {
        if cluster.index(after: cluster.startIndex) == end && !ScalarClass.isCombiningMark(base)
          && !ScalarClass.isConjoiningJamo(base)
        {
          // A lone scalar with a base of its own: nothing to cap, copied as it is.
          safe += text[start..<end]
        } else {
          appendCapped(cluster, to: &safe)
        }
        extendingCappedCluster = false
      }
      if keepingLastCluster && isLast { extendingCappedCluster = true }
      start = end
    }
    emitText(&safe)
  }

  /// Emits pending printable ASCII as it is; the last character stays pending when more
  /// input may follow, since a combining mark may come next.
  private mutating func flushASCII(keepingLastCluster: Bool) {
    let end = keepingLastCluster ? pending.count - 1 : pending.count
    if end > 0 {
      output.append(.segment(TerminalText.Segment(String(decoding: pending[..<end], as: UTF8.self))))
    }
    pending.removeFirst(end)
    pendingCount = pending.count
    extendingCappedCluster = false
  }

  /// Appends one cluster, capped, to `safe`.
  private mutating func appendCapped(_ cluster: Substring.UnicodeScalarView, to safe: inout String) {
    var hasBase = false
    var scalars = 0
    var marks = 0
    for scalar in cluster {
      let isMark = ScalarClass.isCombiningMark(scalar)
      if !hasBase {
        if isMark {
          // A mark with nothing to sit on would draw over the previous cell.
          safe.unicodeScalars.append("\u{25CC}")
          scalars = 1
        } else if ScalarClass.isConjoiningJamo(scalar) {
          emitText(&safe)
          report.count(.invisible)
          output.append(.segment(TerminalText.Segment(ScalarClass.codePoint(scalar.value), kind: .invisible)))
          continue
        }
        hasBase = true
      } else if scalars >= TerminalText.maxClusterScalars || (isMark && marks >= TerminalText.maxCombiningMarks) {
        report.droppedMarks += 1
        continue
      }
      safe.unicodeScalars.append(scalar)
      scalars += 1
      if isMark { marks += 1 }
    }
  }

  private mutating func emitText(_ safe: inout String) {
    guard !safe.isEmpty else { return }
    output.append(.segment(TerminalText.Segment(safe)))
    safe = ""
  }
}
