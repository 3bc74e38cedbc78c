/// Which of a migration's two files to run.
public enum MigrationDirection: String, Hashable, Sendable {
  case up, down
}
