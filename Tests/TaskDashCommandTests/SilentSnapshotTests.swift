import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import taskdash

/// `snapshot --format json` says which runs are silent and for how long; the table says it too.
@Suite struct SilentSnapshotTests {
  @Test func runsCarrySilentAndSilentSecondsAndTasksTheirSilentCount() async throws {
    try await ScratchDatabase.with { database in
      try await database.migrateToLatest()
      let now = Date()
      let task = Task(name: "watched", status: .known(.running))
      let quiet = TaskRun(
        taskID: task.id, runNumber: 1, status: .known(.running), startedAt: now.addingTimeInterval(-3600),
        createdAt: now.addingTimeInterval(-3600))
      let busy = TaskRun(
        taskID: task.id, runNumber: 2, status: .known(.running), startedAt: now.addingTimeInterval(-60),
        createdAt: now.addingTimeInterval(-60))
      try await database.write { writer in
        try await writer.transaction { transaction in
          try await transaction.insert(tasks: [task])
          try await transaction.insert(runs: [quiet, busy])
          try await transaction.insert(metrics: [
            MetricSnapshot(
              taskID: task.id, taskRunID: quiet.id, name: "tokens", metricType: .known(.counter), value: 1, unit: nil,
              timestamp: now.addingTimeInterval(-1200))
          ])
        }
      }
      let snapshot = try await SnapshotTests.snapshot(database)
      let object = try SnapshotTests.object(try snapshot.json())
      let runs = try #require(object["runs"] as? [[String: Any]])
      let byNumber = Dictionary(uniqueKeysWithValues: runs.map { ($0["runNumber"] as? Int ?? 0, $0) })
      #expect(byNumber[1]?["silent"] as? Bool == true)
      let seconds = try #require(byNumber[1]?["silent_seconds"] as? Double)
      #expect(seconds >= 1200 && seconds < 1300)
      #expect(byNumber[2]?["silent"] as? Bool == false)
      #expect(byNumber[2]?["silent_seconds"] is NSNull, "present and null when not silent")
      let tasks = try #require(object["tasks"] as? [[String: Any]])
      #expect(tasks.first?["runningNow"] as? Int == 2)
      #expect(tasks.first?["silentNow"] as? Int == 1)

      let table = SnapshotTable.render(snapshot)
      // The minutes the JSON gave: a loaded machine may take a while between the writes and
      // the read, so the exact seconds are not known in advance.
      let minutes = "silent \(Int(seconds) / 60)m"
      #expect(try SnapshotTests.section("RUNS", of: table).contains { $0.contains(" #1 ") && $0.contains(minutes) })
    }
  }
}

/// `snapshot --filter` takes the runs pane's language.
@Suite struct FilterSnapshotTests {
  @Test func aFilterKeepsOnlyTheRunsItMatches() async throws {
    try await ScratchDatabase.with { database in
      try await database.seedDemo()
      let snapshot = try await Backends.withCheckedReader(database.target) { reader in
        try await Snapshot.read(from: reader, target: database.target, limit: 50, filter: "status:failed dur>1s")
      }
      #expect(!snapshot.runs.isEmpty)
      #expect(snapshot.runs.allSatisfy { $0.status == "failed" && ($0.duration ?? 0) > 1 })
    }
  }
}
