import Foundation
import SeededRandom
import TaskDashStore
import Testing

@testable import TaskDashPostgres

@Suite struct PostgresTextTests {
  // MARK: - Timestamps

  @Test func timestampsAreWrittenInUTCWithMicroseconds() {
    #expect(PostgresText.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00:00.000000+00")
    #expect(
      PostgresText.timestamp(Date(timeIntervalSince1970: 1_714_566_896.123456)) == "2024-05-01 12:34:56.123456+00")
    #expect(PostgresText.timestamp(Date(timeIntervalSince1970: -1.5)) == "1969-12-31 23:59:58.500000+00")
    #expect(PostgresText.timestamp(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29 00:00:00.000000+00")
  }

  @Test func timestampsAsPostgreSQLPrintsThemAreParsed() {
    let expected = Date(timeIntervalSince1970: 1_714_566_896.5)
    #expect(PostgresText.parseTimestamp("2024-05-01 12:34:56.5+00") == expected)
    #expect(PostgresText.parseTimestamp("2024-05-01 14:34:56.500000+02") == expected)
    #expect(PostgresText.parseTimestamp("2024-05-01 10:04:56.5-02:30") == expected)
    #expect(PostgresText.parseTimestamp("2024-05-01 12:34:56+00") == Date(timeIntervalSince1970: 1_714_566_896))
    #expect(PostgresText.parseTimestamp("infinity") == .distantFuture)
    #expect(PostgresText.parseTimestamp("-infinity") == .distantPast)
  }

  @Test func malformedTimestampsAreRejected() {
    for text in ["", "2024-05-01", "2024-13-01 00:00:00+00", "2024-05-01 12:34:56.1234567+00", "yesterday"] {
      #expect(PostgresText.parseTimestamp(text) == nil, "\(text)")
    }
  }

  /// Within about 68 years of 2001 a `Date` (a Double of seconds) still holds microseconds.
  @Test func timestampsRoundTripToTheMicrosecond() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<2_000 {
      let micros = Int64.random(in: -946_771_200_000_000...2_840_140_800_000_000, using: &generator)
      let date = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
      let parsed = PostgresText.parseTimestamp(PostgresText.timestamp(date))
      #expect(parsed.map { Int64(($0.timeIntervalSince1970 * 1_000_000).rounded()) } == micros)
    }
  }

  @Test func yearsBeforeTheCommonEraUseTheBCSuffix() throws {
    let text = "0044-03-15 12:00:00.000000+00 BC"
    let date = try #require(PostgresText.parseTimestamp(text))
    #expect(PostgresText.timestamp(date) == text)
  }

  // MARK: - Numbers and bytes

  @Test func specialDoublesUsePostgreSQLSpelling() {
    #expect(PostgresText.double(.nan) == "NaN")
    #expect(PostgresText.double(.infinity) == "Infinity")
    #expect(PostgresText.double(-.infinity) == "-Infinity")
    #expect(PostgresText.double(0.1) == "0.1")
    #expect(PostgresText.parseDouble("-Infinity") == -.infinity)
    #expect(PostgresText.parseDouble("NaN")?.isNaN == true)
    #expect(PostgresText.parseDouble("1e-05") == 0.00001)
  }

  // MARK: - COPY and LIKE

  @Test func copyFieldsEscapeTheFormatsSpecialCharacters() throws {
    var buffer = CopyTextBuffer()
    try buffer.field("a\tb\nc\\d\re ✓")
    try buffer.field(nil as String?)
    buffer.field(42)
    buffer.endRow()
    #expect(String(decoding: buffer.bytes, as: UTF8.self) == "a\\tb\\nc\\\\d\\re ✓\t\\N\t42\n")
  }

  @Test func copyRefusesTheNulCharacter() {
    var buffer = CopyTextBuffer()
    #expect(throws: PostgresErrorClassifier.nulCharacter) { try buffer.field("a\u{0}b") }
  }

  @Test func likePatternsMatchTheUsersTextLiterally() {
    #expect(ReadStatements.likeEscaped("50%_off\\") == "50\\%\\_off\\\\")
    #expect(ReadStatements.likeEscaped("plain") == "plain")
  }

  // MARK: - Error messages

  @Test func unparsableConnectionStringsAreNotQuotedBack() {
    let error = PostgresErrorClassifier.unparsableConninfo(
      "missing \"=\" after \"hunter2\" in connection info string\n")
    #expect(
      error
        == .invalidTarget("the connection string is not valid: missing \"=\" after \"…\" in connection info string"))
  }

  @Test func knownSecretsAreCutFromConnectionErrors() {
    let error = PostgresErrorClassifier.connectionFailure(
      "could not translate host name \"hunter2\" to address", secrets: ["hunter2", ""])
    #expect(error == .connection("could not translate host name \"****\" to address"))
  }

  @Test func authenticationAndMissingDatabasesAreFinal() {
    #expect(
      !PostgresErrorClassifier.connectionFailure("FATAL:  password authentication failed for user \"x\"").isRetryable)
    #expect(!PostgresErrorClassifier.connectionFailure("FATAL:  database \"nope\" does not exist").isRetryable)
    #expect(PostgresErrorClassifier.connectionFailure("connection refused").isRetryable)
  }

  /// The server's words and the remedy of a refused login; nil for any other failure.
  func refusal(_ message: String) -> (words: String, remedy: Remedy?)? {
    guard case .authentication(let words, let remedy) = PostgresErrorClassifier.connectionFailure(message) else {
      return nil
    }
    return (words, remedy)
  }

  @Test func optionsNoServerAcceptsAreABadTargetAndRefusedLoginsAreLoginFailures() {
    for message in [
      "invalid connection option \"passwrd\"", "invalid port number: \"x\"",
      "invalid sslmode value: \"sometimes\"", "FATAL:  unrecognized configuration parameter \"nope\"",
    ] {
      let error = PostgresErrorClassifier.connectionFailure(message)
      #expect(error == .invalidTarget(PostgresErrorClassifier.firstLine(message)), "\(message)")
    }
    let refusals = [
      ("FATAL:  password authentication failed for user \"x\"", "check the password"),
      ("FATAL:  database \"nope\" does not exist", "check the database name"),
      ("FATAL:  role \"nobody\" does not exist", "check the user name"),
      ("fe_sendauth: no password supplied", "check the password"),
      (
        "FATAL:  no pg_hba.conf entry for host \"[local]\", user \"x\", database \"y\", no encryption",
        "check the user and database"
      ),
      ("FATAL:  permission denied for database \"y\"", "the role needs CONNECT on the database"),
      ("FATAL:  role \"x\" is not permitted to log in", "the role needs LOGIN"),
      ("SSL error: certificate verify failed", "check the TLS settings"),
    ]
    for (message, action) in refusals {
      let refused = refusal(message)
      #expect(refused?.words == PostgresErrorClassifier.firstLine(message), "\(message)")
      #expect(refused?.remedy?.action == action, "\(message)")
    }
  }

  @Test func aRefusedLoginSaysWhereToMakeTheFix() {
    let password = refusal(#"FATAL:  password authentication failed for user "ops""#)?.remedy
    #expect(password?.description == "check the password (URL, PGPASSWORD, ~/.pgpass)")
    let role = refusal(#"FATAL:  role "ghost" does not exist"#)?.remedy
    #expect(role?.description == "check the user name (the URL's user, or PGUSER)")
    #expect(PostgresErrorClassifier.connectionFailure("connection refused").remedy == nil)
  }

  @Test func aRefusedLoginIsGivenInTheServersWordsWithoutLibpqsPreamble() {
    let refused = refusal(
      #"connection to server on socket "/run/pg/.s.PGSQL.5432" failed: FATAL:  database "gone" does not exist"#)
    #expect(refused?.words == #"database "gone" does not exist"#)
    #expect(refused?.remedy?.description == "check the database name (the URL's path or dbname)")
    let unreachable = #"connection to server at "db" (10.0.0.9), port 5432 failed: Connection refused"#
    #expect(PostgresErrorClassifier.connectionFailure(unreachable) == .connection(unreachable))
  }
}
