import Foundation
import TaskDashViewModel
import TerminalUI

/// The artifact viewer, full screen below the header: a title row, then the content.
enum ViewerScreen {
  static func draw(_ viewer: ViewerState, theme: Theme, in buffer: inout Buffer, area: Rect) {
    let (titleRow, body) = ScreenLayout.reader(area)
    let lines = viewer.problem == nil ? viewer.lines(rows: body.height, columns: body.width) : []
    var report = TerminalText.Report()
    let content = marked(styled(lines, kind: viewer.kind ?? .plain, theme: theme), theme: theme, report: &report)
    drawTitle(viewer, shown: lines, report: report, theme: theme, in: &buffer, area: titleRow)
    if let problem = viewer.problem {
      let text: String =
        switch problem {
        // The way out first: the error may be long enough to be cut.
        case .failed(let error):
          "cannot read this \(viewer.artifact == nil ? "document" : "artifact") (r retries): \(error)"
        case .vanished: "this artifact was deleted"
        }
      _ = buffer.put(
        string: text, x: body.x + 1, y: body.y, style: theme.errorBanner, maxWidth: body.width - 2, ellipsis: "…")
      return
    }
    if lines.isEmpty {
      let text = viewer.isLoading ? "loading…" : (viewer.contentLength == 0 ? "(no text content)" : "")
      _ = buffer.put(string: text, x: body.x + 1, y: body.y, style: theme.dim, maxWidth: body.width - 2)
      return
    }
    TextView(lines: content, wrap: viewer.wraps).draw(in: &buffer, area: body)
  }

  /// The name and what the content is at the left; marks found, search and position at the
  /// right, whole: the name is shortened to leave them room.
  private static func drawTitle(
    _ viewer: ViewerState, shown: [ContentLine], report: TerminalText.Report, theme: Theme,
    in buffer: inout Buffer, area: Rect
  ) {
    let subject = viewer.subject
    var parts = [
      // The stored size: re-indented JSON on screen is longer than what the database holds.
      subject.typeLabel, DisplayFormat.bytes(subject.storedLength ?? viewer.contentLength),
      (viewer.kind?.rawValue ?? "…") + (viewer.isReindented ? " (pretty-printed)" : ""),
    ]
    if viewer.wraps { parts.append("wrap") }
    let details = Span(parts.joined(separator: " · "), style: theme.dim)
    var right = position(viewer, shown: shown, theme: theme)
    // Hidden combining marks count too: the text on screen is not all the artifact holds.
    let marks = report.markCount + report.droppedMarks
    if marks > 0 {
      let count = "⚠ \(marks) mark" + (marks == 1 ? "" : "s") + "  "
      right.insert(Span(count, style: theme.stale), at: 0)
    }
    let width = { (spans: [Span]) in spans.reduce(0) { $0 + TerminalText.displayWidth($1.text) } }
    let nameRoom = area.width - width(right) - 1 - width([details]) - 2
    let name = nameRoom >= 8 ? TerminalText.truncate(subject.name, toWidth: nameRoom) : subject.name
    StatusLine(left: [Span(" " + name + " ", style: theme.title), details], right: right, style: theme.keyBar)
      .draw(in: &buffer, area: area)
  }

  /// Spans split where the sanitizer puts marks, so that a mark never passes for text the
  /// artifact holds (a real ESC and the four characters `\x1b` look the same otherwise);
  /// `report` adds up what the lines on screen held.
  static func marked(_ lines: [[Span]], theme: Theme, report: inout TerminalText.Report) -> [[Span]] {
    lines.map { line in
      line.flatMap { span -> [Span] in
        let scan = TerminalText.scan(span.text, lineBreaks: false)
        guard !scan.report.isClean else { return [span] }
        report.controls += scan.report.controls
        report.bidi += scan.report.bidi
        report.invisible += scan.report.invisible
        report.invalid += scan.report.invalid
        report.droppedMarks += scan.report.droppedMarks
        report.truncatedLines += scan.report.truncatedLines
        return Span.spans(scan.lines.first ?? [], style: span.style, markStyle: theme.mark)
      }
    }
  }

  /// The search's state, then how far through the content the bottom of the screen is, as
  /// `less` counts: 100% once the last line is on screen.
  private static func position(_ viewer: ViewerState, shown: [ContentLine], theme: Theme) -> [Span] {
    var spans: [Span] = []
    if let search = viewer.search {
      let status: String =
        switch search.status {
        case .searching: viewer.searchProgress.map { "searching… \(Int($0 * 100))%" } ?? "searching…"
        case .found(let wrapped): wrapped ? "found (wrapped)" : "found"
        case .notFound: "not found"
        case .stopped: "search stopped"
        }
      spans.append(Span("/" + search.query + " " + status + "  ", style: theme.dim))
    }
    let length = viewer.contentLength
    let fraction =
      if let last = shown.last, length > 0 {
        // A line's bytes leave out its line break: the next line starts one byte later.
        min(1, Double(last.offset + Int64(last.bytes.count) + 1) / Double(length))
      } else {
        viewer.position
      }
    spans.append(Span("\(Int((fraction * 100).rounded(.down)))% ", style: theme.text))
    return spans
  }

  /// Roles from the kind's formatter; search highlights win over roles on the lines they touch.
  static func styled(_ lines: [ContentLine], kind: ContentKind, theme: Theme) -> [[Span]] {
    var inCode = false
    return lines.map { line in
      if kind == .binary {
        return HexFormatter().format(line.bytes, offset: line.offset).first.map { spans($0, theme) } ?? []
      }
      if line.segments.contains(where: { $0.highlight != .none }) {
        return line.segments.map { segment in
          let style: Style =
            switch segment.highlight {
            case .none: theme.text
            case .match: theme.searchMatch
            case .currentMatch:
              Style(foreground: .default, background: .default, bold: true, reverse: true, underline: true)
            }
          return Span(segment.text, style: style)
        }
      }
      let text = Substring(line.text)
      let formatted: ViewerLine =
        switch kind {
        case .markdown: MarkdownFormatter().format([text], inCodeBlock: &inCode)[0]
        case .json: JSONLineStyler().format(text)
        case .log: LogFormatter().format(text)
        case .csv, .yaml, .plain, .binary: ViewerLine(String(text))
        }
      return spans(formatted, theme)
    }
  }

  private static func spans(_ line: ViewerLine, _ theme: Theme) -> [Span] {
    line.spans.map { Span($0.text, style: ViewerPalette.style($0.role, theme: theme)) }
  }
}
