import Foundation
import Testing

@testable import TaskDashSQLite

@Suite struct SQLiteTimestampTests {
  @Test func datesFormatAsSortableUTCTextWithMilliseconds() {
    #expect(SQLiteTimestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    #expect(SQLiteTimestamp.format(Date(timeIntervalSince1970: 1_700_000_000.123)) == "2023-11-14T22:13:20.123Z")
    #expect(SQLiteTimestamp.format(Date(timeIntervalSince1970: -1.5)) == "1969-12-31T23:59:58.500Z")
    #expect(SQLiteTimestamp.format(Date(timeIntervalSince1970: 1_709_208_000)) == "2024-02-29T12:00:00.000Z")
    #expect(SQLiteTimestamp.format(Date(timeIntervalSince1970: 0.9996)) == "1970-01-01T00:00:01.000Z")
  }

  @Test func formattingAgreesWithSQLiteOwnCalendarAcrossCenturies() async throws {
    let connection = try await SQLiteConnection.open(path: ":memory:", mode: .readWrite(creating: true))
    // Every 97 days and 7 hours from 1890 to 2110: leap years, centuries and 2000 included.
    let seconds = stride(from: -2_524_608_000, to: 4_418_064_000, by: 97 * 86_400 + 25_200)
    for second in seconds {
      let expected = try await TemporaryDatabase.values(
        connection, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', \(second), 'unixepoch')")
      #expect(SQLiteTimestamp.format(Date(timeIntervalSince1970: TimeInterval(second))) == expected.first)
    }
    await connection.close()
  }

  @Test func parsingInvertsFormattingToTheMillisecond() {
    for millis in [0, 1, 999, 1_700_000_000_123, -1_500, 4_102_444_800_000] as [Int64] {
      let date = Date(timeIntervalSince1970: TimeInterval(millis) / 1000)
      let text = SQLiteTimestamp.format(date)
      let parsed = SQLiteTimestamp.parse(text)
      #expect(parsed.map(SQLiteTimestamp.format) == text)
      #expect(parsed.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } == millis)
    }
  }

  @Test func parsingAcceptsTheNearFormsOtherToolsWrite() {
    let expected = Date(timeIntervalSince1970: 1_709_208_000)
    #expect(SQLiteTimestamp.parse("2024-02-29 12:00:00") == expected)
    #expect(SQLiteTimestamp.parse("2024-02-29T12:00:00Z") == expected)
    #expect(SQLiteTimestamp.parse("2024-02-29T12:00:00.5") == expected.addingTimeInterval(0.5))
    #expect(
      SQLiteTimestamp.parse("2024-02-29T12:00:00.123456Z").map(SQLiteTimestamp.format) == "2024-02-29T12:00:00.123Z")
  }

  @Test func parsingRefusesTextThatIsNotATimestamp() {
    for text in [
      "", "yesterday", "2024-02-29", "2024-13-01T00:00:00Z", "2024-02-29T12:00:00.Z", "2024-02-29T12:00:00+02:00",
    ] {
      #expect(SQLiteTimestamp.parse(text) == nil, "\(text)")
    }
  }
}
