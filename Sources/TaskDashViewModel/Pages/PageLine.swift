import Foundation
import TaskDashModel

/// One line of a run's or a task's page, with what it is so the UI can style it.
///
/// `text` comes from the database where it shows data: the UI sanitizes it like all data.
public struct PageLine: Hashable, Sendable {
  /// What a line shows.
  public enum Role: Hashable, Sendable {
    /// The page's first line: what it is about.
    case title
    /// A section heading ("Plan", "Error message").
    case heading
    /// A field's label and value, `label` cells wide.
    case field(label: String)
    /// Plain text (an error message, a description).
    case text
    /// A line of pretty-printed JSON.
    case json
    /// A note about the data (nothing stored, shown in part).
    case note
    /// An error message line.
    case error
  }

  /// The part of a line that moves with the clock, so a page is built once per read and only
  /// these few lines are redone per frame.
  enum Live: Hashable, Sendable {
    /// `text` then the age of the date: "  (3m ago)".
    case age(Date)
    /// The time since the date, growing: "4m 10s so far".
    case elapsed(since: Date)
    /// A running run's last sign of life, or since when it has been silent.
    case activity(RunActivity)
  }

  /// What the line shows.
  public var role: Role
  /// The line's text (for a field, its value).
  public var text: String
  /// Which document of a run the line belongs to (its heading, text and notes), if any.
  public var document: RunDocument?
  var live: Live?

  /// Creates a line.
  public init(_ role: Role, _ text: String, document: RunDocument? = nil) {
    self.role = role
    self.text = text
    self.document = document
  }

  init(_ role: Role, _ text: String, live: Live) {
    self.init(role, text)
    self.live = live
  }

  /// The line as it reads at `now`.
  func at(_ now: Date) -> PageLine {
    guard let live else { return self }
    var line = self
    line.live = nil
    switch live {
    case .age(let date): line.text += "  (" + DisplayFormat.age(of: date, at: now) + ")"
    case .elapsed(let start):
      line.text = DisplayFormat.duration(seconds: max(0, now.timeIntervalSince(start))) + " so far"
    case .activity(let activity):
      let since = activity.lastSignAt.formatted(.iso8601)
      if let silent = activity.silentSeconds(at: now) {
        line.text = "silent since \(since) (\(DisplayFormat.duration(seconds: silent)))"
      } else {
        line.text =
          "last sign \(DisplayFormat.age(of: activity.lastSignAt, at: now)) · silent after "
          + DisplayFormat.duration(seconds: activity.quietLimit)
      }
    }
    return line
  }

  /// The text a search looks in: label and value.
  var searchableText: String {
    if case .field(let label) = role { return label + " " + text }
    return text
  }
}
