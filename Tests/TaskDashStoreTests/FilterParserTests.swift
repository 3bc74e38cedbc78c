import TaskDashStore
import Testing

/// The `/` language read into terms, and every way it can be misread explained by position.
@Suite struct FilterParserTests {
  static func parse(_ text: String, _ scope: FilterScope = .runs) throws -> [FilterQuery.Term] {
    try FilterParser.parse(text, for: scope).terms
  }

  static func problem(_ text: String, _ scope: FilterScope = .runs) -> String? {
    do {
      _ = try FilterParser.parse(text, for: scope)
      return nil
    } catch {
      return error.description
    }
  }

  @Test func everyKindOfTermReadsIntoItsCondition() throws {
    #expect(
      try Self.parse("status:Failed task:market err:timeout dur>5m dur<30s dur>=1.5h dur<=2d since:2h silent word")
        == [
          .init(.status("failed")), .init(.task("market")), .init(.error("timeout")),
          .init(.duration(.greater, seconds: 300)), .init(.duration(.less, seconds: 30)),
          .init(.duration(.greaterOrEqual, seconds: 5_400)), .init(.duration(.lessOrEqual, seconds: 172_800)),
          .init(.since(seconds: 7_200)), .init(.silent), .init(.text("word")),
        ])
  }

  @Test func aMinusNegatesAndQuotesHoldSpaces() throws {
    #expect(
      try Self.parse(#"  -status:completed   err:"connection reset"  -silent "two words" -"x y""#) == [
        .init(.status("completed"), negated: true), .init(.error("connection reset")), .init(.silent, negated: true),
        .init(.text("two words")), .init(.text("x y"), negated: true),
      ])
    #expect(try Self.parse("").isEmpty)
    #expect(try Self.parse("   ").isEmpty)
  }

  @Test func plainWordsAloneCanBeMatchedOnTheClient() throws {
    #expect(try FilterParser.parse("market -review", for: .tasks).plainWords?.map(\.word) == ["market", "review"])
    #expect(try FilterParser.parse("market silent", for: .tasks).plainWords == nil)
    // Words that only look like fields stay words.
    #expect(try Self.parse("dur silent! a<b") == [.init(.text("dur")), .init(.text("silent!")), .init(.text("a<b"))])
  }

  @Test func aBadQuerySaysWhereAndWhatWasExpected() {
    #expect(Self.problem("dur>5x") == "dur>5x: at 5: expected a duration such as 30s, 5m, 2h")
    #expect(Self.problem("status:failed dur>") == "dur>: at 19: expected a duration such as 30s, 5m, 2h")
    #expect(Self.problem("since:soon") == "since:soon: at 7: expected a duration such as 30s, 5m, 2h")
    #expect(Self.problem("dur:5m") == "dur:5m: at 4: expected >, <, >= or <= after dur")
    #expect(Self.problem("x status:") == "status:: at 10: expected a value after status:")
    #expect(
      Self.problem("status:bogus")
        == "status:bogus: at 8: expected a run status: pending, running, completed, failed, cancelled, timeout")
    #expect(
      Self.problem("owner:me")
        == "owner:me: at 1: unknown field owner: expected status:, task:, err:, since:, dur>, dur< or silent")
    #expect(Self.problem(#"err:"never closed"#) == #"err:"never: at 5: expected a closing " for the quote opened here"#)
    #expect(Self.problem("a - b") == "-: at 3: expected a term after -")
    #expect(Self.problem("dur>1e3s") == "dur>1e3s: at 5: expected a duration such as 30s, 5m, 2h")
  }

  @Test func theTasksPaneRefusesRunOnlyTermsAndKnowsTaskStatuses() throws {
    #expect(Self.problem("dur>5m", .tasks) == "dur>5m: at 1: dur is a run's duration: use it on the runs pane")
    #expect(Self.problem("x err:boom", .tasks) == "err:boom: at 3: err looks in runs' errors: use it on the runs pane")
    #expect(try Self.parse("status:paused since:1d silent", .tasks).count == 3)
    #expect(Self.problem("status:paused", .runs)?.contains("expected a run status") == true)
    #expect(Self.problem("status:timeout", .tasks)?.contains("expected a task status") == true)
  }

  @Test func injectionAttemptsAreKeptAsPlainText() throws {
    #expect(
      try Self.parse("err:'; DROP TABLE tasks; --") == [
        .init(.error("';")), .init(.text("DROP")), .init(.text("TABLE")), .init(.text("tasks;")),
        .init(.text("-"), negated: true),
      ])
    #expect(try Self.parse(#"err:"'; DROP TABLE tasks; --""#) == [.init(.error("'; DROP TABLE tasks; --"))])
    #expect(try Self.parse(#"task:%_\"#) == [.init(.task(#"%_\"#))])
  }
}
