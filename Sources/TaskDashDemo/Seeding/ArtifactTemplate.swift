import TaskDashModel

/// One kind of artifact a task's runs produce (an entry of a task's `artifacts` in the manifest).
public struct ArtifactTemplate: Hashable, Sendable {
  /// Which runs get this artifact.
  public enum Scope: String, Hashable, Sendable, Decodable {
    /// Every run whose status is in `when`.
    case run
    /// Only the newest run whose status is in `when`.
    case latest
    /// One per task, attached to the task rather than a run.
    case task
  }

  /// How the content is made.
  enum Body: Hashable, Sendable {
    /// A rendered template file.
    case template(Template)
    /// A generated log of `lines` lines, or of at least `minBytes` bytes.
    case log(lines: ClosedRange<Int>, minBytes: Int?)
    /// No content: a binary file known only by its path, size and hash.
    case binary(size: ClosedRange<Int>)
  }

  public let type: ArtifactType
  public let scope: Scope
  /// The run statuses this artifact is written for.
  public let when: Set<RunStatus>
  let body: Body
  let name: Template
  let path: Template
  let contentType: String?
  let metadata: [String: JSONValue]

  /// Whether this is the large log that only the demo set carries.
  var isLargeLog: Bool {
    if case .log(_, let minBytes?) = body { return minBytes > 0 }
    return false
  }

  init(
    type: ArtifactType, scope: Scope, when: Set<RunStatus>, body: Body, name: Template, path: Template,
    contentType: String?, metadata: [String: JSONValue]
  ) {
    self.type = type
    self.scope = scope
    self.when = when
    self.body = body
    self.name = name
    self.path = path
    self.contentType = contentType
    self.metadata = metadata
  }
}
