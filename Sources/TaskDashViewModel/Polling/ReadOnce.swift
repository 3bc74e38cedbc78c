import Foundation
import TaskDashStore

/// The view-model run once without a terminal: each poll the screen in view asks for is read
/// once, in the order `update` asks for it, and answered through `update`, until the screen
/// asks for nothing new.
///
/// `taskdash snapshot` prints the state this leaves, so a script sees what the dashboard shows
/// once its first values are in (the same queries, limits, order and selection) rather than
/// a second choice of queries.
public enum ReadOnce {
  /// Starts `state` on `layout` at `now` and answers its polls from `reader`; a failed read
  /// throws, since a snapshot has no later poll to show instead.
  public static func run(
    _ state: inout AppState, layout: PaneLayout, reader: any DashboardReading, now: Date
  ) async throws {
    var pending = update(&state, .layout(layout)) + update(&state, .start(at: now))
    var answered: Set<PollRequest> = []
    while !pending.isEmpty {
      let request: PollRequest
      switch pending.removeFirst() {
      case .startPoll(let poll), .fetchOnce(let poll): request = poll
      default: continue
      }
      // A request is read once: the answer it got is what the screen shows.
      guard answered.insert(request).inserted else { continue }
      pending += update(&state, .loaded(try await request.read(from: reader), at: now))
    }
  }
}
