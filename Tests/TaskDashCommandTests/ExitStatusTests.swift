import ArgumentParser
import Foundation
import TaskDashModel
import TaskDashStore
import Testing

@testable import taskdash

/// `snapshot --fail-on` and `wait` answer scripts with their exit status.
@Suite struct ExitStatusTests {
  /// The status `taskdash WORDS` exits with, run in process as `main()` runs it.
  static func status(_ words: [String]) async -> Int32 {
    do {
      var command = try TaskDash.parseAsRoot(words)
      if var asynchronous = command as? any AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        try command.run()
      }
      return 0
    } catch {
      return TaskDash.exitCode(for: error).rawValue
    }
  }

  static func run(_ task: Task, _ number: Int, _ status: RunStatus, startedAgo: Double = 60) -> TaskRun {
    let started = Date().addingTimeInterval(-startedAgo)
    return TaskRun(
      taskID: task.id, runNumber: number, status: .known(status), startedAt: started,
      completedAt: status.isFinished ? started.addingTimeInterval(30) : nil, createdAt: started)
  }

  /// A migrated scratch database holding one task with these runs.
  static func database(_ body: (ScratchDatabase, Task) async throws -> Void, runs: (Task) -> [TaskRun])
    async throws
  {
    try await ScratchDatabase.with { database in
      try await database.migrateToLatest()
      let task = Task(name: "nightly eval")
      let runs = runs(task)
      try await database.write { writer in
        try await writer.transaction { transaction in
          try await transaction.insert(tasks: [task])
          try await transaction.insert(runs: runs)
        }
      }
      try await body(database, task)
    }
  }

  @Test func failOnTakesACommaSeparatedListOfStatesAndNothingElse() {
    #expect(FailOnStates(argument: "failed,timeout,silent")?.states == [.failed, .timeout, .silent])
    #expect(FailOnStates(argument: " Cancelled ")?.states == [.cancelled])
    for bad in ["", "failed,", "failed,completed", "stale"] {
      #expect(FailOnStates(argument: bad) == nil, "\(bad)")
    }
  }

  @Test func snapshotFailOnExitsOneWhenAListedRunIsInAStateAskedAboutAndZeroOtherwise() async throws {
    try await Self.database(
      { database, _ in
        let url = ["--database-url", database.path]
        #expect(await Self.status(["snapshot", "--fail-on", "failed"] + url) == 1)
        #expect(await Self.status(["snapshot", "--fail-on", "timeout,cancelled"] + url) == 0)
        #expect(await Self.status(["snapshot", "--fail-on", "silent", "--format", "json"] + url) == 0)
        // The scope is the list the snapshot prints: the newest run alone completed.
        #expect(await Self.status(["snapshot", "--fail-on", "failed", "--limit", "1"] + url) == 0)
        #expect(await Self.status(["snapshot", "--fail-on", "failed", "--filter", "status:completed"] + url) == 0)
        #expect(await Self.status(["snapshot", "--fail-on", "bogus"] + url) == 64)
        #expect(await Self.status(["snapshot", "--fail-on", "failed", "--run", "x#1"] + url) == 64)
      },
      runs: { task in
        [Self.run(task, 1, .failed, startedAgo: 600), Self.run(task, 2, .completed, startedAgo: 60)]
      })
  }

  @Test func snapshotFailOnExitsTwoWhenItCannotTell() async throws {
    try await ScratchDatabase.with { database in
      // No file yet, so no schema: the snapshot cannot say anything about any run.
      #expect(await Self.status(["snapshot", "--fail-on", "failed", "--database-url", database.path]) == 2)
      #expect(await Self.status(["snapshot", "--database-url", database.path]) == 1)
    }
  }

  @Test func waitExitsWithHowTheRunEnded() async throws {
    try await Self.database(
      { database, task in
        let url = ["--database-url", database.path]
        #expect(await Self.status(["wait", "nightly eval#1"] + url) == 0)
        #expect(await Self.status(["wait", "nightly eval#2"] + url) == 1)
        #expect(await Self.status(["wait", "nightly eval#3"] + url) == 1)
        #expect(await Self.status(["wait", "nightly eval#9"] + url) == 2)
        #expect(await Self.status(["wait", "nightly eval#4", "--timeout", "1s", "--interval", "0.25"] + url) == 124)
        #expect(await Self.status(["wait", "nightly eval#4", "--timeout", "soon"] + url) == 64)
      },
      runs: { task in
        [
          Self.run(task, 1, .completed), Self.run(task, 2, .failed), Self.run(task, 3, .timeout),
          Self.run(task, 4, .running),
        ]
      })
  }

  @Test func waitFollowsARunningRunUntilItEnds() async throws {
    try await Self.database(
      { database, task in
        let running = Self.run(task, 1, .running)
        try await database.write { writer in
          try await writer.transaction { try await $0.insert(runs: [running]) }
        }
        let ending = _Concurrency.Task {
          try await _Concurrency.Task.sleep(for: .milliseconds(700))
          var ended = running
          ended.status = .known(.completed)
          ended.completedAt = Date()
          let finished = ended
          try await database.write { writer in
            try await writer.transaction { try await $0.update(run: finished) }
          }
        }
        let status = await Self.status(
          ["wait", running.id.uuidString, "--interval", "0.25", "--timeout", "30s", "--database-url", database.path])
        try await ending.value
        #expect(status == 0)
      },
      runs: { _ in [] })
  }
}
