/// Work a `ConnectionThread` does while no job is queued: wait on a socket, and handle it when
/// it becomes readable.
///
/// Both methods run on the connection's own thread between the actor's jobs, so they may use
/// the connection's libpq handle as the actor's methods do: never at the same time as one.
protocol IdleWatch: AnyObject, Sendable {
  /// The socket to wait on until the next job, or nil to wait for jobs only.
  func idleSocket() -> Int32?
  /// The socket became readable.
  func socketReadable()
}
