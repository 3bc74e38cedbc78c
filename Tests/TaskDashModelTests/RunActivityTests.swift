import Foundation
import TaskDashModel
import Testing

/// The silence rule at its edges: the comparison with the clock, and the limit from the median.
@Suite struct RunActivityTests {
  static let lastSign = Date(timeIntervalSince1970: 1_800_000_000)

  static func at(_ seconds: Double) -> Date { lastSign.addingTimeInterval(seconds) }

  @Test func withoutAMedianTheLimitIsFiveMinutesAndExactlyFiveIsNotYetSilent() {
    let activity = RunActivity(lastSignAt: Self.lastSign, medianInterval: nil)
    #expect(activity.quietLimit == 300)
    #expect(activity.silentSeconds(at: Self.at(299)) == nil)
    #expect(activity.silentSeconds(at: Self.at(300)) == nil)
    #expect(activity.silentSeconds(at: Self.at(300.5)) == 300.5)
    #expect(activity.silentSeconds(at: Self.at(1_200)) == 1_200)
  }

  @Test func aSlowPaceRaisesTheLimitToThreeMedians() {
    // A snapshot every 4 minutes: silent only after 12.
    let activity = RunActivity(lastSignAt: Self.lastSign, medianInterval: 240)
    #expect(activity.quietLimit == 720)
    #expect(activity.silentSeconds(at: Self.at(719)) == nil)
    #expect(activity.silentSeconds(at: Self.at(720)) == nil)
    #expect(activity.silentSeconds(at: Self.at(721)) == 721)
  }

  @Test func aFastPaceNeverLowersTheLimitBelowFiveMinutes() {
    // 3 × 99 s is under 5 minutes, 3 × 101 s just over it.
    #expect(RunActivity(lastSignAt: Self.lastSign, medianInterval: 99).quietLimit == 300)
    #expect(RunActivity(lastSignAt: Self.lastSign, medianInterval: 101).quietLimit == 303)
    #expect(RunActivity(lastSignAt: Self.lastSign, medianInterval: 2).silentSeconds(at: Self.at(60)) == nil)
    #expect(RunActivity(lastSignAt: Self.lastSign, medianInterval: 101).silentSeconds(at: Self.at(302)) == nil)
    #expect(RunActivity(lastSignAt: Self.lastSign, medianInterval: 101).silentSeconds(at: Self.at(304)) == 304)
  }

  @Test func aLastSignInTheFutureIsNotSilence() {
    let activity = RunActivity(lastSignAt: Self.at(600), medianInterval: nil)
    #expect(activity.silentSeconds(at: Self.lastSign) == nil)
  }

  @Test func onlyARunningRunCanBeSilent() {
    let quiet = RunActivity(lastSignAt: Self.lastSign, medianInterval: nil)
    func row(_ status: RunStatus, _ activity: RunActivity?) -> RunRow {
      RunRow(
        id: UUID(), taskID: UUID(), taskName: "t", runNumber: 1, status: .known(status), startedAt: nil,
        completedAt: nil, duration: nil, errorMessage: nil, createdAt: Self.lastSign, activity: activity)
    }
    #expect(row(.running, quiet).silentSeconds(at: Self.at(400)) == 400)
    #expect(row(.running, nil).silentSeconds(at: Self.at(400)) == nil)
    for status in RunStatus.allCases where status != .running {
      #expect(row(status, quiet).silentSeconds(at: Self.at(4_000)) == nil, "\(status)")
    }
  }
}
