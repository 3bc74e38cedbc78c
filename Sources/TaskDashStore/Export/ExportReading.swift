/// Streams the rows of an export with bounded memory: each row is handed over as it is read,
/// its values as text in `ExportKind.columns` order (nil for NULL), and nothing is kept.
public protocol ExportReading: Sendable {
  /// Reads the rows `request` names, calling `row` for each, on the store's own thread, in
  /// order; returns how many there were.
  func export(_ request: ExportRequest, row: @escaping @Sendable ([String?]) -> Void) async throws -> Int
  /// Closes the connection.
  func close() async
}
