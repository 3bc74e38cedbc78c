import TaskDashStore

/// Skips a poll's read when the database says nothing changed since that slot last read.
///
/// SQLite's data version is the one signal it has (there is no push): asked before each poll,
/// it costs microseconds, where a pane's read costs a millisecond or more. A slot whose answer
/// also depends on the clock (see `PollSlot.dependsOnDataOnly`) always reads; one that does
/// not gets its previous answer again, which the poller reports as unchanged.
actor DataVersionGate {
  private struct Answer {
    var request: PollRequest
    var version: Int64
    var value: PollValue
  }

  private let versions: any DataVersionReading
  private var answers: [PollSlot: Answer] = [:]

  init(versions: any DataVersionReading) {
    self.versions = versions
  }

  /// `request`'s value: read from `reader`, or the slot's last answer when it was to the same
  /// request and the data version has not moved since.
  func read(_ request: PollRequest, from reader: any DashboardReading) async throws -> PollValue {
    let slot = request.slot
    guard slot.dependsOnDataOnly, let version = try await versions.dataVersion() else {
      return try await request.read(from: reader)
    }
    if let answer = answers[slot], answer.request == request, answer.version == version {
      return answer.value
    }
    // The version is taken before the read: a commit during the read moves it, and the next
    // poll reads again.
    let value = try await request.read(from: reader)
    answers[slot] = Answer(request: request, version: version, value: value)
    return value
  }
}
