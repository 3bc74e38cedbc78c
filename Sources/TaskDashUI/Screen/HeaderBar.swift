import Foundation
import TaskDashViewModel
import TerminalUI

/// The top two rows: target, connection and refresh state; then the breadcrumb, or a banner
/// saying what went wrong with the connection and when the next retry is.
enum HeaderBar {
  static func draw(_ state: AppState, target: String, theme: Theme, in buffer: inout Buffer, area: Rect) {
    let connection = connectionSpans(state, theme: theme)
    let refreshed = state.refreshAge.map {
      "refreshed " + DisplayFormat.duration(seconds: DisplayFormat.seconds($0)) + " ago"
    }
    let mode =
      state.isPaused
      ? Span(" PAUSED ", style: theme.stale)
      : Span("live every " + DisplayFormat.duration(seconds: DisplayFormat.seconds(state.interval)), style: theme.dim)
    StatusLine(
      left: [Span(" taskdash ", style: theme.header), Span(" " + target + " ", style: theme.text)] + connection,
      right: [Span((refreshed ?? "waiting for data") + "  ", style: theme.dim), mode, Span(" ")],
      style: theme.keyBar
    ).draw(in: &buffer, area: area.row(0))

    if let banner = banner(state, width: area.width, theme: theme) {
      banner.draw(in: &buffer, area: area.row(1))
    } else {
      var crumbs: [Span] = [Span(" ")]
      for (index, crumb) in state.breadcrumb.enumerated() {
        if index > 0 { crumbs.append(Span(" › ", style: theme.dim)) }
        crumbs.append(Span(crumb, style: index == state.breadcrumb.count - 1 ? theme.title : theme.text))
      }
      StatusLine(left: crumbs).draw(in: &buffer, area: area.row(1))
    }
  }

  private static func connectionSpans(_ state: AppState, theme: Theme) -> [Span] {
    switch state.connection.status {
    case .connecting:
      return [Span("○ connecting", style: theme.dim)]
    case .connected:
      let trip = state.connection.roundTrip.map { " " + DisplayFormat.milliseconds($0) } ?? ""
      return [Span("● connected" + trip, style: theme.style(forStatus: "completed"))]
    case .reconnecting:
      return [Span("✗ disconnected", style: theme.style(forStatus: "failed"))]
    case .failed:
      return [Span("✗ failed", style: theme.style(forStatus: "failed"))]
    }
  }

  /// The connection problem in one line: what, how many attempts, when the next retry is.
  ///
  /// libpq's messages are long (they quote the socket path), so the error is cut to leave the
  /// attempt count and the retry time whole at the right.
  private static func banner(_ state: AppState, width: Int, theme: Theme) -> StatusLine? {
    switch state.connection.status {
    case .reconnecting(let failure):
      var advice = "attempt \(failure.attempt)"
      if let retry = failure.retryAt {
        advice += ", retry in " + DisplayFormat.duration(seconds: max(0, retry.timeIntervalSince(state.now)))
      }
      advice += "; r retries now; data below is stale "
      let room = width - TerminalText.displayWidth(advice) - 1
      let problem = " ⚠ \(failure.error)"
      return StatusLine(
        left: [Span(room > 8 ? TerminalText.truncate(problem, toWidth: room) : problem)],
        right: [Span(advice)], style: theme.errorBanner)
    case .failed(let error):
      return StatusLine(
        left: [Span(" ⚠ \(error)  (fix the target or login, then restart; q quits)")], style: theme.errorBanner)
    case .connecting, .connected:
      return nil
    }
  }
}
