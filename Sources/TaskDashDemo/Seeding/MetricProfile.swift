import TaskDashModel

/// How one metric of a run behaves over time (an entry of the manifest's `metrics`).
///
/// Counters grow by `rate` per second with `jitter`; the others are gauges: a base level, a
/// wave of `amplitude` and `period`, a `drift` over the run, gaussian `noise` and rare spikes.
public struct MetricProfile: Hashable, Sendable, Decodable {
  public var name: String
  public var type: MetricType
  public var unit: String?
  var base: [Double]?
  var amplitude: [Double]?
  var period: [Double]?
  var drift: [Double]?
  var noise: Double?
  var min: Double?
  var max: Double?
  var decimals: Int?
  var rate: [Double]?
  var jitter: Double?
  var spikeChance: Double?
  var spike: [Double]?

  enum CodingKeys: String, CodingKey {
    case name, type, unit, base, amplitude, period, drift, noise, min, max, decimals, rate, jitter, spike
    case spikeChance = "spike_chance"
  }

  /// Whether values accumulate (a counter) rather than move around a level.
  var isCounter: Bool { rate != nil }

  /// Checks that every range has two ordered bounds.
  func validate() throws {
    for (field, range) in [
      ("base", base), ("amplitude", amplitude), ("period", period), ("drift", drift), ("rate", rate),
      ("spike", spike),
    ] {
      if let range, range.count != 2 || range[0] > range[1] {
        throw TemplateError(template: "demo.json metric \(name)", message: "\(field) needs [low, high]")
      }
    }
    if rate == nil && base == nil {
      throw TemplateError(template: "demo.json metric \(name)", message: "needs base (gauge) or rate (counter)")
    }
  }
}
