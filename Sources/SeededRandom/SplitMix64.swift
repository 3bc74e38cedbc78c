import Foundation

/// A small, fast, seedable pseudo-random generator (SplitMix64).
///
/// The demo data must be the same for the same seed on every platform and Swift version, so the
/// helpers below are written here rather than taken from the standard library, whose
/// algorithms for ranges and shuffles may change. It is also a `RandomNumberGenerator`, so
/// randomized tests can replay a seed through the standard library's `random(in:using:)`.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator started from `seed`.
  public init(seed: UInt64) {
    state = seed
  }

  /// A generator for one numbered stream of `seed`, independent of the other streams.
  ///
  /// Lets the scale generator rebuild row `index` without replaying rows 0 to index-1.
  public init(seed: UInt64, stream: UInt64, index: UInt64) {
    state = Self.mix(seed ^ Self.mix(stream &* 0x9E37_79B9_7F4A_7C15 &+ Self.mix(index)))
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// The SplitMix64 output function: a strong 64-bit bit mixer.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A double in [0, 1).
  public mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A double in [lower, upper).
  public mutating func double(in range: ClosedRange<Double>) -> Double {
    range.lowerBound + unit() * (range.upperBound - range.lowerBound)
  }

  /// An integer in the closed range.
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound) &+ 1
    // span == 0 means the full 64-bit range.
    guard span != 0 else { return Int(truncatingIfNeeded: next()) }
    return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
  }

  /// True with probability `probability`.
  public mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  /// A standard normal variate (Box–Muller).
  public mutating func gaussian() -> Double {
    let u1 = max(unit(), 0x1.0p-53)
    let u2 = unit()
    return (-2 * Foundation.log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// One element of a non-empty array.
  public mutating func pick<Element>(_ elements: [Element]) -> Element {
    elements[int(in: 0...(elements.count - 1))]
  }

  /// The elements in a random order (Fisher–Yates).
  public mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
    var result = elements
    var index = result.count - 1
    while index > 0 {
      result.swapAt(index, int(in: 0...index))
      index -= 1
    }
    return result
  }

  /// A random version-4 UUID built from the generator's bits.
  public mutating func uuid() -> UUID {
    let high = next()
    let low = next()
    var bytes = [UInt8](repeating: 0, count: 16)
    for index in 0..<8 {
      bytes[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * index))
      bytes[index + 8] = UInt8(truncatingIfNeeded: low >> (56 - 8 * index))
    }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    return UUID(
      uuid: (
        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
        bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
      ))
  }

  /// `count` lowercase hexadecimal digits.
  public mutating func hex(_ count: Int) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var bytes = [UInt8]()
    bytes.reserveCapacity(count)
    var bits: UInt64 = 0
    for index in 0..<count {
      if index % 16 == 0 { bits = next() }
      bytes.append(digits[Int(bits & 0xF)])
      bits >>= 4
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
