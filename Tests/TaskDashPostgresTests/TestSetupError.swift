/// The test environment is not usable; the message says what to fix.
struct TestSetupError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
