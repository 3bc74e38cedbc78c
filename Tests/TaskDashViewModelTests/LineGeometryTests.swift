import SeededRandom
import Testing

@testable import TaskDashViewModel

@Suite struct LineGeometryTests {
  let geometry = LineGeometry(chunk: 8, hex: false)

  /// Random text with short and long lines, multi-byte characters and stray bytes.
  func randomContent(_ random: inout SplitMix64, validUTF8: Bool) -> [UInt8] {
    let newlineOdds = [3, 10, 40, 1_000][Int.random(in: 0..<4, using: &random)]
    var content: [UInt8] = []
    let length = Int.random(in: 0..<600, using: &random)
    while content.count < length {
      let pick = Int.random(in: 0..<newlineOdds + 8, using: &random)
      switch pick {
      case 0: content.append(UInt8(ascii: "\n"))
      case 1: content += [0xC3, 0xA9]  // é
      case 2: content += [0xE6, 0x97, 0xA5]  // 日
      case 3: content += [0xF0, 0x9F, 0x98, 0x80]  // 😀
      case 4 where !validUTF8: content.append([0x80, 0xBF, 0xFF, 0xC3][Int.random(in: 0..<4, using: &random)])
      default: content.append(UInt8(ascii: "a"))
      }
    }
    return content
  }

  func cache(_ content: [UInt8], windows: Set<Int64>? = nil) -> ContentCache {
    var cache = ContentCache(windowSize: 32, length: Int64(content.count), capacity: 1_000)
    for index in 0..<cache.windowCount where windows?.contains(index) ?? true {
      let range = cache.range(of: index)
      cache.store(Array(content[Int(range.lowerBound)..<Int(range.upperBound)]), at: index, pinned: [])
    }
    return cache
  }

  /// Every line start, walking forwards from the beginning.
  func starts(_ full: ContentCache) -> [Int64] {
    var starts: [Int64] = [0]
    while true {
      guard case .at(let next) = geometry.nextStart(after: starts.last!, in: full) else { return [] }
      if next >= full.length { return full.length == 0 ? [] : starts }
      starts.append(next)
    }
  }

  @Test(arguments: 0..<40)
  func lineStartsAgreeForwardsBackwardsAndFromAnyOffset(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed))
    let content = randomContent(&random, validUTF8: seed % 2 == 0)
    let full = cache(content)
    let starts = starts(full)
    guard !content.isEmpty else {
      #expect(geometry.start(containing: 0, in: full) == .at(0))
      return
    }
    #expect(starts.first == 0)
    for (start, next) in zip(starts, starts.dropFirst() + [full.length]) {
      #expect(next > start)
      #expect(next - start <= 16, "a display line is at most two chunks")
      #expect(geometry.previousStart(before: next, in: full) == .at(start))
    }
    for offset in 0..<full.length {
      let expected = starts.last { $0 <= offset }!
      #expect(geometry.start(containing: offset, in: full) == .at(expected))
    }
    if seed % 2 == 0 {
      // In valid UTF-8, no line starts inside a character.
      #expect(starts.allSatisfy { content[Int($0)] & 0xC0 != 0x80 })
    }
  }

  @Test(arguments: 0..<40)
  func withSomeWindowsMissingAnAnswerIsRightOrAsksForAWindow(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) + 1_000)
    let content = randomContent(&random, validUTF8: seed % 2 == 0)
    let full = cache(content)
    let loaded = Set((0..<full.windowCount).filter { _ in Bool.random(using: &random) })
    let partial = cache(content, windows: loaded)
    let starts = starts(full)
    for start in starts {
      let answer = geometry.nextStart(after: start, in: partial)
      if case .missing(let window) = answer {
        #expect(!loaded.contains(window))
      } else {
        #expect(answer == geometry.nextStart(after: start, in: full))
      }
    }
    for offset in 0..<full.length {
      let answer = geometry.start(containing: offset, in: partial)
      if case .missing(let window) = answer {
        #expect(!loaded.contains(window))
      } else {
        #expect(answer == geometry.start(containing: offset, in: full))
      }
    }
  }

  @Test func shortLinesAreNeverCut() {
    let content: [UInt8] = Array("one\ntwo words\n\nlast".utf8)
    #expect(starts(cache(content)) == [0, 4, 14, 15])
  }

  @Test func hexLinesAreSixteenBytes() {
    let hex = LineGeometry(chunk: 8, hex: true)
    let full = cache([UInt8](repeating: 0, count: 40))
    #expect(hex.nextStart(after: 0, in: full) == .at(16))
    #expect(hex.nextStart(after: 32, in: full) == .at(40))
    #expect(hex.start(containing: 39, in: full) == .at(32))
  }
}
