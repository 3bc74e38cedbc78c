import Foundation

/// Work `update(_:_:)` asks for; a `Runtime` carries it out and answers with messages.
public enum Effect: Hashable, Sendable {
  /// Poll this request, replacing whatever its slot polled before.
  case startPoll(PollRequest)
  /// Stop the poller of this slot.
  case stopPoll(PollSlot)
  /// Read this request once (while paused, the data on screen still follows navigation).
  case fetchOnce(PollRequest)
  /// Every running poller polls now, even one waiting out a backoff.
  case refreshPolls
  /// The reader tries to connect on its next read instead of waiting out the retry time of a
  /// refused login; comes before the reads it is for.
  case reconnectNow
  /// The pollers' new interval.
  case setInterval(Duration)
  /// Read an artifact's metadata; answered by `.artifactLoaded` or `.artifactFailed`.
  case fetchArtifact(UUID)
  /// Read a window of an artifact's content; answered by `.contentLoaded` or `.contentFailed`.
  case fetchContent(ContentRequest)
  /// Stop everything and finish the message stream.
  case quit
  /// Tell the operator about a run (the UI rings the bell; the runtime has nothing to do).
  case alert(RunAlert)
  /// Compare two runs' copies of a JSON document; answered by `.documentsCompared`.
  case compareDocuments(DocumentComparison)
  /// Stop a comparison started by `.compareDocuments` between two reads; it is not answered.
  case stopComparison(DocumentComparison)
  /// These slots' pollers poll now; one that is reading polls again as soon as it has read (the
  /// change may have come after its read began).
  case pollNow(Set<PollSlot>)
}
