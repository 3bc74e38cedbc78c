import Foundation
import TaskDashStore

/// Turns libpq failures into `StoreError`s, deciding which are worth retrying.
///
/// Messages are the server's or libpq's words, first line only, with every known secret (the
/// password, the connection string) cut out.
enum PostgresErrorClassifier {
  /// A failed connection attempt: a connection string or option libpq or the server cannot
  /// use is a bad target; a refused login (password, unknown database or role, pg_hba.conf,
  /// TLS verification) is final until someone fixes it; the rest (refused, unreachable, timed
  /// out) may pass.
  static func connectionFailure(_ message: String, secrets: [String] = []) -> StoreError {
    let text = redact(firstLine(message), secrets: secrets)
    let lower = text.lowercased()
    let targetMarkers = [
      "invalid connection option", "invalid uri", "invalid port", "missing \"=\"", "invalid sslmode",
      "invalid integer value", "unrecognized configuration parameter", "invalid value for parameter",
    ]
    if targetMarkers.contains(where: lower.contains) {
      return .invalidTarget(text)
    }
    let loginMarkers = [
      "password authentication failed", "authentication failed", "no password supplied",
      "does not exist", "no pg_hba.conf entry", "certificate", "sslmode",
      "permission denied", "is not permitted to log in",
    ]
    if loginMarkers.contains(where: lower.contains) {
      let words = serverWords(text)
      return .authentication(words, remedy: refusedLoginRemedy(words))
    }
    return .connection(text)
  }

  /// What to fix for a refused login, from the server's or libpq's words; nil when they name
  /// nothing more specific than the login itself.
  ///
  /// libpq gives no SQLSTATE for a failed connection, so the message is all there is to go by.
  private static func refusedLoginRemedy(_ message: String) -> Remedy? {
    let text = message.lowercased()
    let known: [(matches: Bool, remedy: Remedy)] = [
      (
        text.contains("password"),
        Remedy(action: "check the password", detail: "URL, PGPASSWORD, ~/.pgpass")
      ),
      (
        text.contains("database \"") && text.contains("does not exist"),
        Remedy(action: "check the database name", detail: "the URL's path or dbname")
      ),
      (
        text.contains("role \"") && text.contains("does not exist"),
        Remedy(action: "check the user name", detail: "the URL's user, or PGUSER")
      ),
      (
        text.contains("pg_hba.conf"),
        Remedy(action: "check the user and database", detail: "or ask for a pg_hba.conf entry")
      ),
      (
        text.contains("not permitted to log in"),
        Remedy(action: "the role needs LOGIN", detail: "ALTER ROLE … LOGIN")
      ),
      (
        text.contains("permission denied for database"),
        Remedy(action: "the role needs CONNECT on the database", detail: "GRANT CONNECT")
      ),
      (
        text.contains("certificate") || text.contains("ssl"),
        Remedy(action: "check the TLS settings", detail: "sslmode, sslrootcert, the server's certificate")
      ),
    ]
    return known.first(where: \.matches)?.remedy
  }

  /// A connection string libpq cannot parse. Its message quotes the offending part of the string,
  /// which may be the password, so quoted text is left out.
  static func unparsableConninfo(_ message: String) -> StoreError {
    .invalidTarget("the connection string is not valid: " + withoutQuotedText(firstLine(message)))
  }

  /// A failed statement with its SQLSTATE; class 08 (connection) and 57P (shutdown) are
  /// connection losses, 57014 (cancelled, which is how statement_timeout ends a statement) a
  /// timeout.
  static func queryFailure(sqlState: String?, message: String) -> StoreError {
    let text = firstLine(message)
    if let sqlState, sqlState.hasPrefix("08") || sqlState.hasPrefix("57P") {
      return .connection("[\(sqlState)] \(text)")
    }
    if sqlState == "57014" {
      return .timedOut(text)
    }
    return .query(sqlState: sqlState, message: text)
  }

  /// A string value with a NUL character, which PostgreSQL text cannot hold (and a C string
  /// would silently cut).
  static let nulCharacter = StoreError.query(
    sqlState: "22021", message: "text values cannot contain the NUL character")

  /// libpq messages end with newlines and sometimes carry DETAIL lines; keep the first.
  static func firstLine(_ message: String) -> String {
    let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
    let line = trimmed.split(whereSeparator: \.isNewline).first.map(String.init) ?? trimmed
    return line.hasPrefix("FATAL:  ") ? String(line.dropFirst(8)) : line
  }

  /// A refused login in the server's words: libpq puts "connection to server on socket … failed:"
  /// and the severity before them, which only take room from what the operator must fix.
  static func serverWords(_ text: String) -> String {
    var words = Substring(text)
    if words.hasPrefix("connection to server "), let end = words.range(of: " failed: ") {
      words = words[end.upperBound...]
    }
    for severity in ["FATAL:  ", "ERROR:  "] where words.hasPrefix(severity) {
      words = words.dropFirst(severity.count)
    }
    return words.isEmpty ? text : String(words)
  }

  /// The text with every non-empty secret replaced by `****`.
  static func redact(_ text: String, secrets: [String]) -> String {
    secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }.reduce(text) {
      $0.replacingOccurrences(of: $1, with: "****")
    }
  }

  /// Replaces each double-quoted span with `"…"`, keeping short punctuation such as `"="`.
  private static func withoutQuotedText(_ text: String) -> String {
    let parts = text.split(separator: "\"", omittingEmptySubsequences: false)
    guard parts.count >= 3 else { return text }
    var output = ""
    for (index, part) in parts.enumerated() {
      if index % 2 == 1 && index < parts.count - 1 {
        let keep = part.count <= 1 && !part.contains(where: \.isLetter) && !part.contains(where: \.isNumber)
        output += "\"" + (keep ? String(part) : "…") + "\""
      } else {
        output += part
      }
    }
    return output
  }
}
