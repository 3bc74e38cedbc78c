/// What the mouse did, and at which cell (0-based column and row of the screen).
public struct MouseEvent: Hashable, Sendable {
  /// The kinds taskdash asks the terminal for.
  public enum Kind: Hashable, Sendable {
    /// The first button pressed and released.
    case click
    /// Two clicks in quick succession.
    case doubleClick
    /// The wheel rolled away from the user.
    case wheelUp
    /// The wheel rolled towards the user.
    case wheelDown
  }

  /// What happened.
  public var kind: Kind
  /// The column.
  public var x: Int
  /// The row.
  public var y: Int

  /// Creates an event.
  public init(_ kind: Kind, x: Int, y: Int) {
    self.kind = kind
    self.x = x
    self.y = y
  }
}
