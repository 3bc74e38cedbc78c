import Testing

@testable import TaskDashUI

@Suite struct DisplayFormatTests {
  static let durations: [(seconds: Double, text: String)] = [
    (0.25, "250ms"), (1, "1s"), (59.9, "59s"), (60, "1m00s"), (187, "3m07s"), (3599, "59m59s"),
    (3600, "1h00m"), (7500, "2h05m"), (86_399, "23h59m"), (86_400, "1d00h"), (273_600, "3d04h"),
    (8_672_400, "100d09h"),
  ]

  @Test(arguments: durations)
  func durationsPadMinutesSecondsAndHoursToTwoDigits(seconds: Double, text: String) {
    #expect(DisplayFormat.duration(seconds: seconds) == text)
  }

  @Test func durationsThatAreNotTimesShowADash() {
    #expect(DisplayFormat.duration(seconds: -1) == "-")
    #expect(DisplayFormat.duration(seconds: .nan) == "-")
    #expect(DisplayFormat.duration(seconds: .infinity) == "-")
  }
}
