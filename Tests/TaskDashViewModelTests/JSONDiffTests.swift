import Foundation
import SeededRandom
import Testing

@testable import TaskDashViewModel

/// The comparison's JSON differences, whole and streaming.
@Suite struct JSONDiffTests {
  /// The differences from `old` to `new` held whole, one line each: "kind path old → new".
  static func whole(_ old: String, _ new: String, limit: Int = 100) async throws -> [String] {
    lines(try await wholeReport(old, new, limit: limit))
  }

  static func wholeReport(_ old: String, _ new: String, limit: Int = 100) async throws -> JSONDiffReport {
    var (first, second) = (JSONTokenizer(bytes: Array(old.utf8)), JSONTokenizer(bytes: Array(new.utf8)))
    let (before, after) = (try await JSONValue.read(&first), try await JSONValue.read(&second))
    return JSONTreeDiff.differences(from: before, to: after, limit: limit)
  }

  /// The same, streaming, with windows of `window` bytes.
  static func streamed(_ old: String, _ new: String, window: Int = 7, limit: Int = 100) async throws -> [String] {
    lines(try await streamedReport(Array(old.utf8), Array(new.utf8), window: window, limit: limit))
  }

  static func streamedReport(_ old: [UInt8], _ new: [UInt8], window: Int, limit: Int) async throws -> JSONDiffReport {
    try await JSONStreamDiff.differences(
      old: JSONTokenizer(fetch: windows(old, window)), new: JSONTokenizer(fetch: windows(new, window)), limit: limit)
  }

  static func windows(_ bytes: [UInt8], _ size: Int) -> JSONTokenizer.Fetch {
    { offset in Array(bytes.dropFirst(Int(offset)).prefix(size)) }
  }

  static func lines(_ report: JSONDiffReport) -> [String] {
    report.differences.map { "\($0.kind) \($0.path) \($0.old ?? "-") → \($0.new ?? "-")" }
  }

  @Test func equalDocumentsHaveNoDifferences() async throws {
    let document = #"{"a": [1, {"b": null}], "c": "x"}"#
    #expect(try await Self.whole(document, document).isEmpty)
    #expect(try await Self.streamed(document, document).isEmpty)
    // Whitespace and member order do not count when held whole.
    #expect(try await Self.whole(#"{"c":"x","a":[1,{"b":null}]}"#, document).isEmpty)
    #expect(try await Self.wholeReport(document, document).isEmpty)
  }

  @Test func nestedObjectsReportTheFullPathOfEachChange() async throws {
    let old = #"{"plan": {"steps": [{"target": "a", "tries": 1}, {"target": "b"}]}, "gone": true}"#
    let new = #"{"plan": {"steps": [{"target": "a", "tries": 2}, {"target": "c"}]}, "extra": {"k": [1]}}"#
    let expected = [
      "changed $.plan.steps[0].tries 1 → 2",
      #"changed $.plan.steps[1].target "b" → "c""#,
      "removed $.gone true → -",
      #"added $.extra - → {"k":[1]}"#,
    ]
    #expect(try await Self.whole(old, new) == expected)
  }

  @Test func arraysCompareByIndexSoAnInsertionShiftsEveryLaterElement() async throws {
    let expected = [
      "changed $[0] 1 → 0",
      "changed $[1] 2 → 1",
      "changed $[2] 3 → 2",
      "added $[3] - → 3",
    ]
    #expect(try await Self.whole("[1,2,3]", "[0,1,2,3]") == expected)
    #expect(try await Self.streamed("[1,2,3]", "[0,1,2,3]") == expected)
    #expect(try await Self.whole("[1,2,3]", "[1]") == ["removed $[1] 2 → -", "removed $[2] 3 → -"])
  }

  @Test func aTypeChangeIsOneChangeWithBothValues() async throws {
    let old = #"{"n": 1, "o": {"a": 1}, "s": "1", "b": false}"#
    let new = #"{"n": "1", "o": [1], "s": 1, "b": 0}"#
    let expected = [
      #"changed $.n 1 → "1""#,
      #"changed $.o {"a":1} → [1]"#,
      #"changed $.s "1" → 1"#,
      "changed $.b false → 0",
    ]
    #expect(try await Self.whole(old, new) == expected)
    #expect(Set(try await Self.streamed(old, new)) == Set(expected))
  }

  @Test func nullIsAValueSoNullAgainstMissingIsAnAdditionOrARemoval() async throws {
    #expect(try await Self.whole(#"{"a": 1}"#, #"{"a": 1, "b": null}"#) == ["added $.b - → null"])
    #expect(try await Self.whole(#"{"a": null}"#, "{}") == ["removed $.a null → -"])
    #expect(try await Self.whole(#"{"a": null}"#, #"{"a": 0}"#) == ["changed $.a null → 0"])
    #expect(try await Self.streamed(#"{"a": null}"#, "{}") == ["removed $.a null → -"])
  }

  @Test func numbersCompareAsWrittenAndStringsAsDecoded() async throws {
    #expect(try await Self.whole("[1.0]", "[1]") == ["changed $[0] 1.0 → 1"])
    #expect(try await Self.whole(#"["\u0041\n"]"#, #"["A\u000a"]"#).isEmpty)
    // A surrogate pair is one character; a lone one is U+FFFD.
    #expect(try await Self.whole(#"["\ud83d\ude00", "\ud800"]"#, #"["😀", "\ufffd"]"#).isEmpty)
  }

  @Test func keysThatAreNotIdentifiersAreQuotedInThePath() async throws {
    let old = #"{"odd key": 1, "a.b": 1, "[0]": 1, "q\"uote": 1, "1st": 1, "ok_1": 1}"#
    let new = #"{"odd key": 2, "a.b": 2, "[0]": 2, "q\"uote": 2, "1st": 2, "ok_1": 2}"#
    #expect(
      try await Self.whole(old, new) == [
        #"changed $["odd key"] 1 → 2"#, #"changed $["a.b"] 1 → 2"#, #"changed $["[0]"] 1 → 2"#,
        #"changed $["q\"uote"] 1 → 2"#, #"changed $["1st"] 1 → 2"#, "changed $.ok_1 1 → 2",
      ])
  }

  @Test func hostileKeysStayInThePathAsDataAndAreCut() async throws {
    // Control characters, an escape sequence and a bidi override stay in the path as characters
    // (the UI's sanitizer shows them as marks); a huge key is cut to a readable path.
    let huge = String(repeating: "k", count: 100_000)
    let old = #"{"\u001b[31m": 1, "\u202eevil": 1, "tab\there": 1, "\#(huge)": 1}"#
    let new = #"{"\u001b[31m": 2, "\u202eevil": 2, "tab\there": 2, "\#(huge)": 2}"#
    let report = try await Self.wholeReport(old, new)
    let paths = report.differences.map(\.path.description)
    #expect(paths[0] == "$[\"\u{1B}[31m\"]")
    #expect(paths[1] == "$[\"\u{202E}evil\"]")
    #expect(paths[2] == "$[\"tab\there\"]")
    #expect(paths[3] == "$[\"" + String(repeating: "k", count: JSONPath.nameWidth) + "…\"]")
    #expect(report.total == 4)
    // Two huge keys that differ only past the kept bytes are told apart.
    let longOld = #"{"\#(huge)a": 1}"#
    let longNew = #"{"\#(huge)b": 1}"#
    let moved = try await Self.whole(longOld, longNew)
    #expect(moved.count == 2)
  }

  @Test func valuesAreCutToOneLine() async throws {
    let long = String(repeating: "x", count: 500)
    let diff = try await Self.whole(#"{"a": "\#(long)"}"#, #"{"a": "y"}"#)
    let line = try #require(diff.first)
    #expect(line.count < 200)
    #expect(line.contains("…"))
  }

  @Test func theReportKeepsItsLimitAndCountsTheRest() async throws {
    let old = "[" + (0..<1_234).map { "\($0)" }.joined(separator: ",") + "]"
    let new = "[" + (0..<1_234).map { "\($0 + 1)" }.joined(separator: ",") + "]"
    let report = try await Self.wholeReport(old, new, limit: 10)
    #expect(report.differences.count == 10)
    #expect(report.total == 1_234)
    #expect(report.more == 1_224)
  }

  @Test func invalidDocumentsAreRefusedWithWhereAndWhat() async throws {
    await #expect(throws: JSONDiffError.invalid("expected ',' or '}'", at: 8)) {
      _ = try await Self.whole(#"{"a": 1 "b": 2}"#, "{}")
    }
    await #expect(throws: JSONDiffError.invalid("text after the document", at: 3)) {
      _ = try await Self.whole("{} x", "{}")
    }
    await #expect(throws: JSONDiffError.invalid("the text ends early", at: 5)) {
      _ = try await Self.streamed("[1, 2", "[1, 2]")
    }
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    await #expect(throws: JSONDiffError.tooDeep(512)) { _ = try await Self.whole(deep, "[]") }
  }

  @Test func streamingMatchesMembersWrittenInAnotherOrder() async throws {
    // Not jsonb order: the members that do not line up are set aside and matched by name.
    let old = #"{"b": 1, "a": {"x": 1}, "c": 3, "gone": 0}"#
    let new = #"{"a": {"x": 2}, "c": 3, "b": 1, "new": 5}"#
    let streamed = try await Self.streamed(old, new)
    #expect(Set(streamed) == [#"changed $.a {"x":1} → {"x":2}"#, "removed $.gone 0 → -", "added $.new - → 5"])
  }

  @Test func streamingAndWholeAgreeOnDocumentsInJsonbOrder() async throws {
    var random = SplitMix64(seed: 10)
    for _ in 0..<200 {
      var old = Self.randomValue(&random, depth: 0)
      var new = Self.mutated(old, &random)
      if random.chance(0.1) { swap(&old, &new) }
      let (a, b) = (Self.text(old), Self.text(new))
      let whole = try await Self.whole(a, b)
      let streamed = try await Self.streamed(a, b, window: random.int(in: 1...64))
      #expect(Set(whole) == Set(streamed), "\(a)\n\(b)")
      #expect(whole.count == streamed.count)
    }
  }

  // MARK: - Random documents (members in jsonb order: shorter names first, then by bytes)

  indirect enum Value {
    case object([(String, Value)])
    case array([Value])
    case scalar(String)
  }

  static func randomValue(_ random: inout SplitMix64, depth: Int) -> Value {
    switch depth < 3 ? random.int(in: 0...2) : 2 {
    case 0:
      let names = Set((0..<random.int(in: 0...4)).map { _ in random.pick(["a", "b", "ab", "k 1", "z", "xyz"]) })
      return .object(sortedMembers(names.map { ($0, randomValue(&random, depth: depth + 1)) }))
    case 1:
      return .array((0..<random.int(in: 0...3)).map { _ in randomValue(&random, depth: depth + 1) })
    default:
      return .scalar(random.pick(["1", "2.5", #""s""#, #""t""#, "null", "true", "false"]))
    }
  }

  static func mutated(_ value: Value, _ random: inout SplitMix64) -> Value {
    if random.chance(0.15) { return randomValue(&random, depth: 2) }
    switch value {
    case .object(let members):
      var kept = members.filter { _ in !random.chance(0.15) }.map { ($0.0, mutated($0.1, &random)) }
      if random.chance(0.3), !kept.contains(where: { $0.0 == "new" }) { kept.append(("new", .scalar("7"))) }
      return .object(sortedMembers(kept))
    case .array(let elements):
      var changed = elements.map { mutated($0, &random) }
      if random.chance(0.2) { changed.append(.scalar("0")) }
      if random.chance(0.2), !changed.isEmpty { changed.removeFirst() }
      return .array(changed)
    case .scalar:
      return value
    }
  }

  static func sortedMembers(_ members: [(String, Value)]) -> [(String, Value)] {
    members.sorted { first, second in
      first.0.utf8.count != second.0.utf8.count
        ? first.0.utf8.count < second.0.utf8.count : first.0.utf8.lexicographicallyPrecedes(second.0.utf8)
    }
  }

  static func text(_ value: Value) -> String {
    switch value {
    case .object(let members): "{" + members.map { "\"\($0.0)\": " + text($0.1) }.joined(separator: ", ") + "}"
    case .array(let elements): "[" + elements.map(text).joined(separator: ",") + "]"
    case .scalar(let scalar): scalar
    }
  }
}
