import TaskDashStore

/// The answer to a `DocumentComparison`.
public enum DocumentDiff: Hashable, Sendable {
  /// The differences; `streamed` when the documents were read in lockstep instead of whole.
  case compared(JSONDiffReport, streamed: Bool)
  /// One of the documents is not JSON (or nests too deeply): what was found at which byte.
  case invalid(String)
  /// Reading failed; `r` asks again.
  case unreadable(StoreError)
}
