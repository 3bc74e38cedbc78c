import Foundation
import TaskDashModel

/// The demo data set's definition: the manifest and templates under Seeds/, parsed.
public struct SeedCatalog: Hashable, Sendable {
  public let tasks: [TaskTemplate]
  public let metrics: [MetricProfile]
  public let hosts: [String]
  public let regions: [String]
  /// How far back the demo history reaches, in days.
  public let historyDays: Double
  /// Finished statuses in the proportions older runs are dealt from.
  public let finishedDeck: [RunStatus]
  /// How many points each metric series of a run gets.
  public let pointsPerSeries: ClosedRange<Int>
  let timeoutErrors: [ErrorTemplate]
  /// The report written for a run that did not complete.
  let failureReport: Template

  /// The catalog built into the binary.
  public static func embedded() throws -> SeedCatalog {
    try SeedCatalog(files: EmbeddedSeeds.files)
  }

  /// Parses the files of a Seeds/ directory given as relative path to contents.
  public init(files: [String: String]) throws {
    func file(_ path: String) throws -> String {
      guard let text = files[path] else {
        throw TemplateError(template: path, message: "missing from the seed files")
      }
      return text
    }
    let manifest: Manifest
    do {
      // No key strategy: it would also rewrite the keys of config and metadata objects.
      manifest = try JSONDecoder().decode(Manifest.self, from: Data(try file("demo.json").utf8))
    } catch let error as TemplateError {
      throw error
    } catch {
      throw TemplateError(template: "demo.json", message: "does not decode: \(error)")
    }
    guard !manifest.tasks.isEmpty, !manifest.hosts.isEmpty, !manifest.regions.isEmpty, !manifest.metrics.isEmpty else {
      throw TemplateError(template: "demo.json", message: "needs tasks, hosts, regions and metrics")
    }
    try manifest.metrics.forEach { try $0.validate() }
    let commonLog = try LogTemplates(parsing: try file("logs/common.txt"), name: "logs/common.txt")
    let defaults = manifest.defaultArtifacts ?? []

    func artifact(_ raw: Manifest.Artifact, task: String) throws -> ArtifactTemplate {
      let where_ = "demo.json task \(task) artifact \(raw.name)"
      let body: ArtifactTemplate.Body
      if let path = raw.template {
        body = .template(try Template(try file(path), name: path))
      } else if raw.generator == "log" {
        let lines = raw.lines ?? [40, 120]
        guard lines.count == 2, lines[0] > 0, lines[0] <= lines[1] else {
          throw TemplateError(template: where_, message: "lines needs [low, high]")
        }
        body = .log(lines: lines[0]...lines[1], minBytes: raw.minBytes)
      } else if let size = raw.size, size.count == 2, size[0] > 0, size[0] <= size[1] {
        body = .binary(size: size[0]...size[1])
      } else {
        throw TemplateError(template: where_, message: "needs a template, generator \"log\" or a size")
      }
      return ArtifactTemplate(
        type: raw.type, scope: raw.scope ?? .run,
        when: Set(raw.when ?? RunStatus.allCases.filter(\.isFinished)), body: body,
        name: try Template(raw.name, name: where_), path: try Template(raw.path ?? raw.name, name: where_),
        contentType: raw.contentType, metadata: raw.metadata ?? [:])
    }

    var tasks: [TaskTemplate] = []
    for raw in manifest.tasks {
      let where_ = "demo.json task \(raw.key)"
      guard raw.runs.count == 2, raw.runs[0] >= 1, raw.runs[0] <= raw.runs[1],
        raw.runs[0] > raw.active.count,
        raw.durationSeconds.count == 2, raw.durationSeconds[0] > 0, raw.durationSeconds[0] <= raw.durationSeconds[1]
      else {
        throw TemplateError(
          template: where_, message: "runs and duration_seconds need [low, high], with more runs than active ones")
      }
      guard raw.active.allSatisfy({ !$0.isFinished }) else {
        throw TemplateError(template: where_, message: "active statuses must be pending or running")
      }
      var log = commonLog
      if let text = files["logs/\(raw.key).txt"] {
        log = log.adding(try LogTemplates(parsing: text, name: "logs/\(raw.key).txt"))
      }
      tasks.append(
        TaskTemplate(
          key: raw.key, name: raw.name, description: raw.description, config: raw.config, status: raw.status,
          runCount: raw.runs[0]...raw.runs[1], active: raw.active,
          duration: raw.durationSeconds[0]...raw.durationSeconds[1],
          errors: try raw.errors.map { try ErrorTemplate(message: $0.message, details: $0.details, name: where_) },
          artifacts: try (defaults + raw.artifacts).map { try artifact($0, task: raw.key) },
          plan: try Template(try file("plans/\(raw.key).json"), name: "plans/\(raw.key).json"),
          results: try Template(try file("results/\(raw.key).json"), name: "results/\(raw.key).json"),
          log: log))
      if tasks.last!.errors.isEmpty {
        throw TemplateError(template: where_, message: "needs at least one error for its failed runs")
      }
    }
    self.tasks = tasks
    metrics = manifest.metrics
    hosts = manifest.hosts
    regions = manifest.regions
    historyDays = manifest.historyDays
    var deck: [RunStatus] = []
    for status in RunStatus.allCases {
      deck += Array(repeating: status, count: manifest.finishedStatusDeck[status.rawValue] ?? 0)
    }
    guard !deck.isEmpty, deck.allSatisfy(\.isFinished),
      manifest.finishedStatusDeck.keys.allSatisfy({ RunStatus(rawValue: $0) != nil })
    else {
      throw TemplateError(template: "demo.json", message: "finished_status_deck needs finished statuses only")
    }
    finishedDeck = deck
    guard manifest.pointsPerSeries.count == 2, manifest.pointsPerSeries[0] >= 2,
      manifest.pointsPerSeries[0] <= manifest.pointsPerSeries[1]
    else { throw TemplateError(template: "demo.json", message: "points_per_series needs [low >= 2, high]") }
    pointsPerSeries = manifest.pointsPerSeries[0]...manifest.pointsPerSeries[1]
    timeoutErrors = try manifest.timeoutErrors.map {
      try ErrorTemplate(message: $0.message, details: $0.details, name: "demo.json timeout_errors")
    }
    guard !timeoutErrors.isEmpty else {
      throw TemplateError(template: "demo.json", message: "needs at least one timeout error")
    }
    failureReport = try Template(try file("reports/failure-summary.md"), name: "reports/failure-summary.md")
  }

  /// The manifest as stored in demo.json.
  private struct Manifest: Decodable {
    struct Error: Decodable {
      var message: String
      var details: JSONValue
    }

    struct Artifact: Decodable {
      var type: ArtifactType
      var name: String
      var path: String?
      var template: String?
      var generator: String?
      var contentType: String?
      var when: [RunStatus]?
      var scope: ArtifactTemplate.Scope?
      var lines: [Int]?
      var minBytes: Int?
      var size: [Int]?
      var metadata: [String: JSONValue]?

      enum CodingKeys: String, CodingKey {
        case type, name, path, template, generator, when, scope, lines, size, metadata
        case contentType = "content_type"
        case minBytes = "min_bytes"
      }
    }

    struct Task: Decodable {
      var key: String
      var name: String
      var description: String
      var config: [String: JSONValue]
      var status: TaskStatus?
      var runs: [Int]
      var active: [RunStatus]
      var durationSeconds: [Double]
      var errors: [Error]
      var artifacts: [Artifact]

      enum CodingKeys: String, CodingKey {
        case key, name, description, config, status, runs, active, errors, artifacts
        case durationSeconds = "duration_seconds"
      }
    }

    var hosts: [String]
    var regions: [String]
    var historyDays: Double
    var finishedStatusDeck: [String: Int]
    var metrics: [MetricProfile]
    var pointsPerSeries: [Int]
    var defaultArtifacts: [Artifact]?
    var timeoutErrors: [Error]
    var tasks: [Task]

    enum CodingKeys: String, CodingKey {
      case hosts, regions, metrics, tasks
      case historyDays = "history_days"
      case finishedStatusDeck = "finished_status_deck"
      case pointsPerSeries = "points_per_series"
      case defaultArtifacts = "default_artifacts"
      case timeoutErrors = "timeout_errors"
    }
  }
}
