import CLibPQ
import Foundation

/// A bare libpq session for the suite's own chores on PostgreSQL: creating and dropping test
/// databases, and the raw SQL of `RawSession`. Calls block; they are short administrative
/// statements, and a lock keeps one call at a time on the connection.
final class PostgresTestSession: @unchecked Sendable {
  // Safety: `connection` is only used while `lock` is held.
  private let connection: OpaquePointer
  private let lock = NSLock()

  /// Connects; the error carries libpq's message, never the connection string.
  init(conninfo: String) throws {
    guard let connection = PQconnectdb(conninfo) else {
      throw FixtureError(description: "libpq could not allocate a connection")
    }
    guard PQstatus(connection) == CONNECTION_OK else {
      let message = String(cString: PQerrorMessage(connection))
      PQfinish(connection)
      throw FixtureError(description: "cannot connect to the test server: \(message)")
    }
    // Notices (DROP ... IF EXISTS and the like) would otherwise go to stderr.
    PQsetNoticeProcessor(connection, { _, _ in }, nil)
    self.connection = connection
  }

  deinit { PQfinish(connection) }

  /// Runs SQL that may hold several statements.
  func execute(_ sql: String) throws {
    _ = try run(sql)
  }

  /// The first column of every row of a query, as text (nil for NULL).
  func values(_ sql: String) throws -> [String?] {
    try run(sql)
  }

  private func run(_ sql: String) throws -> [String?] {
    lock.lock()
    defer { lock.unlock() }
    guard let result = PQexec(connection, sql) else {
      throw FixtureError(description: String(cString: PQerrorMessage(connection)))
    }
    defer { PQclear(result) }
    switch PQresultStatus(result) {
    case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
      return []
    case PGRES_TUPLES_OK:
      return (0..<PQntuples(result)).map { row in
        PQgetisnull(result, row, 0) == 1 ? nil : String(cString: PQgetvalue(result, row, 0))
      }
    default:
      throw FixtureError(description: String(cString: PQresultErrorMessage(result)))
    }
  }

  /// `conninfo` (a URL or key=value string) with its database replaced by `database`, as a
  /// key=value string.
  static func conninfo(_ conninfo: String, database: String) throws -> String {
    var error: UnsafeMutablePointer<CChar>?
    guard let options = PQconninfoParse(conninfo, &error) else {
      defer { PQfreemem(error) }
      // libpq's message, not the string: the string may hold a password.
      throw FixtureError(description: error.map { String(cString: $0) } ?? "the test server URL does not parse")
    }
    defer { PQconninfoFree(options) }
    var pairs: [String] = []
    var option = options
    while let keyword = option.pointee.keyword {
      let key = String(cString: keyword)
      if key != "dbname", let value = option.pointee.val {
        pairs.append("\(key)=\(quoted(String(cString: value)))")
      }
      option += 1
    }
    pairs.append("dbname=\(quoted(database))")
    return pairs.joined(separator: " ")
  }

  private static func quoted(_ value: String) -> String {
    "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
  }
}
