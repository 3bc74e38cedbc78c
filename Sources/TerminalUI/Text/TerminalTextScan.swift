extension TerminalText {
  /// Sanitized text split into lines of segments, with the report of what was marked.
  public struct Scan: Hashable, Sendable {
    /// Lines of segments; a single-line scan has exactly one line.
    public var lines: [[Segment]]
    /// What sanitizing found.
    public var report: Report

    /// Creates a scan result.
    public init(lines: [[Segment]], report: Report) {
      self.lines = lines
      self.report = report
    }

    /// Each line as one string, marks included.
    public var lineTexts: [String] {
      lines.map { $0.reduce(into: "") { $0 += $1.text } }
    }
  }
}
