/// Why the config file, or a choice of one of its environments, cannot be used: one line that
/// names the file and the line, and the exit status it ends the command with.
///
/// A problem never quotes a value of the file, which may hold a password; names (of keys,
/// environments, variables) are quoted, and the line says where to look.
struct ConfigError: Error, Equatable, CustomStringConvertible {
  /// The file.
  let path: String
  /// The line in it, from 1; nil for the file as a whole.
  let line: Int?
  /// What is wrong.
  let problem: String
  /// 78 (EX_CONFIG) for the file's content, 64 for a usage error (an environment chosen by
  /// `--env` or TASKDASH_ENV that the file does not have).
  let status: Int32

  /// A problem in the file's content.
  init(path: String, line: Int?, problem: String) {
    self.init(path: path, line: line, problem: problem, status: Self.configurationStatus)
  }

  init(path: String, line: Int?, problem: String, status: Int32) {
    self.path = path
    self.line = line
    self.problem = problem
    self.status = status
  }

  /// sysexits' EX_CONFIG.
  static let configurationStatus: Int32 = 78

  var description: String {
    if let line { return "\(path):\(line): \(problem)" }
    return "\(path): \(problem)"
  }
}
