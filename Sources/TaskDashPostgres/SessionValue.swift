/// A value a session reads once: not read yet, or what it read (which may itself be nil).
enum SessionValue<Value: Sendable>: Sendable {
  case unknown
  case known(Value)
}
