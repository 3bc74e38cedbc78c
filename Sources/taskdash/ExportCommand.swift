import ArgumentParser
import Foundation
import TaskDashStore

/// `taskdash export runs|metrics|artifacts`: every row of a kind, streamed as CSV or JSON lines.
struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Stream runs, metric snapshots or artifacts as CSV or JSON lines.",
    discussion: """
      Rows are read by one statement and written as they arrive, so memory stays flat however \
      many there are. Runs and artifacts come newest first, snapshots in storage order. Text is \
      written as stored. An artifact's content is not exported, its length is.
      """)

  @Argument(help: "runs, metrics or artifacts.") var kind: ExportKind
  @Option(help: "csv (RFC 4180, with a header row) or jsonl (one JSON object a line).") var format = ExportFormat.csv
  @Option(help: "Only rows of the last DURATION (90s, 30m, 12h, 7d, 2w).") var since: TimeLength?
  @Option(help: "Only rows of the task with this exact name.") var task: String?
  @Option(
    help:
      "Only the runs the runs pane's / would show (status:failed task:NAME err:TEXT dur>5m since:2h silent, - negates), or their snapshots or artifacts."
  )
  var filter = ""
  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    let query: FilterQuery
    do {
      query = try FilterParser.parse(filter, for: .runs)
    } catch {
      ErrorLine.write("--filter \(error)")
      throw ExitCode(64)
    }
    try await reportingFailures {
      let target = try database.target()
      let taskID = try await Backends.withCheckedReader(target) { [task] reader -> UUID? in
        guard let task else { return nil }
        guard let id = try await reader.taskID(named: task) else {
          throw ExportFailure.noSuchTask(task)
        }
        return id
      }
      let request = ExportRequest(
        kind: kind, since: since.map { Date().addingTimeInterval(-$0.seconds) }, taskID: taskID, filter: query)
      let output = ExportOutput(format: format, columns: kind.columns)
      output.start()
      try await Backends.withExporter(target) { exporter in
        _ = try await exporter.export(request) { values in output.write(values) }
      }
      try output.finish()
    }
  }
}

extension ExportKind: ExpressibleByArgument {}
