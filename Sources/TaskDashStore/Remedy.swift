/// What the operator can do about a failure: an action, and where to look when there is room.
///
/// Shown after the error in the dashboard's banner and in the one line a command prints, so a
/// refused login says what to fix instead of only what went wrong.
public struct Remedy: Hashable, Sendable, CustomStringConvertible {
  /// The fix in a few words ("check the password"); shown alone when space is short.
  public var action: String
  /// Where to make the fix ("URL, PGPASSWORD, ~/.pgpass"), when that helps.
  public var detail: String?

  /// Creates a remedy.
  public init(action: String, detail: String? = nil) {
    self.action = action
    self.detail = detail
  }

  /// The action with its detail in parentheses.
  public var description: String {
    detail.map { "\(action) (\($0))" } ?? action
  }

  /// The remedy for a refused login, from the server's or SQLite's words; nil for other errors.
  ///
  /// libpq gives no SQLSTATE for a failed connection, so the message is all there is to go by.
  init?(refusedLogin message: String) {
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
      (
        text.contains("unable to open database file") || text.contains("access permission denied"),
        Remedy(action: "check the file's path and permissions")
      ),
      (
        text.contains("not a database"),
        Remedy(action: "check that the path names a taskdash SQLite file")
      ),
    ]
    guard let found = known.first(where: \.matches) else { return nil }
    self = found.remedy
  }
}
