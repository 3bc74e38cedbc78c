import Foundation
import TaskDashStore

/// Turns libpq failures into `StoreError`s, deciding which are worth retrying.
enum PostgresErrorClassifier {
  /// A failed connection attempt: authentication and unknown-database failures are final, the
  /// rest (refused, unreachable, timed out) may pass.
  static func connectionFailure(_ message: String) -> StoreError {
    let text = firstLine(message)
    let lower = text.lowercased()
    let finalMarkers = [
      "password authentication failed", "authentication failed", "no password supplied",
      "does not exist", "no pg_hba.conf entry", "invalid connection option",
      "invalid uri", "invalid port", "missing \"=\"", "certificate", "sslmode",
    ]
    if finalMarkers.contains(where: lower.contains) {
      return .authentication(text)
    }
    return .connection(text)
  }

  /// A failed statement with its SQLSTATE; class 08 (connection) and 57P (shutdown) are
  /// connection losses.
  static func queryFailure(sqlState: String?, message: String) -> StoreError {
    let text = firstLine(message)
    if let sqlState, sqlState.hasPrefix("08") || sqlState.hasPrefix("57P") {
      return .connection("[\(sqlState)] \(text)")
    }
    return .query(sqlState: sqlState, message: text)
  }

  /// libpq messages end with newlines and sometimes carry DETAIL lines; keep the first.
  static func firstLine(_ message: String) -> String {
    let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
    let line = trimmed.split(whereSeparator: \.isNewline).first.map(String.init) ?? trimmed
    return line.hasPrefix("FATAL:  ") ? String(line.dropFirst(8)) : line
  }
}
