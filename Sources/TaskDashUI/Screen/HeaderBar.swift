import Foundation
import TaskDashStore
import TaskDashViewModel
import TerminalUI

/// The top two rows: target, connection and refresh state; then the breadcrumb and the server
/// read (PostgreSQL), or a banner saying what went wrong with the connection and when the next
/// retry is.
enum HeaderBar {
  static func draw(_ state: AppState, target: String, theme: Theme, in buffer: inout Buffer, area: Rect) {
    let connection = connectionSpans(state, theme: theme)
    // Another program's tables, read as they are: the operator should know which is on screen.
    let origin = state.connection.origin.label.map { [Span(" · " + $0, style: theme.dim)] } ?? []
    let refreshed = state.refreshAge.map {
      "refreshed " + DisplayFormat.duration(seconds: $0.seconds) + " ago"
    }
    // While the database pushes changes, "push" says so: the interval is only a safety net then.
    let mode =
      state.isPaused
      ? Span(" PAUSED ", style: theme.stale)
      : state.showsPush
        ? Span("push", style: theme.dim)
        : Span("live every " + DisplayFormat.duration(seconds: state.interval.seconds), style: theme.dim)
    let alerts = state.alerts.isOn ? [Span(" · alerts", style: theme.dim)] : []
    let right = [Span((refreshed ?? "waiting for data") + "  ", style: theme.dim), mode] + alerts + [Span(" ")]
    let brand = Span(" taskdash ", style: theme.header)
    // The target gives way first: refresh age, PAUSED and the connection matter more.
    let targetRoom = area.width - width(right) - 1 - width([brand] + connection + origin) - 2
    let shownTarget = targetRoom >= 8 ? TerminalText.truncate(target, toWidth: targetRoom) : target
    StatusLine(
      left: [brand, Span(" " + shownTarget + " ", style: theme.text)] + connection + origin, right: right,
      style: theme.keyBar
    ).draw(in: &buffer, area: area.row(0))

    if let banner = banner(state) {
      // Attempt and next retry stay whole at the right; the error is cut to leave them room
      // (and to keep what to fix, when there is a remedy).
      let retry = [Span(banner.retry + " ", style: theme.errorBanner)]
      let problemRoom = area.width - width(retry) - 1
      let problem =
        problemRoom >= 12 ? fitted(banner.problem, remedy: banner.remedy, toWidth: problemRoom) : banner.problem
      StatusLine(left: [Span(problem, style: theme.errorBanner)], right: retry, style: theme.errorBanner)
        .draw(in: &buffer, area: area.row(1))
    } else {
      var crumbs: [Span] = [Span(" ")]
      for (index, crumb) in state.breadcrumb.enumerated() {
        if index > 0 { crumbs.append(Span(" › ", style: theme.dim)) }
        crumbs.append(Span(crumb, style: index == state.breadcrumb.count - 1 ? theme.title : theme.text))
      }
      StatusLine(left: crumbs, right: serverSpans(state, room: area.width - width(crumbs) - 1, theme: theme))
        .draw(in: &buffer, area: area.row(1))
    }
  }

  /// The PostgreSQL server the latest probe reached, right of the breadcrumb:
  /// `…/run:5432 · standby · 0.4 s behind `. The address gives way first (it is cut to fit
  /// `room`); the role stays whole. None for SQLite, and none from a lost connection until a
  /// probe on the next one.
  private static func serverSpans(_ state: AppState, room: Int, theme: Theme) -> [Span] {
    guard let server = state.connection.server else { return [] }
    let role = Span(ServerLabel.role(server.role) + " ", style: server.isStandby ? theme.stale : theme.dim)
    let addressRoom = room - width([role]) - 3
    guard addressRoom >= 8 else { return [role] }
    let address = TerminalText.truncate(ServerLabel.shortAddress(server), toWidth: addressRoom)
    return [Span(address, style: theme.text), Span(" · ", style: theme.dim), role]
  }

  private static func connectionSpans(_ state: AppState, theme: Theme) -> [Span] {
    switch state.connection.status {
    case .connecting:
      return [Span("○ connecting", style: theme.dim)]
    case .connected:
      let trip = state.connection.roundTrip.map { " " + DisplayFormat.milliseconds($0) } ?? ""
      return [Span("● connected" + trip, style: theme.connected)]
    case .reconnecting:
      return [Span("✗ disconnected", style: theme.disconnected)]
    case .failed(let failure):
      // "refused", not "login refused": a SQLite file that cannot be opened lands here too; the
      // banner names which.
      let label = if case .authentication = failure.error { "✗ refused" } else { "✗ failed" }
      return [Span(label, style: theme.disconnected)]
    }
  }

  /// The connection problem in one line: what went wrong and what to fix, then when the next
  /// retry is (with the attempt count while reconnecting).
  private static func banner(_ state: AppState) -> (problem: String, remedy: Remedy?, retry: String)? {
    switch state.connection.status {
    case .reconnecting(let failure):
      let retry = ["attempt \(failure.attempt)", retryTime(failure, state), "r retries now"]
      return (" ⚠ \(failure.error)", nil, retry.compactMap { $0 }.joined(separator: " · "))
    case .failed(let failure):
      // A refusal is retried once a minute whatever the attempt, so its count says nothing.
      let retry = [retryTime(failure, state), "r retries"]
      // The header already says the login was refused; the banner has the server's words.
      let problem = if case .authentication(let message, _) = failure.error { message } else { "\(failure.error)" }
      return (" ⚠ " + problem, failure.error.remedy, retry.compactMap { $0 }.joined(separator: " · "))
    case .connecting, .connected:
      return nil
    }
  }

  /// "retry in 8s", or nil when nothing retries by itself.
  private static func retryTime(_ failure: LoadFailure, _ state: AppState) -> String? {
    failure.retryAt.map { "retry in " + DisplayFormat.duration(seconds: max(0, $0.timeIntervalSince(state.now))) }
  }

  /// The problem and its remedy in `room` cells. The remedy stays whole, in its short form if
  /// need be, and the problem is cut to make room for it, down to a readable minimum.
  private static func fitted(_ problem: String, remedy: Remedy?, toWidth room: Int) -> String {
    guard let remedy else { return TerminalText.truncate(problem, toWidth: room) }
    let full = [problem + " — " + remedy.description, problem + " — " + remedy.action]
    if let fits = full.first(where: { TerminalText.displayWidth($0) <= room }) { return fits }
    let fix = " — " + remedy.action
    let problemRoom = room - TerminalText.displayWidth(fix)
    guard problemRoom >= 24 else { return TerminalText.truncate(problem + fix, toWidth: room) }
    return TerminalText.truncate(problem, toWidth: problemRoom) + fix
  }

  private static func width(_ spans: [Span]) -> Int {
    spans.reduce(0) { $0 + TerminalText.displayWidth($1.text) }
  }
}
