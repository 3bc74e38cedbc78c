import Foundation

/// One run's copy of a document as a comparison reads it: whose, how long, and as of which
/// change of the run (a running run's results change, and are compared again).
public struct DocumentVersion: Hashable, Sendable {
  /// The run the copy belongs to.
  public let runID: UUID
  /// The stored text's length in bytes.
  public let byteCount: Int64
  /// When the run's row last changed.
  public let updatedAt: Date
}
