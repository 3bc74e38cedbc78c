import Foundation

/// A serial executor that runs every job on one dedicated thread.
///
/// libpq calls block; running them on this thread instead of the cooperative pool keeps a slow
/// or stalled server from starving the rest of the program (the pool has as many threads as
/// cores, two on small machines).
final class ConnectionThread: SerialExecutor, @unchecked Sendable {
  // `jobs` and `stopping` are only touched with `condition` locked.
  private let condition = NSCondition()
  private var jobs: [UnownedJob] = []
  private var stopping = false

  /// Starts the thread; it runs until `stop()` and drains its queue before it ends.
  init(name: String) {
    let started = DispatchSemaphore(value: 0)
    let thread = Thread { [self] in
      started.signal()
      runLoop()
    }
    thread.start()
    // Foundation on Linux applies a name only once start() has recorded the pthread, and the
    // new thread may run before that: naming itself from inside raced and was sometimes lost
    // (the thread kept its creator's name). Naming it from here, after start, always lands.
    started.wait()
    thread.name = name
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let unowned = UnownedJob(job)
    condition.lock()
    jobs.append(unowned)
    condition.signal()
    condition.unlock()
  }

  func asUnownedSerialExecutor() -> UnownedSerialExecutor {
    UnownedSerialExecutor(ordinary: self)
  }

  /// Lets the thread end once the jobs already queued have run.
  func stop() {
    condition.lock()
    stopping = true
    condition.signal()
    condition.unlock()
  }

  private func runLoop() {
    while let job = nextJob() {
      job.runSynchronously(on: asUnownedSerialExecutor())
    }
  }

  private func nextJob() -> UnownedJob? {
    condition.lock()
    defer { condition.unlock() }
    while jobs.isEmpty && !stopping {
      condition.wait()
    }
    return jobs.isEmpty ? nil : jobs.removeFirst()
  }
}
