import ArgumentParser
import Foundation
import TaskDashModel
import TaskDashStore
import TerminalUI

/// `taskdash wait RUN`: follows one run until it ends, for CI and cron; the exit status says how
/// it ended (the `gh run watch --exit-status` idiom).
struct WaitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wait",
    abstract: "Follow one run until it ends; exit 0 if it completed, 1 if it failed, was cancelled or timed out.",
    discussion: """
      Prints a line when the run's status changes. Exit status: 0 completed; 1 failed, cancelled \
      or timeout; 2 when it could not tell (no such run, a refused login, no schema); 124 when \
      --timeout ran out first; 64 on a usage error. A lost connection is retried until the run ends \
      or the timeout runs out.
      """)

  /// The exit status when `--timeout` ran out before the run ended, as timeout(1) has it.
  static let timedOut: Int32 = 124

  @Argument(help: ArgumentHelp("The run: its id, or TASK NAME#N.", valueName: "run"))
  var reference: String
  @Option(help: "Give up after this long (90s, 30m, 2h), with status 124.") var timeout: TimeLength?
  @OptionGroup var database: DatabaseOptions
  @OptionGroup var refresh: IntervalOption

  func run() async throws {
    try await reportingFailures(status: CouldNotTell.status) {
      let target = try database.target()
      let clock = ContinuousClock()
      let deadline = timeout.map { clock.now + .milliseconds(Int($0.seconds * 1000)) }
      let finished = try await Backends.withCheckedReader(target) { reader in
        guard let id = try await RunReference.resolve(reference, reader: reader) else {
          throw PageSnapshot.NotFound(description: RunReference.notFound(reference))
        }
        return try await follow(id, reader: reader, clock: clock, deadline: deadline)
      }
      guard let finished else {
        ErrorLine.write("\(reference) had not ended after \(timeout.map(\.text) ?? "")")
        throw ExitCode(Self.timedOut)
      }
      if finished != .completed { throw ExitCode.failure }
    }
  }

  /// Reads the run every interval until it ends, printing each status it shows; its final status,
  /// or nil when `deadline` came first.
  private func follow(
    _ id: UUID, reader: any DashboardReading, clock: ContinuousClock, deadline: ContinuousClock.Instant?
  ) async throws -> RunStatus? {
    var shown: Lenient<RunStatus>?
    var lostConnection = false
    while true {
      do {
        guard let run = try await reader.runPage(id: id, documentLimit: 1)?.run else {
          throw PageSnapshot.NotFound(description: RunReference.notFound(reference))
        }
        lostConnection = false
        if run.status != shown {
          shown = run.status
          print(TerminalText.sanitize("\(run.taskName)#\(run.runNumber) \(run.status.rawValue)"))
        }
        if case .known(let status) = run.status, status.isFinished { return status }
      } catch let error as StoreError where error.isRetryable {
        // A restart or a network blip: the run goes on, so the wait does too.
        if !lostConnection { ErrorLine.write("\(error); retrying") }
        lostConnection = true
      }
      let next = clock.now + refresh.duration
      if let deadline, next > deadline {
        try await clock.sleep(until: deadline)
        return nil
      }
      try await clock.sleep(until: next)
    }
  }
}
