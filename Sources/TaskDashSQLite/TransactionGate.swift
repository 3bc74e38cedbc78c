/// An asynchronous lock, first come first served, held across the awaits of one transaction.
///
/// A writer's transaction spans many hops to its connection's queue; the gate keeps a second
/// transaction on the same writer from interleaving its statements with the first. Each entry
/// gets a new number, which tells a transaction value that outlived its transaction apart from
/// the current one.
actor TransactionGate {
  private var isHeld = false
  private var waiters: [CheckedContinuation<Void, Never>] = []
  private var entries: UInt64 = 0

  /// Waits until the gate is free, takes it and returns the number of this entry.
  func enter() async -> UInt64 {
    if isHeld {
      await withCheckedContinuation { waiters.append($0) }
    } else {
      isHeld = true
    }
    entries += 1
    return entries
  }

  /// Hands the gate to the next waiter, or frees it.
  func leave() {
    if waiters.isEmpty {
      isHeld = false
    } else {
      waiters.removeFirst().resume()
    }
  }
}
