import TerminalUI

/// The box under a triage list: a few labelled lines, then an error message wrapped at words,
/// line by line, with whatever does not fit cut at the bottom. The message comes from the
/// database: its spans are sanitized when drawn.
enum FailureDetail {
  static func draw(
    title: String, header: [[Span]], message: String, theme: Theme, in buffer: inout Buffer, area: Rect
  ) {
    let inner = Block(title: title).draw(in: &buffer, area: area, styles: theme.widgets)
    let text = inner.inset(left: 1, right: 1)
    let messageLines = message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      [Span(String(line), style: theme.error)]
    }
    let lines = header + (message.isEmpty ? [[Span("(no error message)", style: theme.dim)]] : messageLines)
    TextView(lines: lines, wrap: true, breaksAtWords: true).draw(in: &buffer, area: text)
  }
}
