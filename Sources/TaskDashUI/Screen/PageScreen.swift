import Foundation
import TaskDashModel
import TaskDashViewModel
import TerminalUI

/// A run's or a task's page, full screen below the header: a title row, then its lines.
enum PageScreen {
  static func draw(_ page: PageState, now: Date, theme: Theme, in buffer: inout Buffer, area: Rect) {
    let (titleRow, body) = ScreenLayout.reader(area)
    let lines = page.lines(at: now) ?? []
    drawTitle(page, count: lines.count, rows: body.height, now: now, theme: theme, in: &buffer, area: titleRow)
    guard !lines.isEmpty else {
      let text: String =
        if let failure = page.data.failure { "cannot read this page (r retries): \(failure.error)" } else { "loading…" }
      _ = buffer.put(string: text, x: body.x + 1, y: body.y, style: theme.dim, maxWidth: body.width - 2, ellipsis: "…")
      return
    }
    let text = Rect(x: body.x + 1, y: body.y, width: max(0, body.width - 1), height: body.height)
    var view = TextView(
      lines: [], wrap: page.wraps, breaksAtWords: true, search: page.search?.query, matchStyle: theme.searchMatch)
    // Only the lines that can reach the screen are styled and sanitized.
    var report = TerminalText.Report()
    let mark = { (range: Range<Int>) in
      ViewerScreen.marked(lines[range].map { styled($0, theme: theme) }, theme: theme, report: &report)
    }
    var top = min(page.top, max(0, lines.count - 1))
    // The view-model scrolls by lines; after G, wrapped lines taller than a row would push the
    // end below the screen, so the end is drawn at the bottom.
    if page.wraps && page.atEnd {
      let tail = mark(max(0, lines.count - text.height)..<lines.count)
      var rows = 0
      var start = tail.count
      var tooTall: Int?
      while start > 0 {
        let height = view.rowCount(of: tail[start - 1], width: text.width)
        guard rows + height <= text.height else {
          tooTall = height
          break
        }
        rows += height
        start -= 1
      }
      top = min(max(top, lines.count - tail.count + start), lines.count - 1)
      // A line too tall for the rows left shows its end at the top, so no rows stay blank.
      if let tooTall, rows < text.height, top == lines.count - tail.count + start {
        top -= 1
        view.hiddenRows = tooTall - (text.height - rows)
      }
    }
    view.lines = mark(top..<min(lines.count, top + max(0, text.height)))
    view.draw(in: &buffer, area: text)
  }

  private static func styled(_ line: PageLine, theme: Theme) -> [Span] {
    switch line.role {
    case .title: [Span(line.text, style: theme.header)]
    case .heading: [Span(line.text, style: theme.title)]
    case .field(let label):
      [Span(label + "  ", style: theme.dim), Span(line.text, style: valueStyle(label, line.text, theme: theme))]
    case .text, .json: [Span("  " + line.text, style: theme.text)]
    case .note: [Span("  " + line.text, style: theme.dim)]
    case .error: [Span("  " + line.text, style: theme.error)]
    }
  }

  /// A status value keeps the colour it has in the panes.
  private static func valueStyle(_ label: String, _ value: String, theme: Theme) -> Style {
    guard label.hasPrefix("Status") else { return theme.text }
    if let status = RunStatus(rawValue: value) { return theme.look(.known(status)).style }
    if let status = TaskStatus(rawValue: value) { return theme.look(.known(status)).style }
    return theme.text
  }

  /// What the page is about at the left; stale marker, search and position at the right.
  private static func drawTitle(
    _ page: PageState, count: Int, rows: Int, now: Date, theme: Theme, in buffer: inout Buffer, area: Rect
  ) {
    let kind: String =
      switch page.subject {
      case .run: "Run"
      case .task: "Task"
      }
    var right: [Span] = []
    if page.data.isStale, let age = page.data.age(at: now) {
      right.append(Span("STALE " + DisplayFormat.duration(seconds: age.seconds) + "  ", style: theme.stale))
    }
    if let search = page.search {
      let state: String =
        switch search.status {
        case .found(let wrapped): wrapped ? "found (wrapped)" : "found"
        case .notFound: "not found"
        case .searching, .stopped: "…"
        }
      right.append(Span("/" + search.query + ": " + state + "  ", style: theme.dim))
    }
    if count > 0 {
      let bottom = min(count, page.top + max(1, rows))
      right.append(Span("\(bottom * 100 / count)% ", style: theme.dim))
    }
    let details = page.wraps ? "wrap" : ""
    StatusLine(
      left: [Span(" " + kind + ": " + page.title + " ", style: theme.title), Span(details, style: theme.dim)],
      right: right, style: theme.keyBar
    ).draw(in: &buffer, area: area)
  }
}
