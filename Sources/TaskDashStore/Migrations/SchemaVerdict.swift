/// Where a database's schema stands against the version this build needs, and what to run
/// about it: the one verdict and wording behind the dashboard's start-up check, `migrate
/// status`, `migrate check` and `seed`.
public enum SchemaVerdict: Hashable, Sendable {
  /// The schema is the one this build needs.
  case current
  /// No taskdash schema at all.
  case blank
  /// Complete up to `current`; this build needs `latest`.
  case behind(current: Int, latest: Int)
  /// At `current`, which a newer build applied; this build knows up to `latest`.
  case ahead(current: Int, latest: Int)
  /// No taskdash history, but tables taskdash would create: another program's schema.
  case foreign(ForeignTables)

  /// The verdict for a database at version `current` (nil or 0: blank) and a build that
  /// needs `latest`.
  public init(current: Int?, latest: Int) {
    switch current ?? 0 {
    case 0: self = latest == 0 ? .current : .blank
    case let version where version < latest: self = .behind(current: version, latest: latest)
    case let version where version > latest: self = .ahead(current: version, latest: latest)
    default: self = .current
    }
  }

  /// What the operator should run, naming `target`; nil when the schema is current.
  public func advice(for target: String) -> String? {
    switch self {
    case .current:
      nil
    case .blank:
      "\(target) has no taskdash schema; run: taskdash migrate up (or try: taskdash demo)"
    case .behind(let current, let latest):
      "\(target) is at schema version \(current), this taskdash needs \(latest); run: taskdash migrate up"
    case .foreign(let foreign) where foreign.isExternalSchema:
      "\(target) holds \(foreign.summary); taskdash reads it as it is but never writes it; migrate up would "
        + "collide with \(foreign.collisions.joined(separator: ", ")); to add taskdash's read indexes instead, run: "
        + "taskdash migrate adopt"
    case .foreign(let foreign):
      "\(target) has no taskdash history but \(foreign.summary); taskdash migrate up would collide with "
        + foreign.collisions.joined(separator: ", ")
    case .ahead(let current, let latest):
      "\(target) is at schema version \(current), newer than this taskdash (\(latest)); upgrade taskdash, "
        + "or run: taskdash migrate down --to \(latest) with the newer binary"
    }
  }
}
