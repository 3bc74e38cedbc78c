import Foundation
import SeededRandom
import TaskDashModel

/// The JSON and error columns of a run, from its task's templates.
enum RunContent {
  /// What a run ended with.
  struct Outcome {
    var results: String?
    var errorMessage: String?
    var errorDetails: String?
  }

  /// The run's plan as JSON text.
  static func plan(_ task: TaskTemplate, _ context: TemplateContext, _ random: inout SplitMix64) -> String {
    compact(task.plan.render(context, &random))
  }

  /// Rendered JSON templates are laid out for people; the columns get compact text.
  static func compact(_ text: String) -> String {
    JSONValue(parsing: text)?.text ?? text
  }

  /// Results and error columns for a run that ended in `status` (nothing for an active run).
  static func outcome(
    _ status: RunStatus, task: TaskTemplate, catalog: SeedCatalog, context: TemplateContext,
    random: inout SplitMix64
  ) -> Outcome {
    let steps = JSONValue.int(random.int(in: 1...4))
    switch status {
    case .pending, .running:
      return Outcome()
    case .completed:
      return Outcome(results: compact(task.results.render(context, &random)))
    case .cancelled:
      let partial = JSONValue.object(["cancelled_by": .string("operator"), "steps_completed": steps])
      return Outcome(results: partial.text)
    case .failed, .timeout:
      let errors = status == .failed ? task.errors : catalog.timeoutErrors
      let error = random.pick(errors).render(context, &random)
      let partial = JSONValue.object(["partial": .bool(true), "steps_completed": steps])
      return Outcome(results: partial.text, errorMessage: error.message, errorDetails: error.details)
    }
  }

  /// How long a run that ends in `status` takes, in seconds.
  static func duration(_ status: RunStatus, task: TaskTemplate, random: inout SplitMix64) -> Double {
    let longest = task.duration.upperBound
    let seconds: Double =
      switch status {
      case .completed, .pending, .running: random.double(in: task.duration)
      case .failed: random.double(in: 0.08...0.7) * longest
      case .timeout: task.timeout
      case .cancelled: random.double(in: 0.05...0.5) * longest
      }
    return (seconds * 1000).rounded() / 1000
  }

  /// The task status a run's end leaves its task in.
  static func taskStatus(after status: RunStatus) -> TaskStatus {
    switch status {
    case .pending: .pending
    case .running: .running
    case .completed: .completed
    case .failed, .timeout: .failed
    case .cancelled: .cancelled
    }
  }

  /// The labels every snapshot of a run carries.
  static func labels(task: TaskTemplate, host: String, region: String) -> String {
    JSONValue.object([
      "host": .string(host), "model": .string(task.model), "region": .string(region), "task": .string(task.key),
    ]).text
  }
}
