/// The statements of `taskdash migrate adopt` and of its `--undo`, for either backend.
///
/// Adopt is additive only: the record table, then each index with its row in the record, so an
/// interrupted adopt leaves a record that `--undo` can follow and that a second adopt completes.
/// No statement touches a row, column, type, constraint or trigger of the agent's tables.
public struct AdoptionPlan: Sendable {
  /// How a backend writes the statements.
  public struct Dialect: Sendable {
    /// The schema-qualifying prefix of a table name (`"public".`, `main.`).
    public let prefix: String
    /// The statement that builds an index: name, table, key list.
    public let createIndex: @Sendable (_ name: String, _ table: String, _ keys: String) -> String
    /// The statement that removes an index, if it is there.
    public let dropIndex: @Sendable (_ name: String) -> String
    /// The record table's definition.
    public let recordTable: String
    /// A column in the form the reader's views show it, as an index key; nil for one that
    /// cannot be indexed.
    public let expression: @Sendable (ExternalSchema.Match) -> String?
    /// The statement that records one index, if it is not recorded yet.
    public let record: @Sendable (String) -> String

    /// A dialect.
    public init(
      prefix: String, createIndex: @escaping @Sendable (String, String, String) -> String,
      dropIndex: @escaping @Sendable (String) -> String, recordTable: String,
      expression: @escaping @Sendable (ExternalSchema.Match) -> String?, record: @escaping @Sendable (String) -> String
    ) {
      self.prefix = prefix
      self.createIndex = createIndex
      self.dropIndex = dropIndex
      self.recordTable = recordTable
      self.expression = expression
      self.record = record
    }
  }

  /// What the database has of adopt's work: each `taskdash_adopt_…` index by name, whether it is
  /// valid, and whether the record table is there.
  public struct Found: Sendable {
    /// Adopt's indexes present, by name, and whether each is valid (a concurrent build that
    /// failed leaves one invalid).
    public var indexes: [String: Bool]
    /// Whether the record table is there.
    public var recorded: Bool

    /// What was found.
    public init(indexes: [String: Bool], recorded: Bool) {
      self.indexes = indexes
      self.recorded = recorded
    }
  }

  let dialect: Dialect

  /// A plan in `dialect`.
  public init(_ dialect: Dialect) {
    self.dialect = dialect
  }

  /// What adopt still has to do; empty when everything is there.
  public func adopt(_ schema: ExternalSchema, found: Found) -> [String] {
    let table = dialect.prefix + ExternalSchema.quoted(AdoptionIndex.recordTable)
    var statements: [String] = []
    for index in AdoptionIndex.all {
      guard let keys = index.keyList(schema, expression: dialect.expression), found.indexes[index.name] != true else {
        continue
      }
      // A concurrent build that failed left its index invalid: built again from scratch.
      if found.indexes[index.name] == false { statements.append(dialect.dropIndex(index.name)) }
      statements.append(dialect.createIndex(index.name, index.table, keys))
      statements.append(dialect.record(index.name))
    }
    if !found.recorded {
      statements.insert("CREATE TABLE IF NOT EXISTS \(table) \(dialect.recordTable)", at: 0)
    }
    return statements
  }

  /// What `--undo` removes: every index adopt built (by its name) and the record table.
  public func undo(found: Found) -> [String] {
    found.indexes.keys.sorted().map(dialect.dropIndex)
      + (found.recorded
        ? ["DROP TABLE IF EXISTS \(dialect.prefix)\(ExternalSchema.quoted(AdoptionIndex.recordTable))"] : [])
  }
}
