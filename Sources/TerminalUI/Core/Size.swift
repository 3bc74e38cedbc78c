/// A terminal or area size in cells.
public struct Size: Hashable, Sendable {
  public var width: Int
  public var height: Int

  /// Creates a size; negative values are clamped to zero.
  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
  }
}
