/// One environment of the config file, as the `e` list shows it.
public struct EnvironmentChoice: Hashable, Sendable {
  /// Its name.
  public var name: String
  /// Its target with the password masked (or why it cannot be opened as it stands).
  public var target: String

  /// Creates a choice.
  public init(name: String, target: String) {
    self.name = name
    self.target = target
  }
}
