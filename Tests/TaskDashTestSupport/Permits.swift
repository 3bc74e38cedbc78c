/// A counting semaphore for tests: at most `count` holders at once, the others wait in order.
///
/// The conformance suite runs every test case at once; each PostgreSQL fixture holds half a
/// dozen connections, so without a bound the server's connection limit is what decides which
/// tests fail.
public actor Permits {
  private var available: Int
  private var waiting: [CheckedContinuation<Void, Never>] = []

  /// Permits for `count` holders.
  public init(_ count: Int) {
    available = count
  }

  /// Returns once the caller holds a permit.
  public func acquire() async {
    if available > 0 {
      available -= 1
      return
    }
    await withCheckedContinuation { waiting.append($0) }
  }

  /// Gives a permit back, to the longest waiter if there is one.
  public func release() {
    if waiting.isEmpty {
      available += 1
    } else {
      waiting.removeFirst().resume()
    }
  }
}
