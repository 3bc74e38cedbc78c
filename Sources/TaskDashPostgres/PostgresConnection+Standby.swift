import TaskDashStore

extension PostgresConnection {
  /// The write guard: throws `StoreError.readOnlyStandby`, naming the server libpq reached, when
  /// the session is on a standby (a server in recovery).
  ///
  /// Writing sessions run it on connect and the migration driver before each migration, so any
  /// write command refuses a standby with one line, whichever host of a multi-host target libpq
  /// chose.
  func refuseStandby() throws {
    guard try query("SELECT pg_is_in_recovery()").first?.bool(0) == true else { return }
    let (host, port) = try address()
    throw StoreError.readOnlyStandby(address: host + ":" + port)
  }
}
