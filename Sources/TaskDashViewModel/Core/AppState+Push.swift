import TaskDashStore

extension AppState {
  /// The interval the data pollers run at: the operator's, or the safety interval while the
  /// database pushes changes (whichever is longer: an operator who chose a minute keeps a minute).
  public var pollInterval: Duration {
    isPushed ? max(interval, settings.pushSafetyInterval) : interval
  }

  /// The effects that set the pollers to the schedule in force.
  ///
  /// The health probe slows down with the data polls under push. Even one tiny statement a
  /// second costs the server about 0.18 ms of CPU a second (mostly waking the backend), which
  /// is most of what an idle dashboard may cost it. A server that stops answering without
  /// closing the socket (a frozen process, a silent network) is then found by the next poll's
  /// deadline, within the safety interval; a closed socket the listener sees at once.
  var scheduleEffects: [Effect] {
    [.setInterval(pollInterval)]
  }

  /// Whether the header says `push`: changes arrive as they happen, and polling is paused by
  /// nothing.
  public var showsPush: Bool { isPushed && !isPaused }

  /// The health probe lost the connection: every pane in view is as stale as the probe says,
  /// though under push its own poll may be up to the safety interval away.
  mutating func markPanesStale(_ failure: LoadFailure) {
    for slot in polled {
      if let pane = slot.pane { change(pane, .fail(failure)) }
    }
  }

  /// Follows the listening session: while it listens polling slows to the safety interval,
  /// when it is lost polling takes over at the operator's interval at once, and a change polls
  /// the slots in view that read a changed table now.
  mutating func applyPush(_ signal: PushSignal) -> [Effect] {
    switch signal {
    case .listening, .lost:
      let wasPushed = isPushed
      isPushed = signal == .listening
      return isPushed == wasPushed ? [] : scheduleEffects
    case .changed(let tables):
      guard !isPaused else { return [] }
      let slots = polled.filter { !$0.readTables.isDisjoint(with: tables) }
      return slots.isEmpty ? [] : [.pollNow(slots)]
    }
  }
}
