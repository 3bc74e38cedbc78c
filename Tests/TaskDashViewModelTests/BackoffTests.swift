import Testing

@testable import TaskDashViewModel

@Suite struct BackoffTests {
  @Test func retryableDelaysStayBetweenTheFloorAndTheGrowingCeiling() {
    let backoff = Backoff()
    for attempt in 1...12 {
      for jitter in [0.0, 0.001, 0.5, 0.999_999] {
        let delay = backoff.delay(attempt: attempt, retryable: true, jitter: jitter)
        #expect(delay >= backoff.floor)
        #expect(delay <= backoff.ceiling(attempt: attempt))
      }
    }
  }

  @Test func theCeilingDoublesFromOneSecondAndStopsAtTheCap() {
    let backoff = Backoff()
    #expect(backoff.ceiling(attempt: 1) == .seconds(1))
    #expect(backoff.ceiling(attempt: 2) == .seconds(2))
    #expect(backoff.ceiling(attempt: 5) == .seconds(16))
    #expect(backoff.ceiling(attempt: 6) == .seconds(30))
    #expect(backoff.ceiling(attempt: 1_000) == .seconds(30))
  }

  @Test func jitterSpreadsTheDelayAcrossTheWholeRange() {
    let backoff = Backoff()
    #expect(backoff.delay(attempt: 4, retryable: true, jitter: 0.5) == .seconds(4))
    #expect(backoff.delay(attempt: 4, retryable: true, jitter: 0.0) == backoff.floor)
  }

  @Test func permanentFailuresWaitAMinuteWhateverTheDraw() {
    let backoff = Backoff()
    #expect(backoff.delay(attempt: 1, retryable: false, jitter: 0) == .seconds(60))
    #expect(backoff.delay(attempt: 50, retryable: false, jitter: 0.9) == .seconds(60))
  }
}
