import Testing

@testable import TaskDashViewModel

/// Numbers from the database as the panes show them, odd ones included.
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

  @Test func durationsAreShortAtEveryScale() {
    #expect(DisplayFormat.duration(seconds: 0.85) == "850ms")
    #expect(DisplayFormat.duration(seconds: 42) == "42s")
    #expect(DisplayFormat.duration(seconds: 187) == "3m07s")
    #expect(DisplayFormat.duration(seconds: 7_500) == "2h05m")
    #expect(DisplayFormat.duration(seconds: 273_600) == "3d04h")
  }

  @Test func anyDoubleAWriterStoresIsADurationWithoutTrapping() {
    #expect(DisplayFormat.duration(seconds: 1e300) == "99999d+")
    #expect(DisplayFormat.duration(seconds: Double.greatestFiniteMagnitude) == "99999d+")
    #expect(DisplayFormat.duration(seconds: 99_999 * 86_400 - 1) == "99998d23h")
    #expect(DisplayFormat.duration(seconds: -5) == "-")
    #expect(DisplayFormat.duration(seconds: .nan) == "-")
    #expect(DisplayFormat.duration(seconds: .infinity) == "-")
  }

  @Test func impossibleCountersGiveABoundedPercentage() {
    #expect(DisplayFormat.percent(0.75) == "75%")
    #expect(DisplayFormat.percent(nil) == "-")
    #expect(DisplayFormat.percent(4.6e18) == "9900%")
    #expect(DisplayFormat.percent(-3) == "-300%")
  }

  @Test func countsAreGroupedByThousandsWhateverTheLocale() {
    #expect(DisplayFormat.grouped(0) == "0")
    #expect(DisplayFormat.grouped(999) == "999")
    #expect(DisplayFormat.grouped(1_000) == "1,000")
    #expect(DisplayFormat.grouped(1_234_567) == "1,234,567")
    #expect(DisplayFormat.grouped(-45_000) == "-45,000")
    #expect(DisplayFormat.grouped(Int.min) == "-9,223,372,036,854,775,808")
  }

  @Test func decimalsAreFixedAndAnyDoubleIsFormattedWithoutTrapping() {
    #expect(DisplayFormat.decimal(3.14159, 2) == "3.14")
    #expect(DisplayFormat.decimal(2.5, 0) == "3")
    #expect(DisplayFormat.decimal(0.05, 1) == "0.1")
    #expect(DisplayFormat.decimal(-1.25, 3) == "-1.250")
    #expect(DisplayFormat.decimal(12, 1) == "12.0")
    #expect(DisplayFormat.decimal(1e300, 1).hasPrefix("1000000000"))
    #expect(DisplayFormat.decimal(.nan, 2) == "nan")
    #expect(DisplayFormat.metric(1e300) == DisplayFormat.decimal(1e294, 1) + "M")
    #expect(DisplayFormat.bytes(5_347_737) == "5.1 MB")
    #expect(DisplayFormat.milliseconds(.microseconds(420)) == "0.4ms")
  }
}
