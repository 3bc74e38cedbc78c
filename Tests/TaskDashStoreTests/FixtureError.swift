/// A test database could not be provided.
struct FixtureError: Error, CustomStringConvertible {
  let description: String
}
