/// Why an export did not start or did not finish.
enum ExportFailure: Error, CustomStringConvertible {
  /// `--task` names no task.
  case noSuchTask(String)
  /// Standard output refused a write (a closed pipe, a full disk).
  case output(String)

  var description: String {
    switch self {
    case .noSuchTask(let name): "no task is named '\(name)'"
    case .output(let reason): "cannot write the export: \(reason)"
    }
  }
}
