/// One scalar of the config file as written, and the line it is on.
struct ConfigValue: Hashable, Sendable {
  /// The text, before any `${NAME}` reference is expanded.
  let text: String
  /// Its line, from 1.
  let line: Int
}
