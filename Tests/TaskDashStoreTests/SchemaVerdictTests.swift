import Foundation
import Testing

@testable import TaskDashStore

/// One verdict and one wording for where a schema stands, whoever asks.
@Suite struct SchemaVerdictTests {
  static func applied(_ version: Int) -> AppliedMigration {
    AppliedMigration(version: version, name: "m\(version)", checksum: "c", appliedAt: Date(timeIntervalSince1970: 0))
  }

  static func migration(_ version: Int) -> Migration {
    Migration(version: version, name: "m\(version)", upSQL: "", downSQL: "")
  }

  @Test func aVersionIsBlankBehindCurrentOrAhead() {
    #expect(SchemaVerdict(current: nil, latest: 2) == .blank)
    #expect(SchemaVerdict(current: 0, latest: 2) == .blank)
    #expect(SchemaVerdict(current: 1, latest: 2) == .behind(current: 1, latest: 2))
    #expect(SchemaVerdict(current: 2, latest: 2) == .current)
    #expect(SchemaVerdict(current: 3, latest: 2) == .ahead(current: 3, latest: 2))
    #expect(SchemaVerdict(current: nil, latest: 0) == .current, "a build with no migrations needs none")
  }

  @Test func eachVerdictSaysWhatToRunNamingTheTarget() {
    #expect(SchemaVerdict.current.advice(for: "sqlite:a.db") == nil)
    #expect(
      SchemaVerdict.blank.advice(for: "sqlite:a.db")
        == "sqlite:a.db has no taskdash schema; run: taskdash migrate up (or try: taskdash demo)")
    #expect(
      SchemaVerdict.behind(current: 1, latest: 2).advice(for: "sqlite:a.db")
        == "sqlite:a.db is at schema version 1, this taskdash needs 2; run: taskdash migrate up")
    #expect(
      SchemaVerdict.ahead(current: 3, latest: 2).advice(for: "sqlite:a.db")
        == "sqlite:a.db is at schema version 3, newer than this taskdash (2); upgrade taskdash, "
        + "or run: taskdash migrate down --to 2 with the newer binary")
  }

  @Test func aMigrationStatusGivesTheSameVerdict() {
    let blank = MigrationStatus(applied: [], pending: [Self.migration(1), Self.migration(2)], unknown: [], drifted: [])
    #expect(blank.verdict == .blank)
    let behind = MigrationStatus(applied: [Self.applied(1)], pending: [Self.migration(2)], unknown: [], drifted: [])
    #expect(behind.verdict == .behind(current: 1, latest: 2))
    // A gap: version 2 is applied but 1 is not, so the schema is complete only up to 0.
    let gap = MigrationStatus(applied: [Self.applied(2)], pending: [Self.migration(1)], unknown: [], drifted: [])
    #expect(gap.verdict == .blank)
    let ahead = MigrationStatus(
      applied: [Self.applied(1), Self.applied(2)], pending: [], unknown: [Self.applied(3)], drifted: [])
    #expect(ahead.verdict == .ahead(current: 3, latest: 2))
    #expect(ahead.advice(for: "t") == SchemaVerdict.ahead(current: 3, latest: 2).advice(for: "t"))
    let drifted = MigrationStatus(applied: [Self.applied(1)], pending: [], unknown: [], drifted: ["0001_m1.up.sql"])
    #expect(drifted.verdict == .current)
    #expect(drifted.advice(for: "t")?.contains("0001_m1.up.sql") == true, "a changed file is named first")
  }
}
