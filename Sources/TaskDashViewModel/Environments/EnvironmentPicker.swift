/// The `e` list: the config file's environments, one of them under the cursor.
public struct EnvironmentPicker: Hashable, Sendable {
  /// The environments, in the file's order.
  public let choices: [EnvironmentChoice]
  /// The index of the one under the cursor.
  public private(set) var selected: Int

  /// A list with the cursor on `current` (the environment in use), else on the first.
  init(choices: [EnvironmentChoice], current: String?) {
    self.choices = choices
    self.selected = choices.firstIndex { $0.name == current } ?? 0
  }

  /// The environment under the cursor.
  public var selection: EnvironmentChoice? {
    choices.indices.contains(selected) ? choices[selected] : nil
  }

  /// Moves the cursor by `delta`, stopping at either end.
  mutating func move(by delta: Int) {
    guard !choices.isEmpty else { return }
    selected = max(0, min(choices.count - 1, selected + delta))
  }

  /// Moves the cursor to the first or the last environment.
  mutating func move(toEnd: Bool) {
    selected = toEnd ? max(0, choices.count - 1) : 0
  }
}
