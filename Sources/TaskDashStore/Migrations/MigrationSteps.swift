import Foundation

/// A migration script cut at its `-- taskdash:commit` lines.
///
/// Most migrations are one step: the whole script and its history row commit together. A
/// migration that must not hold a strong lock while it scans or builds (validating a constraint,
/// building an index concurrently) does that work in leading steps, each committed on its own
/// before the final step; every leading step must be safe to run again after a later one failed.
/// SQLite reads the marker as the comment it is and runs the whole script in one transaction.
public struct MigrationSteps: Hashable, Sendable {
  /// The line that ends a step.
  public static let marker = "-- taskdash:commit"

  /// The steps committed on their own, in order.
  public var leading: [String]
  /// The step that commits with the history row.
  public var final: String

  /// Cuts `script` at every line that is exactly the marker.
  public init(_ script: String) {
    var steps: [String] = []
    var current: [Substring] = []
    for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.trimmingCharacters(in: .whitespaces) == Self.marker {
        steps.append(current.joined(separator: "\n"))
        current = []
      } else {
        current.append(line)
      }
    }
    leading = steps
    final = current.joined(separator: "\n")
  }
}
