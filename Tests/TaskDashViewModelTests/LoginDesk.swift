import TaskDashStore

/// The login side of a server: counts attempts and refuses them while the password is wrong.
actor LoginDesk {
  static let refusal = StoreError.authentication(#"password authentication failed for user "ops""#)

  /// Login attempts that reached the server, refused ones included.
  private(set) var attempts = 0
  private var refusing = true
  private let backend = MemoryReader()

  func setRefusing(_ value: Bool) {
    refusing = value
  }

  /// The backend after one login, or the refusal.
  func login() throws -> any DashboardReading {
    attempts += 1
    if refusing { throw Self.refusal }
    return backend
  }
}
