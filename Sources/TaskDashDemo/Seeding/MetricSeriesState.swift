import Foundation
import SeededRandom

/// The evolving value of one metric of one run; drawn once per run, stepped per point.
public struct MetricSeriesState: Hashable, Sendable {
  /// The profile this series follows.
  public let profile: MetricProfile
  private let base: Double
  private let amplitude: Double
  private let period: Double
  private let phase: Double
  private let drift: Double
  private let rate: Double
  private var total: Double = 0

  /// Draws this run's parameters from the profile's ranges.
  public init(profile: MetricProfile, random: inout SplitMix64) {
    func draw(_ range: [Double]?, _ random: inout SplitMix64) -> Double {
      guard let range else { return 0 }
      return random.double(in: range[0]...range[1])
    }
    self.profile = profile
    base = draw(profile.base, &random)
    amplitude = draw(profile.amplitude, &random)
    period = Swift.max(draw(profile.period, &random), 1)
    phase = random.double(in: 0...(2 * Double.pi))
    drift = draw(profile.drift, &random)
    rate = draw(profile.rate, &random)
  }

  /// The value at `elapsed` seconds into the run (`progress` 0...1 of its life), `step` seconds
  /// after the previous point.
  public mutating func next(elapsed: Double, progress: Double, step: Double, random: inout SplitMix64) -> Double {
    var value: Double
    if profile.isCounter {
      let jitter = profile.jitter ?? 0
      total += Swift.max(0, rate * step * (1 + jitter * (random.unit() * 2 - 1)))
      value = total.rounded(.down)
    } else {
      value = base + amplitude * sin(phase + 2 * Double.pi * elapsed / period) + drift * progress
      if let noise = profile.noise { value += noise * random.gaussian() }
      if let chance = profile.spikeChance, let spike = profile.spike, random.chance(chance) {
        value *= random.double(in: spike[0]...spike[1])
      }
      if let low = profile.min { value = Swift.max(value, low) }
      if let high = profile.max { value = Swift.min(value, high) }
      if let decimals = profile.decimals {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        value = (value * scale).rounded() / scale
      }
    }
    return value
  }
}
