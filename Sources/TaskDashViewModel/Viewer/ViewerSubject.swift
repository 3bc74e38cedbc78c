import Foundation
import TaskDashModel

/// What the viewer reads: an artifact, or one of a run's documents opened from its page
/// because the page shows only its head.
public enum ViewerSubject: Hashable, Sendable {
  case artifact(ArtifactRow)
  /// A run's document; `title` names the run ("market-analysis #3") and `length` is the
  /// document's size in bytes as the page read it.
  case document(RunDocument, runID: UUID, title: String, length: Int64)

  /// Where its content is stored.
  public var source: ContentSource {
    switch self {
    case .artifact(let row): .artifact(row.id)
    case .document(let document, let runID, _, _): .run(runID, document)
    }
  }

  /// The name the viewer's title shows (from the database: the UI sanitizes it).
  public var name: String {
    switch self {
    case .artifact(let row): row.name
    case .document(let document, _, let title, _): "\(document.title) of \(title)"
    }
  }

  /// What it is, beside the name: the artifact's type, or the run document's column.
  public var typeLabel: String {
    switch self {
    case .artifact(let row): row.artifactType.rawValue
    case .document(let document, _, _, _): document.column
    }
  }

  /// The stored length in bytes, as the metadata says.
  public var storedLength: Int64? {
    switch self {
    case .artifact(let row): row.contentLength
    case .document(_, _, _, let length): length
    }
  }

  /// How to present content that starts with `prefix`: an artifact by its labels, a run's
  /// document by its column (JSON but the error message), a NUL byte meaning binary for both.
  func kind(prefix: some Collection<UInt8>, probe: Int) -> ContentKind {
    switch self {
    case .artifact(let row): ContentKind.guess(for: row, prefix: prefix, probe: probe)
    case .document(let document, _, _, _):
      prefix.prefix(probe).contains(0) ? .binary : document.isJSON ? .json : .plain
    }
  }
}
