import Foundation
import TaskDashModel
import TaskDashViewModel
import TerminalUI

/// A run comparison, full screen below the header: a title row, then its lines with the
/// older run's values on the left and the newer run's on the right.
enum CompareScreen {
  /// The width of the change column ("+1m05s (+12%)").
  static let changeWidth = 15

  static func draw(_ compare: CompareState, now: Date, theme: Theme, in buffer: inout Buffer, area: Rect) {
    let (titleRow, body) = ScreenLayout.reader(area)
    drawTitle(compare, rows: body.height, now: now, theme: theme, in: &buffer, area: titleRow)
    guard !compare.lines.isEmpty else {
      let text: String =
        if let failure = compare.data.failure { "cannot read these runs (r retries): \(failure.error)" } else {
          "loading…"
        }
      _ = buffer.put(string: text, x: body.x + 1, y: body.y, style: theme.dim, maxWidth: body.width - 2, ellipsis: "…")
      return
    }
    let columns = Columns(width: body.width - 1)
    let top = min(compare.top, max(0, compare.lines.count - 1))
    for (row, line) in compare.lines.dropFirst(top).prefix(max(0, body.height)).enumerated() {
      draw(line, columns: columns, theme: theme, in: &buffer, x: body.x + 1, y: body.y + row)
    }
  }

  /// Where a row's four cells start and how wide they are, for a text area `width` cells wide.
  struct Columns {
    let label: Int
    let value: Int
    let change: Int

    init(width: Int) {
      let width = max(0, width)
      change = CompareScreen.changeWidth
      label = min(28, max(8, width / 4))
      value = max(1, (width - label - change - 3) / 2)
    }
  }

  private static func draw(_ line: CompareLine, columns: Columns, theme: Theme, in buffer: inout Buffer, x: Int, y: Int)
  {
    switch line.role {
    case .heading:
      buffer.put(string: line.label, x: x, y: y, style: theme.title, ellipsis: "…")
    case .note:
      buffer.put(string: "  " + line.label, x: x, y: y, style: theme.dim, ellipsis: "…")
    case .path(let kind):
      let (mark, style): (String, Style) =
        switch kind {
        case .added: ("+ ", theme.look(.known(RunStatus.completed)).style)
        case .removed: ("- ", theme.error)
        case .changed: ("~ ", theme.title)
        }
      let end = buffer.put(string: "  " + mark, x: x, y: y, style: style)
      buffer.put(string: line.label, x: end, y: y, style: theme.text, ellipsis: "…")
    case .row:
      var column = x
      buffer.put(string: line.label, x: column, y: y, style: theme.dim, maxWidth: columns.label, ellipsis: "…")
      column += columns.label + 1
      buffer.put(string: line.old, x: column, y: y, style: theme.text, maxWidth: columns.value, ellipsis: "…")
      column += columns.value + 1
      buffer.put(string: line.new, x: column, y: y, style: theme.text, maxWidth: columns.value, ellipsis: "…")
      column += columns.value + 1
      buffer.put(string: line.change, x: column, y: y, style: theme.title, maxWidth: columns.change, ellipsis: "…")
    }
  }

  /// What is compared at the left; stale marker and position at the right.
  private static func drawTitle(
    _ compare: CompareState, rows: Int, now: Date, theme: Theme, in buffer: inout Buffer, area: Rect
  ) {
    var right: [Span] = []
    if compare.data.isStale, let age = compare.data.age(at: now) {
      right.append(Span("STALE " + DisplayFormat.duration(seconds: age.seconds) + "  ", style: theme.stale))
    }
    let count = compare.lines.count
    if count > 0 {
      let bottom = min(count, compare.top + max(1, rows))
      right.append(Span("\(bottom * 100 / count)% ", style: theme.dim))
    }
    StatusLine(
      left: [Span(" Compare: " + compare.title + " ", style: theme.title), Span("older ← → newer", style: theme.dim)],
      right: right, style: theme.keyBar
    ).draw(in: &buffer, area: area)
  }
}
