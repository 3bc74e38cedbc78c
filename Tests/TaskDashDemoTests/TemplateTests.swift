import Foundation
import SeededRandom
import Testing

@testable import TaskDashDemo

struct TemplateTests {
  @Test func variablesAndRandomPlaceholdersAreFilled() throws {
    let template = try Template(
      "run {{run_number}} of {{task}}: {{int 5 5}} {{num 1.25 1.25 1}} {{pick a|a}} {{hex 6}}", name: "t")
    var random = SplitMix64(seed: 1)
    let text = template.render(TemplateContext(values: ["run_number": "7", "task": "Demo"]), &random)
    #expect(text.hasPrefix("run 7 of Demo: 5 1.3 a "))
    #expect(text.count == "run 7 of Demo: 5 1.3 a ".count + 6)
  }

  @Test func repeatJoinsItsBodyWithTheSeparatorAndNumbersIt() throws {
    let template = try Template("[{{#repeat 3 3 \", \"}}{{i}}{{/repeat}}]", name: "t")
    var random = SplitMix64(seed: 1)
    #expect(template.render(TemplateContext(), &random) == "[1, 2, 3]")
  }

  @Test func unknownPlaceholdersAndUnbalancedRepeatsAreRejected() {
    #expect(throws: TemplateError.self) { try Template("{{nope}}", name: "t") }
    #expect(throws: TemplateError.self) { try Template("{{#repeat 1 2}}x", name: "t") }
    #expect(throws: TemplateError.self) { try Template("x{{/repeat}}", name: "t") }
    #expect(throws: TemplateError.self) { try Template("{{int 5 1}}", name: "t") }
    #expect(throws: TemplateError.self) { try Template("{{task", name: "t") }
  }

  @Test func decimalsAreFormattedWithoutALocale() {
    #expect(Decimals.format(-1.5, decimals: 2) == "-1.50")
    #expect(Decimals.format(0.049, decimals: 1) == "0.0")
    #expect(Decimals.format(12.0, decimals: 0) == "12")
    #expect(Decimals.format(3.14159, decimals: 3) == "3.142")
  }

  @Test func timestampsAreUtcIsoWithMilliseconds() {
    #expect(Timestamps.iso(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    #expect(Timestamps.iso(Date(timeIntervalSince1970: 1_709_251_509.123)) == "2024-03-01T00:05:09.123Z")
    #expect(Timestamps.day(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29")
    #expect(Timestamps.human(seconds: 3725) == "1h 02m")
    #expect(Timestamps.human(seconds: 125) == "2m 05s")
  }

  @Test func jsonValuesWriteSortedCompactEscapedText() {
    let value = JSONValue.object(["b": .array([.int(1), .double(2.5), .null]), "a": .string("x\"\n\u{1}")])
    #expect(value.text == #"{"a":"x\"\n\u0001","b":[1,2.5,null]}"#)
  }
}
