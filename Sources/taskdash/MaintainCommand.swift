import ArgumentParser
import Foundation
import TaskDashStore

/// `taskdash maintain`: the periodic upkeep for cron or a systemd timer.
struct MaintainCommand: AsyncParsableCommand {
  /// The variable that sets a retention when --retention is not given.
  static let retentionVariable = "TASKDASH_RETENTION"

  static let configuration = CommandConfiguration(
    commandName: "maintain",
    abstract: "Create metric partitions ahead and, with a retention, prune what is older.",
    discussion: """
      Creates the PostgreSQL day partitions of metric_snapshots through --days-ahead days from now \
      (SQLite has none to create). With --retention, or TASKDASH_RETENTION in the environment, it \
      then prunes like `taskdash prune --older-than RETENTION`. Run it daily.
      """)

  @OptionGroup var database: DatabaseOptions

  @Option(help: "Prune what is older than this (30d, 2w, 12h); default: TASKDASH_RETENTION, else no pruning.")
  var retention: TimeLength?

  @Flag(help: "With a retention, also remove finished runs that ended before it.")
  var runs = false

  @Option(name: .customLong("days-ahead"), help: "Days of partitions to keep ready ahead of now (1 to 366).")
  var daysAhead = Backends.daysAhead

  func validate() throws {
    guard (1...366).contains(daysAhead) else { throw ValidationError("--days-ahead must be between 1 and 366") }
    _ = try effectiveRetention()
  }

  /// The flag, else the environment's retention; a bad value in the variable is a usage error.
  private func effectiveRetention() throws -> TimeLength? {
    if let retention { return retention }
    guard let text = ProcessInfo.processInfo.environment[Self.retentionVariable], !text.isEmpty else { return nil }
    guard let length = TimeLength(argument: text) else {
      throw ValidationError("\(Self.retentionVariable) must be a length of time such as 30d or 12h")
    }
    return length
  }

  func run() async throws {
    try await reportingFailures {
      let target = try database.target()
      let retention = try effectiveRetention()
      let now = Date()
      try await Backends.withCheckedReader(target, writes: true) { _ in
        try await Backends.withMaintainer(target) { maintainer in
          let created = try await maintainer.ensurePartitions(
            since: now, through: now.addingTimeInterval(Double(daysAhead) * 86_400))
          print("partitions ahead: \(created) created")
          if let retention {
            let plan = PrunePlan(cutoff: now.addingTimeInterval(-retention.seconds), runs: runs)
            print(PruneSummary.render(try await maintainer.prune(plan), plan: plan))
          }
        }
      }
    }
  }
}
