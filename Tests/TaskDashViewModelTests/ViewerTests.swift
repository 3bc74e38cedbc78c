import Foundation
import TaskDashModel
import TaskDashStore
import TaskDashTestSupport
import Testing

@testable import TaskDashViewModel

@Suite struct ViewerTests {
  /// Small windows, so that a few hundred bytes span many of them.
  let small = ViewerConfig(windowSize: 64, chunkSize: 16, cacheWindows: 4, wholeDocumentLimit: 0)

  /// "line 000\n" … "line 099\n": 900 bytes, 9 bytes a line.
  let numbered = bytes((0..<100).map { String(format: "line %03d\n", $0) }.joined())

  @Test func theFirstScreenReadsOnlyTheWindowsItShows() {
    let harness = ViewerHarness(numbered, config: small, rows: 5)
    #expect(harness.screen == ["line 000", "line 001", "line 002", "line 003", "line 004"])
    #expect(harness.served.map(\.offset) == [0])
    #expect(harness.viewer.kind == .plain)
  }

  @Test func scrollingDownReadsTheNextWindows() {
    var harness = ViewerHarness(numbered, config: small, rows: 5)
    for _ in 0..<3 {
      harness.viewer.scrollPage(down: true, rows: 5)
      harness.settle()
    }
    #expect(harness.screen.first == "line 015")
    #expect(harness.served.map(\.offset) == [0, 64, 128])
    harness.viewer.scroll(lines: -2)
    harness.settle()
    #expect(harness.screen.first == "line 013")
  }

  @Test func goingToTheEndReadsTheLastWindowWithoutTheOnesBetween() {
    var harness = ViewerHarness(numbered, config: small, rows: 5)
    harness.viewer.goToEnd()
    harness.settle()
    #expect(harness.screen == ["line 095", "line 096", "line 097", "line 098", "line 099"])
    #expect(!harness.served.contains { $0.offset == 448 })
    #expect(harness.served.contains { $0.offset == 896 })
    harness.viewer.scroll(lines: 1)
    harness.settle()
    #expect(harness.screen.first == "line 096")
    harness.viewer.goToStart()
    harness.settle()
    #expect(harness.screen.first == "line 000")
  }

  @Test func theCacheNeverHoldsMoreWindowsThanItsCapacity() {
    let config = ViewerConfig(windowSize: 64, chunkSize: 16, cacheWindows: 8, wholeDocumentLimit: 0)
    var harness = ViewerHarness(numbered, config: config, rows: 3)
    for _ in 0..<40 {
      harness.viewer.scrollPage(down: true, rows: 3)
      harness.settle()
      #expect(harness.viewer.cache.windows.count <= 8)
    }
    #expect(harness.screen.first == "line 099")
    // All fifteen windows were read on the way, and the first ones were let go.
    #expect(Set(harness.served.map(\.offset)).count == 15)
    #expect(!harness.viewer.cache.contains(0))
  }

  @Test func aSearchFindsAMatchThatStraddlesAWindowBoundary() {
    var content = bytes(String(repeating: "abcdefg\n", count: 7))  // 56 bytes
    content += bytes("xxxxxNEEDLE yyy\n")  // "NEEDLE" covers offsets 61..<67
    content += bytes(String(repeating: "tail\n", count: 40))
    var harness = ViewerHarness(content, config: small, rows: 3)
    harness.viewer.startSearch("needle")
    harness.settle()
    #expect(harness.viewer.search?.status == .found(wrapped: false))
    #expect(harness.viewer.search?.currentMatch == 61)
    #expect(harness.viewer.top == 56)
    let first = harness.viewer.lines(rows: 3, columns: 80)[0]
    #expect(first.segments == [.init("xxxxx"), .init("NEEDLE", highlight: .currentMatch), .init(" yyy")])
  }

  @Test func nextAndPreviousMatchesWrapAroundTheEnds() {
    let content = bytes((0..<60).map { $0 % 20 == 5 ? "match \($0)\n" : "other \($0)\n" }.joined())
    var harness = ViewerHarness(content, config: small, rows: 2)
    harness.viewer.startSearch("match")
    harness.settle()
    #expect(harness.screen.first == "match 5")
    harness.viewer.findAgain(forward: true)
    harness.settle()
    #expect(harness.screen.first == "match 25")
    harness.viewer.findAgain(forward: true)
    harness.settle()
    harness.viewer.findAgain(forward: true)
    harness.settle()
    #expect(harness.screen.first == "match 5")
    #expect(harness.viewer.search?.status == .found(wrapped: true))
    harness.viewer.findAgain(forward: false)
    harness.settle()
    #expect(harness.screen.first == "match 45")
  }

  @Test func aSearchWithNoMatchSaysSo() {
    var harness = ViewerHarness(numbered, config: small, rows: 3)
    harness.viewer.startSearch("absent")
    harness.settle()
    #expect(harness.viewer.search?.status == .notFound)
    #expect(harness.viewer.top == 0)
  }

  @Test func searchIgnoresCaseOnlyWhenTheQueryHasNoCapitals() {
    let lower = ByteSearch(query: "needle")!
    let mixed = ByteSearch(query: "Needle")!
    #expect(lower.firstMatch(in: bytes("a NEEDLE"), starts: 0..<3) == 2)
    #expect(mixed.firstMatch(in: bytes("a NEEDLE"), starts: 0..<3) == nil)
    #expect(mixed.firstMatch(in: bytes("a Needle"), starts: 0..<3) == 2)
    #expect(ByteSearch(query: "") == nil)
  }

  @Test func searchTriesCandidatesInEitherCaseInOrder() {
    let lower = ByteSearch(query: "ab")!
    #expect(lower.firstMatch(in: bytes("aXAb ab"), starts: 0..<7) == 2)
    #expect(lower.firstMatch(in: bytes("xab"), starts: 2..<3) == nil)
    #expect(lower.allMatches(in: bytes("AB ab aab")) == [0..<2, 3..<5, 7..<9])
    #expect(lower.lastMatch(in: bytes("ab AB x"), starts: 0..<7) == 3)
    #expect(lower.lastMatch(in: bytes("ab AB x"), starts: 0..<3) == 0)
    let symbol = ByteSearch(query: "[x")!
    #expect(symbol.firstMatch(in: bytes("x [X [x"), starts: 0..<7) == 2)
    let exact = ByteSearch(query: "Ab")!
    #expect(exact.firstMatch(in: bytes("ab AB Ab"), starts: 0..<8) == 6)
  }

  /// Windows of 64 bytes, scan pieces of 256.
  let pieces = ViewerConfig(windowSize: 64, chunkSize: 16, cacheWindows: 4, wholeDocumentLimit: 0, scanSize: 256)

  @Test func aSearchReadsLargePiecesInsteadOfEveryWindow() {
    var harness = ViewerHarness(numbered, config: pieces, rows: 3)
    let before = harness.served.count
    harness.viewer.startSearch("line 090")
    harness.settle()
    #expect(harness.screen.first == "line 090")
    let reads = harness.served.dropFirst(before)
    #expect(reads.filter { $0.length > 64 }.map(\.offset) == [0, 256, 512, 768])
    // Windows are read for the match's screen only, none of those the scan went through.
    #expect(!reads.contains { $0.length == 64 && $0.offset < 704 })
    #expect((harness.viewer.scanCache?.windows.count ?? 0) <= 2)
    harness.viewer.startSearch("")
    #expect(harness.viewer.scanCache == nil)
  }

  @Test func aMatchAcrossTwoScanPiecesIsFound() {
    let content = bytes(String(repeating: "filler\n", count: 36)) + bytes("NEEDLE\n")  // 252..<258
    var harness = ViewerHarness(content + bytes(String(repeating: "tail\n", count: 40)), config: pieces, rows: 3)
    harness.viewer.startSearch("needle")
    harness.settle()
    #expect(harness.viewer.search?.currentMatch == 252)
    #expect(harness.screen.first == "NEEDLE")
  }

  @Test func aMatchInTheLoadedWindowsNeedsNoScanRead() {
    let content = bytes((0..<100).map { $0 % 3 == 2 ? "match \($0)\n" : "other \($0)\n" }.joined())
    var harness = ViewerHarness(content, config: pieces, rows: 3)
    harness.viewer.startSearch("match")
    harness.settle()
    harness.viewer.findAgain(forward: true)
    harness.settle()
    #expect(harness.screen.first == "match 5")
    #expect(harness.served.allSatisfy { $0.length <= 64 })
    #expect(harness.viewer.scanCache == nil)
  }

  @Test func aSearchSaysHowFarItHasGotAndStopsWhenAPieceFails() {
    var viewer = ViewerState(artifact: artifactRow(4, name: "big.log", type: .log, length: 900), config: pieces)
    let first = viewer.plan(rows: 3, columns: 80)
    viewer.receive(first[0], bytes: slice(numbered, first[0]))
    #expect(viewer.searchProgress == nil)
    viewer.startSearch("absent")
    let piece0 = viewer.plan(rows: 3, columns: 80)
    #expect(piece0.map(\.offset) == [0] && piece0.map(\.length) == [256])
    #expect(viewer.searchProgress == 0)
    #expect(viewer.isLoading)
    viewer.receive(piece0[0], bytes: slice(numbered, piece0[0]))
    let piece1 = viewer.plan(rows: 3, columns: 80)
    viewer.receive(piece1[0], bytes: slice(numbered, piece1[0]))
    let piece2 = viewer.plan(rows: 3, columns: 80)
    #expect(piece2.map(\.offset) == [512])
    #expect(viewer.searchProgress == 256.0 / 900.0)
    viewer.fail(piece2[0], error: .timedOut("10 s"))
    #expect(viewer.search?.status == .stopped)
    #expect(viewer.searchProgress == nil)
    #expect(!viewer.isLoading)
  }

  @Test func aTenMegabyteSingleLineReachesTheScreenInBoundedChunks() {
    let content = [UInt8](repeating: UInt8(ascii: "x"), count: 10 * 1024 * 1024)
    let config = ViewerConfig()
    var harness = ViewerHarness(content, config: config, rows: 50)
    let lines = harness.viewer.lines(rows: 50, columns: 200)
    #expect(lines.count == 50)
    #expect(lines.allSatisfy { $0.bytes.count <= 2 * config.chunkSize })
    #expect(lines.dropFirst().allSatisfy { $0.isContinuation })
    #expect(!lines[0].isContinuation)

    harness.viewer.goToEnd()
    harness.settle()
    let last = harness.viewer.lines(rows: 50, columns: 200)
    #expect(last.last.map { $0.offset + Int64($0.bytes.count) } == Int64(content.count))
    #expect(harness.viewer.cache.windows.count <= harness.viewer.cache.capacity)
    // Only the windows of the two screens were read, not the whole line.
    #expect(harness.served.count <= 6)
  }

  @Test func cutsInALongLineNeverSplitACharacter() {
    let content = bytes(String(repeating: "é", count: 200) + "\n" + String(repeating: "日本", count: 50))
    var harness = ViewerHarness(content, config: small, rows: 200)
    harness.settle()
    let lines = harness.viewer.lines(rows: 200, columns: 80)
    #expect(lines.map(\.text).joined() == String(repeating: "é", count: 200) + String(repeating: "日本", count: 50))
    #expect(lines.allSatisfy { !$0.text.contains("\u{FFFD}") })
  }

  @Test func binaryContentIsShownAsSixteenByteRows() {
    var content: [UInt8] = bytes("PK")
    content += [0, 1, 2, 3] + [UInt8](repeating: 0xFF, count: 100)
    let harness = ViewerHarness(content, config: ViewerConfig(), rows: 3)
    #expect(harness.viewer.kind == .binary)
    let lines = harness.viewer.lines(rows: 3, columns: 80)
    #expect(lines.map(\.offset) == [0, 16, 32])
    #expect(lines.allSatisfy { $0.bytes.count == 16 && $0.segments.isEmpty })
  }

  @Test func smallJSONIsReadWholeAndReindented() {
    let json = bytes(#"{"b":1,"a":[true,{"c":"x, y"}],"e":{}}"#)
    let artifact = artifactRow(2, name: "result.json", type: .data, length: Int64(json.count))
    let harness = ViewerHarness(json, config: ViewerConfig(), rows: 20, artifact: artifact)
    #expect(harness.served == [ContentRequest(.artifact(artifact.id), offset: 0, length: json.count)])
    #expect(harness.viewer.kind == .json)
    #expect(harness.viewer.isReindented)
    #expect(
      harness.screen == [
        "{", #"  "b": 1,"#, #"  "a": ["#, "    true,", "    {", #"      "c": "x, y""#, "    }", "  ],",
        #"  "e": {}"#, "}",
      ])
  }

  @Test func wrappedPagesMoveByScreenRowsNotLines() {
    let content = bytes((0..<20).map { "\($0) " + String(repeating: "w", count: 30) + "\n" }.joined())
    var harness = ViewerHarness(content, config: ViewerConfig(), rows: 6)
    harness.columns = 10
    harness.viewer.toggleWrap()
    harness.viewer.scrollPage(down: true, rows: 6)
    harness.settle()
    // Each line takes four rows of ten columns, so a page of six rows passes one line.
    #expect(harness.screen.first?.hasPrefix("1 ") == true)
  }

  @Test func aFailedReadStopsUntilRetried() {
    let artifact = artifactRow(3, name: "big.log", type: .log, length: 900)
    var viewer = ViewerState(artifact: artifact, config: small)
    let request = viewer.plan(rows: 5, columns: 80)[0]
    viewer.fail(request, error: .connection("gone"))
    #expect(viewer.problem == .failed(.connection("gone")))
    #expect(viewer.plan(rows: 5, columns: 80).isEmpty)
    viewer.retry()
    #expect(viewer.plan(rows: 5, columns: 80) == [request])
  }

  @Test func metadataWithANewLengthReadsTheContentAgain() throws {
    var harness = ViewerHarness(numbered, config: small, rows: 5)
    var grown = try #require(harness.viewer.artifact)
    grown.contentLength = 1_000
    harness.viewer.receiveMetadata(grown)
    #expect(harness.viewer.contentLength == 1_000)
    #expect(harness.viewer.kind == nil)
    #expect(harness.viewer.plan(rows: 5, columns: 80).map(\.offset) == [0])
    harness.viewer.receiveMetadata(nil)
    #expect(harness.viewer.problem == .vanished)
  }

  @Test func openingFromThePaneReadsMetadataAndTheFirstWindow() {
    var harness = DashboardDriver()
    harness.loadArtifacts([artifactRow(1, name: "run.log", type: .log, length: 5_000_000)])
    harness.press(.focusPrevious, .drillIn)
    #expect(harness.effects.first == .fetchArtifact(id(5_001)))
    #expect(contentRequests(harness.effects) == [ContentRequest(.artifact(id(5_001)), offset: 0, length: 65_536)])
    harness.serve(bytes("hello\nworld\n") + [UInt8](repeating: UInt8(ascii: "."), count: 65_524))
    #expect(harness.state.viewer?.kind == .log)
    harness.press(.beginSearch)
    harness.type("world")
    harness.press(.commitPrompt)
    #expect(harness.state.viewer?.search?.currentMatch == 6)
    #expect(harness.state.viewer?.top == 6)
  }
}
