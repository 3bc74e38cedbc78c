import Foundation

/// An artifact as the artifacts pane and the viewer's header show it: everything but the content.
public struct ArtifactRow: Hashable, Sendable, Identifiable {
  public var id: UUID
  public var taskID: UUID?
  public var taskRunID: UUID?
  public var name: String
  public var artifactType: Lenient<ArtifactType>
  public var filePath: String?
  public var fileSize: Int64?
  public var fileHash: String?
  public var contentType: String?
  /// Length of the stored content in UTF-8 bytes, or nil when there is none.
  public var contentLength: Int64?
  /// The `metadata` column as JSON text.
  public var metadata: String
  public var createdAt: Date

  /// Creates a row.
  public init(
    id: UUID, taskID: UUID?, taskRunID: UUID?, name: String, artifactType: Lenient<ArtifactType>,
    filePath: String?, fileSize: Int64?, fileHash: String?, contentType: String?,
    contentLength: Int64?, metadata: String, createdAt: Date
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
    self.contentLength = contentLength
    self.metadata = metadata
    self.createdAt = createdAt
  }
}
