import Foundation
import TaskDashStore
import TaskDashTestSupport
import Testing

/// A refused login reaches the server once per retry window, however many panes poll.
@Suite struct RefusedLoginTests {
  let clock = ManualClock()

  func reader(_ server: FakeLoginServer) -> ReconnectingReader {
    ReconnectingReader(retryWindow: .seconds(60), now: { [clock] in clock.now }) { try await server.openReader() }
  }

  /// Five panes polling at once, as the dashboard does; each pane's error, nil for a success.
  static func pollAll(_ reader: ReconnectingReader) async -> [StoreError?] {
    let polls: [@Sendable () async throws -> Void] = [
      { _ = try await reader.health() }, { _ = try await reader.tasks(TaskQuery()) },
      { _ = try await reader.runs(RunQuery()) }, { _ = try await reader.artifacts(ArtifactQuery()) },
      { _ = try await reader.metrics(MetricQuery(scope: .task(UUID()))) },
    ]
    return await withTaskGroup(of: StoreError?.self) { group in
      for poll in polls {
        group.addTask {
          do {
            try await poll()
            return nil
          } catch {
            return error as? StoreError ?? .query(sqlState: nil, message: "\(error)")
          }
        }
      }
      var errors: [StoreError?] = []
      for await error in group { errors.append(error) }
      return errors
    }
  }

  static let refusedEverywhere = [StoreError?](repeating: FakeLoginServer.refusal, count: 5)
  static let answeredEverywhere = [StoreError?](repeating: nil, count: 5)

  @Test func panesPollingThroughARefusedLoginSendOneLoginPerRetryWindow() async {
    let server = FakeLoginServer(refusing: true)
    let reader = reader(server)

    // Given a wrong password, when five panes poll at once, then one login reaches the server
    // and every pane gets its refusal;
    #expect(await Self.pollAll(reader) == Self.refusedEverywhere)
    #expect(await server.logins == 1)

    // polls within the next minute are answered from memory;
    clock.advance(by: .seconds(30))
    #expect(await Self.pollAll(reader) == Self.refusedEverywhere)
    clock.advance(by: .seconds(29.9))
    #expect(await Self.pollAll(reader) == Self.refusedEverywhere)
    #expect(await server.logins == 1)

    // a minute after the refusal one more login goes out, and the window starts again.
    clock.advance(by: .seconds(0.1))
    #expect(await Self.pollAll(reader) == Self.refusedEverywhere)
    #expect(await server.logins == 2)
    clock.advance(by: .seconds(59))
    #expect(await Self.pollAll(reader) == Self.refusedEverywhere)
    #expect(await server.logins == 2)
    await reader.close()
  }

  @Test func reconnectNowLetsTheNextPollsLogInAtOnceWithOneAttempt() async {
    let server = FakeLoginServer(refusing: true)
    let reader = reader(server)
    #expect(await Self.pollAll(reader) == Self.refusedEverywhere)

    await reader.reconnectNow()
    #expect(await Self.pollAll(reader) == Self.refusedEverywhere)
    #expect(await server.logins == 2)

    // The forced attempt was refused too, so its own window holds the next polls back.
    #expect(await Self.pollAll(reader) == Self.refusedEverywhere)
    #expect(await server.logins == 2)
    await reader.close()
  }

  @Test func aFixedPasswordIsUsedAtTheNextRetryAndTheRefusalIsForgotten() async {
    let server = FakeLoginServer(refusing: true)
    let reader = reader(server)
    #expect(await Self.pollAll(reader) == Self.refusedEverywhere)

    // Given the password was fixed, the polls before the retry time still get the refusal;
    await server.setRefusing(false)
    clock.advance(by: .seconds(45))
    #expect(await Self.pollAll(reader) == Self.refusedEverywhere)
    #expect(await server.logins == 1)

    // at the retry time one login opens the backend and every pane is answered,
    clock.advance(by: .seconds(15))
    #expect(await Self.pollAll(reader) == Self.answeredEverywhere)
    #expect(await server.logins == 2)

    // and later polls use that session without logging in again.
    clock.advance(by: .seconds(1))
    await reader.reconnectNow()
    #expect(await Self.pollAll(reader) == Self.answeredEverywhere)
    #expect(await server.logins == 2)
    await reader.close()
  }

  @Test func aSessionRefusedWhenItLogsInAgainIsDroppedAndTheRefusalRemembered() async throws {
    let server = FakeLoginServer()
    let reader = reader(server)
    #expect(await Self.pollAll(reader) == Self.answeredEverywhere)
    #expect(await server.logins == 1)

    // Given the role's password was changed and its session ended, when the backend logs in
    // again, then the refusal comes back and is remembered:
    await server.setRefusing(true)
    await server.terminateSessions()
    await #expect(throws: FakeLoginServer.refusal) { try await reader.health() }
    #expect(await server.logins == 2)
    #expect(await Self.pollAll(reader) == Self.refusedEverywhere)
    #expect(await server.logins == 2)

    // a minute later one login is tried, through a new backend;
    clock.advance(by: .seconds(60))
    #expect(await Self.pollAll(reader) == Self.refusedEverywhere)
    #expect(await server.logins == 3)

    // with the password put back, `r` reconnects at once.
    await server.setRefusing(false)
    await reader.reconnectNow()
    #expect(await Self.pollAll(reader) == Self.answeredEverywhere)
    #expect(await server.logins == 4)
    await reader.close()
  }

  @Test func aCallUnderWayOnABackendDroppedAfterARefusalAnswersWithTheRefusal() async throws {
    let (started, starting) = AsyncStream.makeStream(of: Void.self)
    let (held, release) = AsyncStream.makeStream(of: Void.self)
    let backend = MemoryReader { call in
      guard call == .health else { throw FakeLoginServer.refusal }
      starting.yield()
      for await _ in held { break }
      // What a closed backend says to a call that was waiting for its connection.
      throw StoreError.closed
    }
    let reader = ReconnectingReader(initial: backend, now: { [clock] in clock.now }) {
      throw StoreError.connection("the reader opened a backend within the retry window")
    }

    let health = _Concurrency.Task { try await reader.health() }
    for await _ in started { break }
    await #expect(throws: FakeLoginServer.refusal) { try await reader.tasks(TaskQuery()) }
    release.yield()
    await #expect(throws: FakeLoginServer.refusal) { try await health.value }
    await #expect(throws: FakeLoginServer.refusal) { try await reader.runs(RunQuery()) }
    await reader.close()
  }

  @Test func aRefusedOpeningAtStartUpAnswersTheFirstPollsWithoutAnotherLogin() async {
    let server = FakeLoginServer(refusing: true)
    let opening = _Concurrency.Task { try await server.openReader() }
    let reader = ReconnectingReader(opening: opening, now: { [clock] in clock.now }) {
      try await server.openReader()
    }
    #expect(await Self.pollAll(reader) == Self.refusedEverywhere)
    #expect(await server.logins == 1)
    clock.advance(by: .seconds(60))
    #expect(await Self.pollAll(reader) == Self.refusedEverywhere)
    #expect(await server.logins == 2)
    await reader.close()
  }

  @Test func aRefusedLoginSaysWhatTheBackendAdvisesOrToCheckTheTargetAndTheLogin() {
    let advice = Remedy(action: "check the password", detail: "URL, PGPASSWORD, ~/.pgpass")
    #expect(StoreError.authentication("refused", remedy: advice).remedy == advice)
    #expect(FakeLoginServer.refusal.remedy?.description == "check the database target and the login")
    #expect(StoreError.connection("connection refused").remedy == nil)
    #expect(StoreError.invalidTarget("the PostgreSQL URL does not parse").remedy == nil)
  }
}
