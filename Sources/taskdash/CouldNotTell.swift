/// The exit status of the commands scripts ask a yes/no question (`snapshot --fail-on`,
/// `wait`) when they could not tell the answer: no connection, no schema, no such run. 1 is
/// taken, by "yes, something failed".
enum CouldNotTell {
  static let status: Int32 = 2
}
