extension TerminalText {
  /// What sanitizing found: how many marks of each kind it put in, and what it left out.
  ///
  /// The artifact viewer shows these counts so that a reader knows a text held control,
  /// bidirectional or invisible characters.
  public struct Report: Hashable, Sendable {
    /// Control characters shown as marks (C0, DEL, C1, line and paragraph separators).
    public var controls = 0
    /// Bidirectional controls shown as marks.
    public var bidi = 0
    /// Invisible format characters shown as marks.
    public var invisible = 0
    /// Malformed UTF-8 sequences shown as U+FFFD.
    public var invalid = 0
    /// Combining marks left out beyond the per-character cap.
    public var droppedMarks = 0
    /// Lines cut at the length limit.
    public var truncatedLines = 0

    /// An empty report.
    public init() {}

    /// Every mark put in for a character of the data.
    public var markCount: Int { controls + bidi + invisible + invalid }

    /// Whether the text passed through unchanged.
    public var isClean: Bool { markCount == 0 && droppedMarks == 0 && truncatedLines == 0 }

    /// A one-line account such as "2 control, 1 bidi marks shown"; empty when clean.
    public var summary: String {
      let marks = [(controls, "control"), (bidi, "bidi"), (invisible, "invisible"), (invalid, "invalid UTF-8")]
        .filter { $0.0 > 0 }
        .map { "\($0.0) \($0.1)" }
      var parts: [String] = []
      if !marks.isEmpty {
        parts.append(marks.joined(separator: ", ") + (markCount == 1 ? " mark shown" : " marks shown"))
      }
      if droppedMarks > 0 { parts.append("\(droppedMarks) combining marks hidden") }
      if truncatedLines > 0 { parts.append("\(truncatedLines) long lines cut") }
      return parts.joined(separator: "; ")
    }

    mutating func count(_ kind: Segment.Kind) {
      switch kind {
      case .control: controls += 1
      case .bidi: bidi += 1
      case .invisible: invisible += 1
      case .invalid: invalid += 1
      case .truncated: truncatedLines += 1
      case .text: break
      }
    }
  }
}
