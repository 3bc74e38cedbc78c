import Foundation

/// A serial executor that runs every job on one dedicated thread.
///
/// libpq calls block; running them on this thread instead of the cooperative pool keeps a slow
/// or stalled server from starving the rest of the program (the pool has as many threads as
/// cores, two on small machines).
///
/// While no job is queued the thread can wait on a socket instead of idling (see `IdleWatch`):
/// that is how the dashboard's one reading session also receives notifications between reads.
/// A new job then wakes it through a pipe.
final class ConnectionThread: SerialExecutor, @unchecked Sendable {
  // `jobs`, `stopping`, `watch` and `waitsOnSocket` are only touched with `condition` locked.
  private let condition = NSCondition()
  private var jobs: [UnownedJob] = []
  private var stopping = false
  private var watch: (any IdleWatch)?
  /// Whether the thread is in `poll` on a watched socket, so a new job must write to `wakeUp`.
  private var waitsOnSocket = false
  /// A pipe whose read end the thread polls beside the watched socket; created with the first
  /// watch, closed when the thread ends.
  private var wakeUp: (read: Int32, write: Int32)?

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
    wakeSocketWaitLocked()
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
    wakeSocketWaitLocked()
    condition.unlock()
  }

  /// Makes the thread wait on `watch`'s socket whenever no job is queued (nil: jobs only).
  ///
  /// Called from the thread's own jobs, so the watch changes only between its calls.
  func watchWhileIdle(_ newWatch: (any IdleWatch)?) {
    condition.lock()
    defer { condition.unlock() }
    watch = newWatch
    if newWatch != nil, wakeUp == nil {
      var ends: [Int32] = [0, 0]
      guard pipe(&ends) == 0 else {
        // Without a pipe a job could not end the wait: waiting for jobs only is the safe fallback.
        watch = nil
        return
      }
      for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      }
      wakeUp = (ends[0], ends[1])
    }
  }

  private func runLoop() {
    while let job = nextJob() {
      job.runSynchronously(on: asUnownedSerialExecutor())
    }
    condition.lock()
    let pipe = wakeUp
    wakeUp = nil
    condition.unlock()
    if let pipe {
      close(pipe.read)
      close(pipe.write)
    }
  }

  private func nextJob() -> UnownedJob? {
    condition.lock()
    defer { condition.unlock() }
    while jobs.isEmpty && !stopping {
      guard let watch, let pipe = wakeUp else {
        condition.wait()
        continue
      }
      // The watch uses libpq, which must not wait on this lock's holders.
      condition.unlock()
      let socket = watch.idleSocket()
      condition.lock()
      guard let socket, jobs.isEmpty, !stopping, self.watch === watch else {
        if socket == nil, self.watch === watch, jobs.isEmpty, !stopping { condition.wait() }
        continue
      }
      waitsOnSocket = true
      condition.unlock()
      let readable = Self.waitForEither(socket, pipe.read)
      condition.lock()
      waitsOnSocket = false
      if readable {
        condition.unlock()
        watch.socketReadable()
        condition.lock()
      }
    }
    return jobs.isEmpty ? nil : jobs.removeFirst()
  }

  /// Ends a `poll` the thread may be in; `condition` is locked.
  private func wakeSocketWaitLocked() {
    guard waitsOnSocket, let pipe = wakeUp else { return }
    var byte: UInt8 = 1
    _ = write(pipe.write, &byte, 1)
  }

  /// Waits until `socket` or the wake-up pipe is readable; true when the socket is. Empties the
  /// pipe, so the next wait blocks again.
  private static func waitForEither(_ socket: Int32, _ wakeUp: Int32) -> Bool {
    var descriptors = [
      pollfd(fd: socket, events: Int16(POLLIN), revents: 0),
      pollfd(fd: wakeUp, events: Int16(POLLIN), revents: 0),
    ]
    let ready = poll(&descriptors, 2, -1)
    if descriptors[1].revents != 0 {
      var buffer = [UInt8](repeating: 0, count: 64)
      while read(wakeUp, &buffer, buffer.count) > 0 {}
    }
    return ready > 0 && descriptors[0].revents != 0
  }
}
