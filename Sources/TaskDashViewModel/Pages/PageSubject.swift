import Foundation

/// What a page is about: one run or one task.
public enum PageSubject: Hashable, Sendable {
  case run(UUID)
  case task(UUID)
}
