import Foundation
import TaskDashModel

/// Where the viewer's content is stored: an artifact's content, or one of a run's documents.
public enum ContentSource: Hashable, Sendable {
  case artifact(UUID)
  case run(UUID, RunDocument)
}
