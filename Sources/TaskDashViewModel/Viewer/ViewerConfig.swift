/// Sizes that bound the artifact viewer's memory and work, whatever the artifact's size.
public struct ViewerConfig: Hashable, Sendable {
  /// Bytes per content window read from the store.
  public var windowSize: Int
  /// Lines longer than this are cut into display chunks at multiples of it (see `LineGeometry`).
  public var chunkSize: Int
  /// Windows kept in the cache (more only when a very tall screen needs more to show a page).
  public var cacheWindows: Int
  /// Content up to this size is read whole, so JSON can be re-indented.
  public var wholeDocumentLimit: Int
  /// Re-indented JSON larger than this is shown as stored instead.
  public var reindentLimit: Int
  /// Leading bytes looked at for a NUL that marks binary content.
  public var binaryProbe: Int
  /// Bytes per read while a search scans content too large to read whole (two such pieces
  /// are held at most).
  public var scanSize: Int

  /// Creates a configuration; the chunk size is at least 4 bytes, a window at least four
  /// chunks (which the line arithmetic relies on) and a scan piece at least a window.
  public init(
    windowSize: Int = 64 * 1024, chunkSize: Int = 2 * 1024, cacheWindows: Int = 16,
    wholeDocumentLimit: Int = 1 << 20, reindentLimit: Int = 4 << 20, binaryProbe: Int = 1024,
    scanSize: Int = 4 << 20
  ) {
    self.chunkSize = max(4, chunkSize)
    self.windowSize = max(windowSize, 4 * self.chunkSize)
    self.cacheWindows = max(2, cacheWindows)
    self.wholeDocumentLimit = max(0, wholeDocumentLimit)
    self.reindentLimit = max(0, reindentLimit)
    self.binaryProbe = max(1, binaryProbe)
    self.scanSize = max(scanSize, self.windowSize)
  }
}
