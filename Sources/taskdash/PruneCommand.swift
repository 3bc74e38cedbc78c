import ArgumentParser
import Foundation
import TaskDashStore

/// `taskdash prune`: removes metric snapshots (and with --runs finished runs) older than a cutoff.
struct PruneCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prune",
    abstract: "Remove metric snapshots (with --runs also finished runs) older than a length of time.",
    discussion: """
      Nothing of a run that is pending or running is removed, however old. On PostgreSQL whole \
      days are dropped as partitions, the rest deleted in batches; on SQLite everything goes in \
      batches. Each batch commits on its own: writers go on meanwhile, an interrupted prune keeps \
      what it did, and running it again goes on from there. Each task's latest run stays, so run \
      numbers go on from it.
      """)

  @OptionGroup var database: DatabaseOptions

  @Option(name: .customLong("older-than"), help: "Age of what goes (90s, 5m, 12h, 30d, 2w).")
  var olderThan: TimeLength

  @Flag(name: .customLong("dry-run"), help: "Print per table what would be removed; remove nothing.")
  var dryRun = false

  @Flag(help: "Also remove finished runs that ended before the cutoff, with their snapshots and artifacts.")
  var runs = false

  @Flag(
    name: .customLong("by-delete"),
    help: "Delete rows even where a whole day could be dropped (for logical replication subscribers).")
  var byDelete = false

  func run() async throws {
    try await reportingFailures {
      let target = try database.target()
      let plan = PrunePlan(
        cutoff: Date().addingTimeInterval(-olderThan.seconds), runs: runs, dryRun: dryRun, byDelete: byDelete)
      // Only a database at this binary's schema: the statements rely on it.
      let report = try await Backends.withCheckedReader(target, writes: true) { _ in
        try await Backends.withMaintainer(target) { try await $0.prune(plan) }
      }
      print(PruneSummary.render(report, plan: plan))
    }
  }
}
