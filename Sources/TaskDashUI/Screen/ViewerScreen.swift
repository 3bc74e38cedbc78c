import Foundation
import TaskDashViewModel
import TerminalUI

/// The artifact viewer, full screen below the header: a title row, then the content.
enum ViewerScreen {
  static func draw(_ viewer: ViewerState, theme: Theme, in buffer: inout Buffer, area: Rect) {
    let (titleRow, body) = area.splitTop(1)
    let lines = viewer.problem == nil ? viewer.lines(rows: body.height, columns: body.width) : []
    let marks = viewer.kind == .binary ? "" : marksReport(lines).summary
    StatusLine(
      left: title(viewer, marks: marks, theme: theme), right: position(viewer, theme: theme), style: theme.keyBar
    )
    .draw(in: &buffer, area: titleRow)
    if let problem = viewer.problem {
      let text: String =
        switch problem {
        case .failed(let error): "cannot read this artifact: \(error)  (r retries)"
        case .vanished: "this artifact was deleted"
        }
      _ = buffer.put(string: text, x: body.x + 1, y: body.y, style: theme.errorBanner, maxWidth: body.width - 2)
      return
    }
    if lines.isEmpty {
      let text = viewer.isLoading ? "loading…" : (viewer.contentLength == 0 ? "(no text content)" : "")
      _ = buffer.put(string: text, x: body.x + 1, y: body.y, style: theme.dim, maxWidth: body.width - 2)
      return
    }
    TextView(lines: styled(lines, kind: viewer.kind ?? .plain, theme: theme), wrap: viewer.wraps)
      .draw(in: &buffer, area: body)
  }

  /// What sanitizing the lines on screen found: controls, bidi and invisible characters,
  /// invalid UTF-8. The viewer says so, since a mark in a long line is easy to miss.
  static func marksReport(_ lines: [ContentLine]) -> TerminalText.Report {
    var total = TerminalText.Report()
    for line in lines {
      let report = TerminalText.scan(bytes: line.bytes, lineBreaks: false).report
      total.controls += report.controls
      total.bidi += report.bidi
      total.invisible += report.invisible
      total.invalid += report.invalid
      total.droppedMarks += report.droppedMarks
      total.truncatedLines += report.truncatedLines
    }
    return total
  }

  private static func title(_ viewer: ViewerState, marks: String, theme: Theme) -> [Span] {
    let artifact = viewer.artifact
    var parts = [
      artifact.artifactType.rawValue, DisplayFormat.bytes(viewer.contentLength),
      (viewer.kind?.rawValue ?? "…") + (viewer.isReindented ? " (pretty-printed)" : ""),
    ]
    if viewer.wraps { parts.append("wrap") }
    if !marks.isEmpty { parts.append(marks + " on screen") }
    return [
      Span(" " + artifact.name + " ", style: theme.title), Span(parts.joined(separator: " · "), style: theme.dim),
    ]
  }

  private static func position(_ viewer: ViewerState, theme: Theme) -> [Span] {
    var spans: [Span] = []
    if let search = viewer.search {
      let status: String =
        switch search.status {
        case .searching: "searching…"
        case .found(let wrapped): wrapped ? "found (wrapped)" : "found"
        case .notFound: "not found"
        case .stopped: "search stopped"
        }
      spans.append(Span("/" + search.query + " " + status + "  ", style: theme.dim))
    }
    spans.append(Span("\(Int((viewer.position * 100).rounded()))% ", style: theme.text))
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
