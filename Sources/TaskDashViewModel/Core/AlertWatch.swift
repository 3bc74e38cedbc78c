import Foundation
import TaskDashModel

/// Whether runs are watched for alerts, and which were already told about.
///
/// The first answer of each watch query is a baseline: it holds failures from before the
/// operator asked to be told (the query reaches back a few minutes, to allow for a database
/// clock slightly behind the dashboard's), and none of them rings.
public struct AlertWatch: Hashable, Sendable {
  /// How far before switching on the watch query reaches, so that no failure is missed when the
  /// database's clock is behind the dashboard's.
  static let clockAllowance: TimeInterval = 5 * 60

  /// Whether alerts are on.
  public internal(set) var isOn = false
  /// The moment the watch query reads from.
  var since: Date?
  /// The runs already told about (or part of a baseline), each with its kind.
  ///
  /// Kept to the runs of the latest answer, which is bounded: a run that left it is not
  /// answered again unless its row changes again.
  var told: Set<RunAlert.Key> = []
  /// The running runs of the latest answer, which the silence rule is applied to on every tick.
  var running: [RunRow] = []
  /// Whether an answer to the current query arrived (the baseline): from then on, failures ring.
  public internal(set) var hasBaseline = false
}
