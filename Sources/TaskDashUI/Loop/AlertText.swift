import TaskDashViewModel
import TerminalUI

/// The one line an alert says, built from database text that passes the sanitizer here.
enum AlertText {
  /// The longest error excerpt an alert carries: a notification banner shows a line or two.
  static let detailLength = 120

  /// "taskdash: Data Pipeline #4 failed: s3_read: AccessDenied on …", sanitized.
  static func message(for alert: RunAlert) -> String {
    var text = "taskdash: " + TerminalText.sanitize(alert.runTitle) + " "
    text += alert.kind == .silent ? "went silent" : alert.kind.rawValue
    if let detail = alert.detail, !detail.isEmpty {
      text += ": " + TerminalText.truncate(TerminalText.sanitize(detail), toWidth: detailLength)
    }
    return text
  }
}
