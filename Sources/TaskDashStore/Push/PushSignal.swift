/// What a reader that listens for changes tells the dashboard.
public enum PushSignal: Hashable, Sendable {
  /// The reading session listens: changes will be announced from now on.
  case listening
  /// Statements changed these tables.
  case changed(Set<ChangedTable>)
  /// The listening session was lost: nothing is announced until `listening` comes again.
  case lost
}
