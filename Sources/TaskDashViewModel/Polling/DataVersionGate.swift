import Foundation
import TaskDashStore

/// Skips a poll's read when the database says nothing changed since that slot last read.
///
/// The data version (SQLite's `PRAGMA data_version`, PostgreSQL's write-ahead log position)
/// costs one tiny statement, where a pane's read costs a millisecond or more: an idle
/// dashboard asks it and reads nothing. A request whose answer the clock may change
/// (`PollRequest.canBeHeld`) always reads, without asking; one that may be held gets its
/// previous answer again until that answer's `heldUntil`, which the poller reports as
/// unchanged.
actor DataVersionGate {
  private struct Answer {
    var request: PollRequest
    var version: Int64
    var value: PollValue
    var heldUntil: Date
  }

  /// How long one asked version serves other slots: the pollers of one round are due together,
  /// so one statement answers all of them instead of one each.
  static let sharedFor: TimeInterval = 0.5

  private let versions: any DataVersionReading
  private let clock: any PollClock
  private var answers: [PollSlot: Answer] = [:]
  /// The last version asked, and when the asking began.
  private var shared: (version: Int64?, askedAt: Date)?

  init(versions: any DataVersionReading, clock: any PollClock) {
    self.versions = versions
    self.clock = clock
  }

  /// `request`'s value: read from `reader`, or the slot's last answer when it was to the same
  /// request, the data version has not moved since, and the clock has not reached the moment
  /// the answer changes by itself.
  func read(_ request: PollRequest, from reader: any DashboardReading) async throws -> PollValue {
    let slot = request.slot
    guard request.canBeHeld, let version = try await currentVersion() else {
      answers[slot] = nil
      return try await request.read(from: reader)
    }
    if let answer = answers[slot], answer.request == request, answer.version == version,
      clock.now < answer.heldUntil
    {
      return answer.value
    }
    // The version is taken before the read: a commit during the read moves it, and the next
    // poll reads again.
    let value = try await request.read(from: reader)
    answers[slot] = Answer(request: request, version: version, value: value, heldUntil: value.heldUntil)
    return value
  }

  /// Forgets the shared version: a change was announced (push) or asked for (`r`), and a version
  /// asked before it must not let a slot keep rows the change made old.
  func forgetSharedVersion() {
    shared = nil
  }

  /// The version asked within the last `sharedFor` seconds, or a new one. A version is always
  /// asked before the reads it serves, which is all an answer's version must be.
  private func currentVersion() async throws -> Int64? {
    let now = clock.now
    if let shared, now >= shared.askedAt, now.timeIntervalSince(shared.askedAt) < Self.sharedFor {
      return shared.version
    }
    let version = try await versions.dataVersion()
    shared = (version, now)
    return version
  }
}
