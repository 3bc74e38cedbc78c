/// Whose schema a database holds, as the dashboard reads it.
public enum SchemaOrigin: Hashable, Sendable {
  /// taskdash's own, made by its migrations.
  case taskdash
  /// The four tables made by someone else (the agent system's ORM), read as they are.
  case external
  /// An external schema to which `migrate adopt` added taskdash's indexes.
  case adopted

  /// The header's words for it; nil for taskdash's own schema, which needs none.
  public var label: String? {
    switch self {
    case .taskdash: nil
    case .external: "external schema"
    case .adopted: "external schema, adopted"
    }
  }
}
