import Foundation
import TaskDashModel
import TaskDashStore

/// Everything that happens to the dashboard, as a value fed to `update(_:_:)`.
public enum Message: Hashable, Sendable {
  /// The dashboard starts: polling begins.
  case start(at: Date)
  /// The operator did something.
  case action(Action)
  /// The terminal's size and what its panes and viewer hold, sent by the UI on start and on
  /// every resize.
  case layout(PaneLayout)
  /// Time passes (for ages in the header; polling keeps its own time).
  case tick(Date)
  /// A poll returned a new value.
  case loaded(PollValue, at: Date)
  /// A poll returned the same value as before.
  case unchanged(PollRequest, at: Date)
  /// A poll failed.
  case failed(PollRequest, LoadFailure)
  /// The application learned about the connection (for example while opening it).
  case connection(ConnectionStatus, at: Date)
  /// An artifact's metadata arrived (nil: it no longer exists).
  case artifactLoaded(UUID, ArtifactRow?, at: Date)
  /// Reading an artifact's metadata failed.
  case artifactFailed(UUID, StoreError)
  /// A window of artifact content arrived.
  case contentLoaded(ContentRequest, [UInt8])
  /// Reading a window of artifact content failed.
  case contentFailed(ContentRequest, StoreError)
  /// A document comparison finished.
  case documentsCompared(DocumentComparison, DocumentDiff)
  /// The reader's listening session said something: it listens, tables changed (a burst of
  /// notifications coalesced into one message), or it was lost.
  case push(PushSignal, at: Date)
  /// The environment the operator chose could not be opened (the config file changed, a
  /// variable it needs is unset); the dashboard goes on with the one it has.
  case environmentFailed(name: String, reason: String)
}
