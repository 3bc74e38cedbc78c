import TaskDashModel

/// One task of the demo set and how its runs look (an entry of the manifest's `tasks`).
public struct TaskTemplate: Hashable, Sendable {
  /// A short stable identifier, also the name of its plan, results and log files.
  public let key: String
  public let name: String
  public let description: String
  /// The task's `config` object.
  public let config: [String: JSONValue]
  /// A fixed task status; nil derives it from the task's runs.
  public let status: TaskStatus?
  /// How many runs the demo set gives this task.
  public let runCount: ClosedRange<Int>
  /// The statuses of the task's newest runs, still in progress at seeding time, newest last.
  public let active: [RunStatus]
  /// How long a successful run takes, in seconds.
  public let duration: ClosedRange<Double>
  let errors: [ErrorTemplate]
  let artifacts: [ArtifactTemplate]
  let plan: Template
  let results: Template
  let log: LogTemplates

  init(
    key: String, name: String, description: String, config: [String: JSONValue], status: TaskStatus?,
    runCount: ClosedRange<Int>, active: [RunStatus], duration: ClosedRange<Double>, errors: [ErrorTemplate],
    artifacts: [ArtifactTemplate], plan: Template, results: Template, log: LogTemplates
  ) {
    self.key = key
    self.name = name
    self.description = description
    self.config = config
    self.status = status
    self.runCount = runCount
    self.active = active
    self.duration = duration
    self.errors = errors
    self.artifacts = artifacts
    self.plan = plan
    self.results = results
    self.log = log
  }

  /// The model named in the config.
  public var model: String { config["model"]?.stringValue ?? "unknown" }
  /// The tools named in the config.
  public var tools: [String] {
    guard case .array(let values)? = config["tools"] else { return [] }
    return values.compactMap(\.stringValue)
  }
  /// `max_rounds` from the config.
  public var maxRounds: Int? { config["max_rounds"]?.doubleValue.map { Int($0) } }
  /// `memory_size` from the config.
  public var memorySize: Int? { config["memory_size"]?.doubleValue.map { Int($0) } }
  /// The run time limit in seconds (`timeout_seconds`, else twice the longest duration).
  public var timeout: Double { config["timeout_seconds"]?.doubleValue ?? duration.upperBound * 2 }

  /// The variables every template of this task can use.
  func context(host: String, region: String) -> TemplateContext {
    var values: [String: String] = [
      "task": name, "task_key": key, "model": model, "tools": tools.joined(separator: ", "),
      "tools_json": JSONValue.array(tools.map(JSONValue.string)).text,
      "timeout": String(Int(timeout)), "host": host, "region": region,
    ]
    values["temperature"] = config["temperature"].map(\.text) ?? ""
    values["max_rounds"] = maxRounds.map(String.init) ?? ""
    values["memory_size"] = memorySize.map(String.init) ?? ""
    return TemplateContext(values: values, tools: tools)
  }
}
