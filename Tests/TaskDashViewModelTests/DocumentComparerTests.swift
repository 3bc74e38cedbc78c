import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

/// The comparison of two runs' documents through windowed reads: whole below the threshold,
/// streaming above it, with the reads counted.
@Suite struct DocumentComparerTests {
  /// Window reads of `bytes`, counting them and the bytes they returned.
  final class CountingSource: @unchecked Sendable {
    let bytes: [UInt8]
    private let lock = NSLock()
    private var served = 0
    private var largest = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var length: Int64 { Int64(bytes.count) }

    /// The bytes served so far, and the largest window.
    var counts: (served: Int, largest: Int) { lock.withLock { (served, largest) } }

    func fetch(window: Int) -> JSONTokenizer.Fetch {
      { offset in
        let slice = Array(self.bytes.dropFirst(Int(offset)).prefix(window))
        self.lock.withLock {
          self.served += slice.count
          self.largest = max(self.largest, slice.count)
        }
        return slice
      }
    }
  }

  /// A results document of `count` items, about 4.7 MB at 60,000 items.
  static func items(_ count: Int, change: (Int) -> String? = { _ in nil }) -> [UInt8] {
    var text = #"{"items": ["#
    for index in 0..<count {
      if index > 0 { text += ", " }
      text += change(index) ?? #"{"id": \#(index), "name": "item number \#(index) of the generated results", "v": 0.5}"#
    }
    return Array((text + #"], "total": \#(count)}"#).utf8)
  }

  static func compare(_ old: CountingSource, _ new: CountingSource, comparer: DocumentComparer = DocumentComparer())
    async -> DocumentDiff
  {
    let window = comparer.windowSize
    return await comparer.compare(
      old: (old.fetch(window: window), old.length), new: (new.fetch(window: window), new.length))
  }

  @Test func documentsAboveTheThresholdAreComparedInWindowsWithPathLevelDifferences() async throws {
    let old = CountingSource(Self.items(60_000))
    let new = CountingSource(
      Self.items(60_000) { index in
        switch index {
        case 7: #"{"id": 7, "name": "renamed", "v": 0.5}"#
        case 59_999: #"{"id": 59999, "name": "item number 59999 of the generated results", "v": "0.5", "x": null}"#
        default: nil
        }
      })
    let comparer = DocumentComparer()
    #expect(old.length > comparer.streamingThreshold)
    let diff = await Self.compare(old, new, comparer: comparer)
    guard case .compared(let report, let streamed) = diff else {
      Issue.record("not compared: \(diff)")
      return
    }
    #expect(streamed)
    #expect(
      JSONDiffTests.lines(report) == [
        #"changed $.items[7].name "item number 7 of the generated results" → "renamed""#,
        #"changed $.items[59999].v 0.5 → "0.5""#,
        "added $.items[59999].x - → null",
      ])
    // Each side was read once, in windows, never as one piece.
    #expect(old.counts.served == Int(old.length))
    #expect(old.counts.largest == comparer.windowSize)
    #expect(new.counts.largest == comparer.windowSize)
  }

  @Test func equalLargeDocumentsAreFoundEqualByteForByte() async throws {
    let (old, new) = (CountingSource(Self.items(60_000)), CountingSource(Self.items(60_000)))
    let diff = await Self.compare(old, new)
    #expect(diff == .compared(JSONDiffReport(limit: 200), streamed: true))
    #expect(old.counts.served == Int(old.length))
  }

  @Test func manyDifferencesAreCountedBeyondTheOnesKept() async throws {
    let old = CountingSource(Self.items(60_000))
    let new = CountingSource(Self.items(60_000) { #"{"id": \#($0), "name": "other", "v": 0.5}"# })
    guard case .compared(let report, _) = await Self.compare(old, new) else {
      Issue.record("not compared")
      return
    }
    #expect(report.differences.count == 200)
    #expect(report.total == 60_000)
    #expect(report.more == 59_800)
  }

  @Test func aHugeStringThatDiffersOnlyAtItsEndIsAChange() async throws {
    let body = String(repeating: "a", count: 5 << 20)
    let old = CountingSource(Array(#"{"log": "\#(body)x"}"#.utf8))
    let new = CountingSource(Array(#"{"log": "\#(body)y"}"#.utf8))
    guard case .compared(let report, true) = await Self.compare(old, new) else {
      Issue.record("not compared streaming")
      return
    }
    #expect(report.total == 1)
    let change = try #require(report.differences.first)
    #expect(change.path.description == "$.log")
    #expect(change.old?.count ?? 0 <= JSONSummary.width + 3)
  }

  @Test func smallDocumentsAreComparedWholeAndAMissingOneIsAnAdditionAtTheRoot() async throws {
    let (old, new) = (
      CountingSource(Array(#"{"b": 1, "a": 2}"#.utf8)), CountingSource(Array(#"{"a": 2, "b": 3}"#.utf8))
    )
    guard case .compared(let report, false) = await Self.compare(old, new) else {
      Issue.record("not compared whole")
      return
    }
    #expect(JSONDiffTests.lines(report) == ["changed $.b 1 → 3"])

    let added = await DocumentComparer().compare(old: nil, new: (new.fetch(window: 4), new.length))
    guard case .compared(let only, false) = added else {
      Issue.record("not compared")
      return
    }
    #expect(JSONDiffTests.lines(only) == [#"added $ - → {"a":2,"b":3}"#])
  }

  @Test func anInvalidDocumentSaysWhereAndAFailedReadIsUnreadable() async throws {
    let broken = CountingSource(Array("{\"a\": }".utf8))
    let good = CountingSource(Array("{}".utf8))
    #expect(await Self.compare(broken, good) == .invalid("not valid JSON at byte 6: expected a value"))

    let reader = MemoryReader(script: { _ in throw StoreError.closed })
    let comparison = DocumentComparison(
      document: .plan, old: DocumentVersion(runID: id(1), byteCount: 2, updatedAt: t0),
      new: DocumentVersion(runID: id(2), byteCount: 2, updatedAt: t0))
    #expect(await DocumentComparer().compare(comparison, reader: reader) == .unreadable(.closed))
  }
}
