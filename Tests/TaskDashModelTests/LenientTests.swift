import Testing

@testable import TaskDashModel

@Suite struct LenientTests {
  @Test func knownStringsBecomeKnownValues() {
    #expect(Lenient<RunStatus>(rawValue: "timeout") == .known(.timeout))
  }

  @Test func unknownStringsAreKeptVerbatim() {
    let status = Lenient<RunStatus>(rawValue: "retrying\u{1b}[2J")
    #expect(status == .unknown("retrying\u{1b}[2J"))
    #expect(status.rawValue == "retrying\u{1b}[2J")
    #expect(status.known == nil)
  }

  @Test func successRateIsNilBeforeTheFirstRun() {
    #expect(Task(name: "t").successRate == nil)
    #expect(Task(name: "t", totalRuns: 4, successfulRuns: 3).successRate == 0.75)
  }
}
