import Foundation

/// The failed and timed-out runs whose error messages fold to one pattern (failure triage).
public struct FailureGroup: Hashable, Sendable, Identifiable {
  /// The folded message (numbers, ids, hex strings and quoted values as placeholders); empty
  /// for runs that failed without a message.
  public var pattern: String
  /// How many of the failures read have this pattern.
  public var count: Int
  /// How many tasks those failures belong to.
  public var taskCount: Int
  /// The names of the tasks hit most (at most `FailureGroup.namedTasks`), most hits first.
  public var taskNames: [String]
  /// The oldest and the newest failure's creation time.
  public var firstSeen: Date
  public var lastSeen: Date
  /// The newest failure's message, cut to the query's example length.
  public var example: String
  /// The characters of the newest failure's whole message.
  public var exampleLength: Int

  /// How many task names a group carries.
  public static let namedTasks = 3

  /// The pattern identifies the group.
  public var id: String { pattern }

  /// Creates a group.
  public init(
    pattern: String, count: Int, taskCount: Int, taskNames: [String], firstSeen: Date, lastSeen: Date,
    example: String, exampleLength: Int
  ) {
    self.pattern = pattern
    self.count = count
    self.taskCount = taskCount
    self.taskNames = taskNames
    self.firstSeen = firstSeen
    self.lastSeen = lastSeen
    self.example = example
    self.exampleLength = exampleLength
  }
}
