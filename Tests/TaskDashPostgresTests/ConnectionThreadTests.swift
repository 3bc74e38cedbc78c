import Foundation
import Testing

@testable import TaskDashPostgres

@Suite struct ConnectionThreadTests {
  /// An actor on its own connection thread, like `PostgresConnection`.
  actor Probe {
    nonisolated let unownedExecutor: UnownedSerialExecutor
    private let thread: ConnectionThread
    private var visits = 0

    init(name: String) {
      thread = ConnectionThread(name: name)
      unownedExecutor = thread.asUnownedSerialExecutor()
    }

    deinit {
      thread.stop()
    }

    /// The name of the thread this call runs on, and how many calls came before it.
    func visit() -> (thread: String?, earlier: Int) {
      defer { visits += 1 }
      // The kernel's name of the running thread (what ps and a debugger show, and what the
      // thread set for itself), not Foundation's per-object cache of it.
      let comm = try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)
      return (comm?.trimmingCharacters(in: .newlines), visits)
    }
  }

  @Test func anActorsCallsRunOnItsOwnNamedThreadNeverOnThePool() async {
    let first = Probe(name: "probe-one")
    let second = Probe(name: "probe-two")
    let names = [await first.visit().thread, await second.visit().thread, await first.visit().thread]
    #expect(names == ["probe-one", "probe-two", "probe-one"])
  }

  @Test func callsFromManyTasksRunOneAtATime() async {
    let probe = Probe(name: "probe-serial")
    let earlier = await withTaskGroup(of: [Int].self) { group in
      for _ in 0..<8 {
        group.addTask {
          var seen: [Int] = []
          for _ in 0..<50 {
            seen.append(await probe.visit().earlier)
          }
          return seen
        }
      }
      return await group.reduce(into: []) { $0 += $1 }
    }
    // Every call saw a distinct count: no two ran at once.
    #expect(Set(earlier).count == 400)
    #expect(earlier.max() == 399)
  }
}
