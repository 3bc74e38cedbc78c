import Foundation

/// An output of a task run (a row of `artifacts`).
///
/// `content` is only filled when writing: readers fetch content in windows, never whole.
public struct Artifact: Hashable, Sendable, Identifiable {
  public var id: UUID
  public var taskID: UUID?
  public var taskRunID: UUID?
  public var name: String
  public var artifactType: Lenient<ArtifactType>
  public var filePath: String?
  public var fileSize: Int64?
  /// SHA-256 of the file, lowercase hex.
  public var fileHash: String?
  public var contentType: String?
  public var content: String?
  /// The `metadata` column as JSON text.
  public var metadata: String
  public var createdAt: Date
  public var updatedAt: Date

  /// Creates an artifact value.
  public init(
    id: UUID = UUID(), taskID: UUID?, taskRunID: UUID?, name: String,
    artifactType: Lenient<ArtifactType> = .known(.other), filePath: String? = nil,
    fileSize: Int64? = nil, fileHash: String? = nil, contentType: String? = nil,
    content: String? = nil, metadata: String = "{}", createdAt: Date = Date(),
    updatedAt: Date = Date()
  ) {
    self.id = id
    self.taskID = taskID
    self.taskRunID = taskRunID
    self.name = name
    self.artifactType = artifactType
    self.filePath = filePath
    self.fileSize = fileSize
    self.fileHash = fileHash
    self.contentType = contentType
    self.content = content
    self.metadata = metadata
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }
}
