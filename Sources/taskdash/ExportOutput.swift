import Foundation
import Synchronization
import TaskDashStore

/// The export's way to standard output: lines gathered into 64 KB writes, from whichever thread
/// the store reads on. A failed write (a reader that went away) is kept, and the rest of the
/// rows are dropped rather than written after it.
final class ExportOutput: Sendable {
  private let format: ExportFormat
  private let columns: [ExportColumn]
  private let state = Mutex(State())

  private struct State {
    var buffer: [UInt8] = []
    var failure: String?
  }

  /// Bytes gathered before one write.
  static let chunkSize = 64 * 1024

  init(format: ExportFormat, columns: [ExportColumn]) {
    self.format = format
    self.columns = columns
  }

  /// Writes the header, if the format has one.
  func start() {
    if let header = format.header(columns) { append(header) }
  }

  /// Writes one row.
  func write(_ values: [String?]) {
    append(format.line(values, columns: columns))
  }

  /// Writes what is left; throws if any write failed.
  func finish() throws {
    let failure = state.withLock { state -> String? in
      Self.flush(&state)
      return state.failure
    }
    if let failure { throw ExportFailure.output(failure) }
  }

  private func append(_ line: String) {
    state.withLock { state in
      guard state.failure == nil else { return }
      state.buffer.append(contentsOf: line.utf8)
      if state.buffer.count >= Self.chunkSize { Self.flush(&state) }
    }
  }

  private static func flush(_ state: inout State) {
    guard state.failure == nil, !state.buffer.isEmpty else { return }
    var offset = 0
    while offset < state.buffer.count {
      let written = state.buffer[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        state.failure = String(cString: strerror(errno))
        break
      }
      offset += written
    }
    state.buffer.removeAll(keepingCapacity: true)
  }
}
