import Foundation
import SeededRandom
import Testing

struct SplitMix64Tests {
  @Test func theFirstOutputsMatchTheReferenceSequence() {
    var random = SplitMix64(seed: 0)
    #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
  }

  @Test func integersStayInsideTheirRangeAndReachBothEnds() {
    var random = SplitMix64(seed: 7)
    var seen = Set<Int>()
    for _ in 0..<2000 {
      let value = random.int(in: -3...3)
      #expect((-3...3).contains(value))
      seen.insert(value)
    }
    #expect(seen == Set(-3...3))
  }

  @Test func streamsAreReproducibleAndDistinct() {
    var first = SplitMix64(seed: 42, stream: 2, index: 10)
    var again = SplitMix64(seed: 42, stream: 2, index: 10)
    var neighbour = SplitMix64(seed: 42, stream: 2, index: 11)
    let value = first.next()
    #expect(value == again.next())
    #expect(value != neighbour.next())
  }

  @Test func uuidsAreVersionFourWithTheRfcVariant() {
    var random = SplitMix64(seed: 3)
    let text = random.uuid().uuidString.lowercased()
    let characters = Array(text)
    #expect(characters[14] == "4")
    #expect("89ab".contains(characters[19]))
  }

  @Test func shufflingKeepsEveryElement() {
    var random = SplitMix64(seed: 9)
    let shuffled = random.shuffled(Array(0..<50))
    #expect(shuffled.sorted() == Array(0..<50))
    #expect(shuffled != Array(0..<50))
  }
}
