import Foundation
import TaskDashModel

/// A run that needs the operator: it failed, timed out or went silent while they watched.
///
/// The UI rings the terminal's bell for it and, where the terminal takes them, shows a desktop
/// notification. Its text comes from the database and is sanitized where it is written.
public struct RunAlert: Hashable, Sendable {
  /// What happened to the run.
  public enum Kind: String, Hashable, Sendable {
    case failed, timeout, silent
  }

  /// Identifies one alert: at most one is raised per run and kind.
  struct Key: Hashable, Sendable {
    var runID: UUID
    var kind: Kind
  }

  public var runID: UUID
  public var kind: Kind
  /// "Data Pipeline #4", as the operator names runs.
  public var runTitle: String
  /// The error message, or nil.
  public var detail: String?

  /// Creates an alert.
  public init(runID: UUID, kind: Kind, runTitle: String, detail: String?) {
    self.runID = runID
    self.kind = kind
    self.runTitle = runTitle
    self.detail = detail
  }

  var key: Key { Key(runID: runID, kind: kind) }

  /// The alert for a run that failed or timed out, or nil for a run in another state.
  init?(failed row: RunRow) {
    guard let kind = row.status.known.flatMap({ Kind(rawValue: $0.rawValue) }) else { return nil }
    self.init(row, kind: kind, detail: row.errorMessage)
  }

  /// The alert of `kind` for `row`, titled as the operator names runs.
  init(_ row: RunRow, kind: Kind, detail: String? = nil) {
    self.init(runID: row.id, kind: kind, runTitle: "\(row.taskName) #\(row.runNumber)", detail: detail)
  }
}
