import Foundation
import TaskDashModel

/// Rows for tests, at whole-millisecond times from a fixed origin so that every backend
/// returns exactly the times it was given.
enum Sample {
  /// 2023-11-14T22:13:20Z.
  static let origin = Date(timeIntervalSince1970: 1_700_000_000)

  /// The origin moved by `seconds`.
  static func time(_ seconds: Double) -> Date { origin.addingTimeInterval(seconds) }

  static func task(_ name: String, status: TaskStatus = .pending, updatedAt seconds: Double = 0) -> Task {
    Task(name: name, status: .known(status), createdAt: time(0), updatedAt: time(seconds))
  }

  static func run(
    of task: Task, status: RunStatus = .pending, at seconds: Double, number: Int? = nil
  ) -> TaskRun {
    TaskRun(
      taskID: task.id, runNumber: number, status: .known(status), createdAt: time(seconds),
      updatedAt: time(seconds))
  }

  static func metric(
    _ name: String, value: Double, at seconds: Double, task: UUID? = nil, run: UUID? = nil,
    type: MetricType = .gauge, unit: String? = nil
  ) -> MetricSnapshot {
    MetricSnapshot(
      taskID: task, taskRunID: run, name: name, metricType: .known(type), value: value, unit: unit,
      timestamp: time(seconds))
  }

  static func artifact(
    _ name: String, at seconds: Double, task: UUID? = nil, run: UUID? = nil, content: String? = nil
  ) -> Artifact {
    Artifact(
      taskID: task, taskRunID: run, name: name, artifactType: .known(.report), content: content,
      createdAt: time(seconds), updatedAt: time(seconds))
  }
}
