/// Receives a seed's progress after each batch (the CLI draws a bar or prints lines).
///
/// A reporter that throws stops the seed: the transaction rolls back and nothing is written.
public protocol SeedProgressReporting: Sendable {
  /// Called after every batch of rows, inside the seeding transaction.
  func report(_ progress: SeedProgress) throws
}
