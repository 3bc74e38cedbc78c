import Crypto
import Foundation
import SeededRandom
import TaskDashModel

/// Builds artifact rows from artifact templates: content, path, size, hash and metadata.
enum ArtifactFactory {
  /// Where and when an artifact is written.
  struct Placement {
    var id: UUID
    var taskID: UUID
    var run: TaskRun?
    /// The end of the log's time span (a run's completion, or now for a running run).
    var until: Date
    var createdAt: Date
  }

  /// An artifact of `spec`; `largeLogs` false caps a large log at its line range.
  static func make(
    _ spec: ArtifactTemplate, task: TaskTemplate, at placement: Placement, context: TemplateContext,
    largeLogs: Bool, random: inout SplitMix64
  ) -> Artifact {
    var content: String?
    var fileSize: Int64
    var fileHash: String
    var metadata = spec.metadata
    switch spec.body {
    case .template(let template):
      let text = template.render(context, &random)
      content = text
      fileSize = Int64(text.utf8.count)
      fileHash = sha256(text)
    case .log(let lines, let minBytes):
      let status = placement.run?.status.known ?? .completed
      let output = LogWriter.write(
        task.log, status: status, from: placement.run?.startedAt ?? placement.createdAt, to: placement.until,
        lines: random.int(in: lines), minBytes: largeLogs ? minBytes : nil, context: context, random: &random)
      content = output.text
      fileSize = Int64(output.text.utf8.count)
      fileHash = sha256(output.text)
      metadata["lines"] = .int(output.lines)
      metadata["complete"] = .bool(status.isFinished)
    case .binary(let size):
      fileSize = Int64(random.int(in: size))
      // The file itself is not stored; its hash stands for bytes that would live on disk.
      fileHash = sha256("\(placement.id.uuidString):\(fileSize):\(random.hex(32))")
    }
    metadata["generator"] = .string("taskdash seed")
    if let number = placement.run?.runNumber { metadata["run_number"] = .int(number) }
    return Artifact(
      id: placement.id, taskID: placement.taskID, taskRunID: placement.run?.id,
      name: spec.name.render(context, &random), artifactType: .known(spec.type),
      filePath: spec.path.render(context, &random), fileSize: fileSize, fileHash: fileHash,
      contentType: spec.contentType, content: content, metadata: JSONValue.object(metadata).text,
      createdAt: placement.createdAt, updatedAt: placement.createdAt)
  }

  /// The report written for a run that failed or timed out.
  static func failureReport(
    _ template: Template, at placement: Placement, context: TemplateContext, random: inout SplitMix64
  ) -> Artifact {
    let text = template.render(context, &random)
    let number = placement.run?.runNumber ?? 0
    let key = context.values["task_key"] ?? "task"
    return Artifact(
      id: placement.id, taskID: placement.taskID, taskRunID: placement.run?.id,
      name: "failure-summary-\(number).md", artifactType: .known(.report),
      filePath: "runs/\(key)/\(number)/failure-summary.md", fileSize: Int64(text.utf8.count),
      fileHash: sha256(text), contentType: "text/markdown", content: text,
      metadata: JSONValue.object([
        "generator": .string("taskdash seed"), "run_number": .int(number),
        "status": .string(placement.run?.status.rawValue ?? "failed"),
      ]).text,
      createdAt: placement.createdAt, updatedAt: placement.createdAt)
  }

  /// Lowercase hex SHA-256 of the UTF-8 text.
  static func sha256(_ text: String) -> String {
    SHA256.hash(data: Data(text.utf8)).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
