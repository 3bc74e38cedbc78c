import Foundation

/// Which database taskdash talks to, resolved from flags and the environment.
public enum DatabaseTarget: Hashable, Sendable, CustomStringConvertible {
  /// A libpq connection string (URL or key=value), passed to libpq as it is, and the limits its
  /// sessions get.
  case postgres(String, limits: SessionLimits = SessionLimits())
  /// A SQLite database file.
  case sqlite(path: String)

  // MARK: - Resolution

  /// The connection text the environment variables give, and the variable that gave it:
  /// `TASKDASH_DATABASE_URL`, then `DATABASE_URL`, then a key=value string from the `DB_*`
  /// variables; nil when none is set.
  public static func fromVariables(_ environment: [String: String]) -> (text: String, variable: String)? {
    for variable in ["TASKDASH_DATABASE_URL", "DATABASE_URL"] {
      if let value = environment[variable], !value.isEmpty { return (value, variable) }
    }
    return conninfo(fromParts: environment).map { ($0, "DB_*") }
  }

  /// Parses one connection string: postgres URLs and key=value strings go to PostgreSQL;
  /// `sqlite:PATH`, `sqlite:///abs/path` and paths ending in `.sqlite`, `.sqlite3` or `.db` go
  /// to SQLite.
  public static func parse(_ string: String) throws -> DatabaseTarget {
    let trimmed = string.trimmingCharacters(in: .whitespaces)
    let lower = trimmed.lowercased()
    if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
      guard URLComponents(string: trimmed) != nil else {
        // Never echo the string back: it may hold a password.
        throw StoreError.invalidTarget("the PostgreSQL URL does not parse (check its escaping)")
      }
      return .postgres(trimmed)
    }
    if lower.hasPrefix("sqlite://") {
      let path = String(trimmed.dropFirst("sqlite://".count))
      guard path.hasPrefix("/") else {
        throw StoreError.invalidTarget("sqlite:// URLs take an absolute path (sqlite:///path/to/file)")
      }
      return .sqlite(path: path)
    }
    if lower.hasPrefix("sqlite:") {
      let path = String(trimmed.dropFirst("sqlite:".count))
      guard !path.isEmpty else { throw StoreError.invalidTarget("sqlite: needs a file path") }
      return .sqlite(path: path)
    }
    if [".sqlite", ".sqlite3", ".db"].contains(where: lower.hasSuffix) {
      return .sqlite(path: trimmed)
    }
    if trimmed.contains("=") {
      return .postgres(trimmed)
    }
    throw StoreError.invalidTarget(
      "expected a postgres:// URL, a key=value connection string, sqlite:PATH or a .sqlite/.db path")
  }

  /// The embedded default: `${XDG_DATA_HOME:-~/.local/share}/taskdash/taskdash.sqlite`.
  public static func defaultSQLitePath(environment: [String: String]) -> String {
    let base: String
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
      base = xdg
    } else {
      let home = environment["HOME"] ?? NSHomeDirectory()
      base = home + "/.local/share"
    }
    return base + "/taskdash/taskdash.sqlite"
  }

  /// A key=value string from `DB_HOST`, `DB_PORT`, `DB_USER`, `DB_PASSWORD` and `DB_NAME`, or nil
  /// when none of them is set.
  static func conninfo(fromParts environment: [String: String]) -> String? {
    let keys = [
      ("DB_HOST", "host"), ("DB_PORT", "port"), ("DB_USER", "user"), ("DB_PASSWORD", "password"),
      ("DB_NAME", "dbname"),
    ]
    let pairs = keys.compactMap { variable, key -> String? in
      guard let value = environment[variable], !value.isEmpty else { return nil }
      return "\(key)=\(quoteConninfoValue(value))"
    }
    return pairs.isEmpty ? nil : pairs.joined(separator: " ")
  }

  /// Quotes a value for a libpq key=value string: single quotes, with `\` and `'` escaped.
  static func quoteConninfoValue(_ value: String) -> String {
    var quoted = "'"
    for character in value {
      if character == "'" || character == "\\" { quoted.append("\\") }
      quoted.append(character)
    }
    return quoted + "'"
  }

  // MARK: - Display

  /// The target for display, with any password masked.
  public var description: String {
    switch self {
    case .postgres(let conninfo, _): ConninfoMasking.mask(conninfo)
    case .sqlite(let path): "sqlite:" + path
    }
  }

  /// `text` for display when it may not be a target yet (a config value before its `${NAME}`
  /// references are expanded): the target's own description when it parses, else the text
  /// with any password masked.
  public static func displayText(_ text: String) -> String {
    (try? parse(text).description) ?? ConninfoMasking.mask(text)
  }

  /// The target with `limits` on its sessions (a SQLite target has none and stays as it is).
  public func limited(by limits: SessionLimits) -> DatabaseTarget {
    switch self {
    case .postgres(let conninfo, _): .postgres(conninfo, limits: limits)
    case .sqlite: self
    }
  }

  /// The SQL dialect of the target's database (which migrations apply).
  public var dialect: SQLDialect {
    switch self {
    case .postgres: .postgres
    case .sqlite: .sqlite
    }
  }
}
