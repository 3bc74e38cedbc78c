import TaskDashViewModel
import TerminalUI

/// One row of the key-binding table: keys, what they do, and where they apply.
public struct KeyBinding: Hashable, Sendable {
  /// The keys that trigger the action.
  public var keys: [KeyEvent]
  /// How the help overlay and key bar name the keys, e.g. "j/↓".
  public var label: String
  /// What the help overlay says the action does.
  public var summary: String
  public var action: Action
  /// The input modes where the binding applies.
  public var modes: Set<InputMode>

  /// Creates a binding.
  public init(_ keys: [KeyEvent], _ label: String, _ summary: String, _ action: Action, in modes: Set<InputMode>) {
    self.keys = keys
    self.label = label
    self.summary = summary
    self.action = action
    self.modes = modes
  }
}
