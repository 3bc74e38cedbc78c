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
    let right = [Span((refreshed ?? "waiting for data") + "  ", style: theme.dim), mode, Span(" ")]
    let brand = Span(" taskdash ", style: theme.header)
    // The target gives way first: refresh age, PAUSED and the connection matter more.
    let targetRoom = area.width - width(right) - 1 - width([brand] + connection) - 2
    let shownTarget = targetRoom >= 8 ? TerminalText.truncate(target, toWidth: targetRoom) : target
    StatusLine(
      left: [brand, Span(" " + shownTarget + " ", style: theme.text)] + connection, right: right, style: theme.keyBar
    ).draw(in: &buffer, area: area.row(0))

    if let banner = banner(state) {
      // Attempt and next retry stay whole at the right; the error is cut to leave them room.
      let retry = banner.retry.map { [Span($0 + " ", style: theme.errorBanner)] } ?? []
      let problemRoom = retry.isEmpty ? area.width : area.width - width(retry) - 1
      let problem = problemRoom >= 12 ? TerminalText.truncate(banner.problem, toWidth: problemRoom) : banner.problem
      StatusLine(left: [Span(problem, style: theme.errorBanner)], right: retry, style: theme.errorBanner)
        .draw(in: &buffer, area: area.row(1))
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

  /// The connection problem in one line: what went wrong, then how many attempts and when
  /// the next retry is (nil when nothing retries).
  private static func banner(_ state: AppState) -> (problem: String, retry: String?)? {
    switch state.connection.status {
    case .reconnecting(let failure):
      var retry = "attempt \(failure.attempt)"
      if let retryAt = failure.retryAt {
        retry += " · retry in " + DisplayFormat.duration(seconds: max(0, retryAt.timeIntervalSince(state.now)))
      }
      return (" ⚠ \(failure.error)", retry + " · r retries now")
    case .failed(let error):
      return (" ⚠ \(error)  (fix the target or login, then restart; q quits)", nil)
    case .connecting, .connected:
      return nil
    }
  }

  private static func width(_ spans: [Span]) -> Int {
    spans.reduce(0) { $0 + TerminalText.displayWidth($1.text) }
  }
}
