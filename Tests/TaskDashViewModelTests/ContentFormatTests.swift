import TaskDashModel
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

@Suite struct ContentFormatTests {
  func reindent(_ text: String, limit: Int = 1 << 20) -> String? {
    JSONReindenter.reindent(Array(text.utf8), limit: limit).map { String(decoding: $0, as: UTF8.self) }
  }

  @Test func reindentingKeepsKeyOrderEscapesAndNumbersAsWritten() {
    let text = #"{"z":1.50,"a":"say \"hi\", {ok}","n":[ ],"deep":[[1e3]]}"#
    #expect(
      reindent(text)
        == """
        {
          "z": 1.50,
          "a": "say \\"hi\\", {ok}",
          "n": [],
          "deep": [
            [
              1e3
            ]
          ]
        }
        """)
  }

  @Test func reindentingGivesUpPastItsLimitAndCapsIndentation() {
    #expect(reindent(#"{"a":[1,2,3]}"#, limit: 8) == nil)
    let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    let lines = reindent(deep)!.split(separator: "\n")
    // The innermost line is the indentation and "[]".
    #expect(lines.map(\.count).max() == 2 * JSONReindenter.maxDepth + 2)
  }

  @Test func onlyObjectsAndArraysLookLikeJSON() {
    #expect(JSONReindenter.looksLikeJSON(Array(" {\"a\": 1}\n".utf8)))
    #expect(JSONReindenter.looksLikeJSON(Array("[1]".utf8)))
    #expect(!JSONReindenter.looksLikeJSON(Array("{\"a\": 1}\n{\"b\": 2".utf8)))
    #expect(!JSONReindenter.looksLikeJSON(Array("plain".utf8)))
  }

  @Test func theKindComesFromTheContentTypeThenTheNameThenTheFirstByte() {
    let empty: [UInt8] = []
    #expect(
      ContentKind.guess(for: artifactRow(1, name: "x", contentType: "application/json; charset=utf-8"), prefix: empty)
        == .json)
    #expect(
      ContentKind.guess(for: artifactRow(1, name: "x", contentType: "application/vnd.api+json"), prefix: empty) == .json
    )
    #expect(ContentKind.guess(for: artifactRow(1, name: "notes.md", type: .other), prefix: empty) == .markdown)
    #expect(ContentKind.guess(for: artifactRow(1, name: "data.CSV", type: .data), prefix: empty) == .csv)
    #expect(ContentKind.guess(for: artifactRow(1, name: "conf.yml", type: .config), prefix: empty) == .yaml)
    #expect(ContentKind.guess(for: artifactRow(1, name: "stdout", type: .log), prefix: empty) == .log)
    #expect(
      ContentKind.guess(for: artifactRow(1, name: "summary", type: .report), prefix: Array("# Title".utf8)) == .markdown
    )
    #expect(ContentKind.guess(for: artifactRow(1, name: "result", type: .data), prefix: Array(" [1, 2]".utf8)) == .json)
    #expect(ContentKind.guess(for: artifactRow(1, name: "result", type: .other), prefix: Array("hello".utf8)) == .plain)
  }

  @Test func aNulByteNearTheStartMeansBinaryWhateverTheLabels() {
    let artifact = artifactRow(1, name: "image.json", contentType: "application/json")
    #expect(ContentKind.guess(for: artifact, prefix: [0x7B, 0x00, 0x7D]) == .binary)
    let late = [UInt8](repeating: 0x41, count: 2_000) + [0]
    #expect(ContentKind.guess(for: artifactRow(1, name: "x.txt"), prefix: late) == .plain)
  }
}
