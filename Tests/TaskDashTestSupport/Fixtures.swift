import Foundation
import TaskDashModel
import TaskDashViewModel

/// 2026-11-25 10:00:00 UTC. Data is stamped at this time and frames are drawn a few seconds
/// later, so every age on screen is exact.
public let t0 = Date(timeIntervalSince1970: 1_795_600_800)

/// `t0` moved by `seconds`.
public func at(_ seconds: Double) -> Date {
  t0.addingTimeInterval(seconds)
}

/// A recognisable, stable id.
public func id(_ number: Int) -> UUID {
  UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", number))!
}

/// The `UInt8`s of a string.
public func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A task row numbered `number`: created a day before `t0`, changed a minute before it.
public func taskRow(
  _ number: Int, _ name: String, status: TaskStatus = .running, runs: (total: Int, ok: Int, failed: Int) = (0, 0, 0),
  runningNow: Int = 0, lastRun: Date? = nil
) -> TaskRow {
  TaskRow(
    task: TaskDashModel.Task(
      id: id(number), name: name, status: .known(status), totalRuns: runs.total, successfulRuns: runs.ok,
      failedRuns: runs.failed, createdAt: at(-86_400), updatedAt: at(-60)),
    runningNow: runningNow, lastRunAt: lastRun)
}

/// A run row with id `id(1_000 + number)`, numbered `number` unless `runNumber` says otherwise.
///
/// It was created when it started, or `number` seconds after `t0` when it has not, so runs
/// built in order are newest last; it completed `duration` after it started.
public func runRow(
  _ number: Int, task: Int = 1, taskName: String = "market-analysis", runNumber: Int? = nil,
  status: RunStatus = .completed, started: Date? = nil, duration: Double? = nil, error: String? = nil
) -> RunRow {
  RunRow(
    id: id(1_000 + number), taskID: id(task), taskName: taskName, runNumber: runNumber ?? number,
    status: .known(status), startedAt: started,
    completedAt: duration.flatMap { seconds in started.map { $0.addingTimeInterval(seconds) } },
    duration: duration, errorMessage: error, createdAt: started ?? at(Double(number)))
}

/// An artifact row with id `id(5_000 + number)` of task 1's run #12.
public func artifactRow(
  _ number: Int, name: String = "report.md", type: ArtifactType = .report, length: Int64? = 100,
  contentType: String? = nil, created: Date = t0
) -> ArtifactRow {
  ArtifactRow(
    id: id(5_000 + number), taskID: id(1), taskRunID: id(1_012), name: name, artifactType: .known(type),
    filePath: nil, fileSize: nil, fileHash: nil, contentType: contentType, contentLength: length, metadata: "{}",
    createdAt: created)
}

/// A metric series whose latest point came two seconds before `t0`.
public func series(
  _ name: String, unit: String? = nil, _ points: [Double] = [1, 2, 3], type: MetricType = .gauge
) -> MetricSeries {
  MetricSeries(name: name, metricType: .known(type), unit: unit, points: points, latestAt: at(-2))
}

/// What the sample store answers to a health probe.
public let sampleHealth = Health(roundTrip: .microseconds(420), serverVersion: "SQLite 3.40.1", schemaVersion: 3)

/// The bytes a store returns for a window of `content`: up to `length` from `offset`, fewer at
/// the end and none past it.
public func slice(_ content: [UInt8], offset: Int64, length: Int) -> [UInt8] {
  let lower = min(content.count, Int(max(0, offset)))
  return Array(content[lower..<min(content.count, lower + max(0, length))])
}

/// The bytes a store returns for `request`.
public func slice(_ content: [UInt8], _ request: ContentRequest) -> [UInt8] {
  slice(content, offset: request.offset, length: request.length)
}
