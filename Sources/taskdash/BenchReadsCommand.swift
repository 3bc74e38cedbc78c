import ArgumentParser
import Foundation
import TaskDashStore
import TaskDashViewModel

/// `taskdash bench-reads` (hidden): times the reads that must stay fast at scale (a metric's
/// bucketed history, failure triage, the silent check), for `make bench`.
struct BenchReadsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-reads",
    abstract: "Time the chart's bucketed read, the triage read and the silent check.",
    shouldDisplay: false)

  @OptionGroup var database: DatabaseOptions

  @Option(name: .customLong("run"), help: "The run whose metric the chart reads (its id).")
  var runID: String

  @Option(help: "The metric the chart reads.")
  var metric: String

  @Option(help: "Timed reads of each kind.")
  var repeats = 20

  @Option(help: "Untimed reads of each kind first, so that caches are warm.")
  var warmup = 2

  func validate() throws {
    if repeats < 1 { throw ValidationError("--repeats must be at least 1") }
    if warmup < 0 { throw ValidationError("--warmup must not be negative") }
    if UUID(uuidString: runID) == nil { throw ValidationError("--run takes a run id, not '\(runID)'") }
  }

  func run() async throws {
    try await reportingFailures {
      let target = try database.target()
      let scope = Scope.run(UUID(uuidString: runID)!)
      let reads: [(figure: String, goal: Double, read: @Sendable (any DashboardReading) async throws -> Void)] = [
        (
          "chart: bucketed history, 222 buckets", 100,
          { [metric] reader in
            _ = try await reader.metricHistory(MetricHistoryQuery(scope: scope, name: metric, buckets: 222))
          }
        ),
        (
          "chart: bucketed history, 1000 buckets", 100,
          { [metric] reader in
            _ = try await reader.metricHistory(MetricHistoryQuery(scope: scope, name: metric, buckets: 1_000))
          }
        ),
        (
          "triage: groups of the last 24 hours", 50,
          { reader in
            _ = try await reader.failureGroups(FailureGroupQuery(window: .day), now: Date())
          }
        ),
        ("silent check: tasks read", 50, { reader in _ = try await reader.tasks(TaskQuery()) }),
        ("silent check: newest runs page", 50, { reader in _ = try await reader.runs(RunQuery(limit: 100)) }),
      ]
      let lines = try await Backends.withCheckedReader(target) { reader in
        var lines: [String] = []
        let clock = ContinuousClock()
        for (figure, goal, read) in reads {
          for _ in 0..<warmup { try await read(reader) }
          var times: [Duration] = []
          for _ in 0..<repeats {
            let start = clock.now
            try await read(reader)
            times.append(clock.now - start)
          }
          guard let summary = LatencySummary(times) else { continue }
          lines.append(figure.padding(toLength: 40, withPad: " ", startingAt: 0) + summary.columns)
          lines.append(Self.json(figure: figure, summary: summary, goal: goal))
        }
        return lines
      }
      print("read".padding(toLength: 40, withPad: " ", startingAt: 0) + "  median ms    p95 ms    min ms    max ms")
      lines.forEach { print($0) }
    }
  }

  /// One JSON line per figure, for comparing runs of the bench.
  static func json(figure: String, summary: LatencySummary, goal: Double) -> String {
    let object: [String: Any] = [
      "figure": figure, "median_ms": summary.median, "p95_ms": summary.p95, "goal_ms": goal,
    ]
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}
