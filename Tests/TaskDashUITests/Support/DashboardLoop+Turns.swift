import TaskDashUI

extension DashboardLoop {
  /// Steps the loop, letting the runtime deliver, until `done` holds; false if it never did.
  ///
  /// Bounded, and asserts nothing about how long it took.
  func turn(until done: () -> Bool) async -> Bool {
    for _ in 0..<5_000 {
      step(timeoutMilliseconds: 0)
      if done() { return true }
      await Task.yield()
      try? await Task.sleep(for: .milliseconds(1))
    }
    return false
  }

  /// `count` turns of the loop, for polls that should change nothing.
  func turns(_ count: Int) async {
    for _ in 0..<count {
      step(timeoutMilliseconds: 0)
      await Task.yield()
      try? await Task.sleep(for: .milliseconds(1))
    }
  }
}
