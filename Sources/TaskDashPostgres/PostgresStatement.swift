/// A SQL text and its text-format parameters (`$1`, `$2`, ...); nil is SQL NULL.
///
/// Values only ever travel as parameters: the SQL text is built from fixed fragments chosen by
/// the shape of a query (which filters are present), never from data.
struct PostgresStatement: Hashable, Sendable {
  var sql: String
  var parameters: [String?]

  init(_ sql: String, _ parameters: [String?] = []) {
    self.sql = sql
    self.parameters = parameters
  }
}
