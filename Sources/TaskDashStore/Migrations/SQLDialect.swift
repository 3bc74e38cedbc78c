/// The two SQL dialects taskdash ships migrations for.
public enum SQLDialect: String, CaseIterable, Hashable, Sendable {
  case postgres, sqlite
}
